// Keyboard (W/S zoom, A/D pan, F fit) and wheel zoom/pan move the view the right way.
import { test, expect } from "./fixtures";
import type { AppPage, ViewRange } from "./app-page";

const span = (v: ViewRange) => v.end - v.start;
const mid = (v: ViewRange) => (v.start + v.end) / 2;

/** The view once it has moved away from `before` and stopped moving. */
async function settledAfter(app: AppPage, before: ViewRange): Promise<ViewRange> {
  await app.viewChangedFrom(before);
  return app.settledView();
}

async function press(app: AppPage, key: string, times = 1): Promise<ViewRange> {
  const before = await app.settledView();
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < times; i++) await app.page.keyboard.press(key);
  return settledAfter(app, before);
}

test("W zooms in, S zooms out, D pans later, A pans earlier, F fits", async ({ app }) => {
  await app.waitForTimeline();
  await app.pointAtCanvas();
  const fitted = await app.settledView();

  const zoomedIn = await press(app, "w", 3);
  expect(span(zoomedIn)).toBeLessThan(span(fitted));

  const right = await press(app, "d", 2);
  expect(right.start).toBeGreaterThan(zoomedIn.start);
  expect(span(right)).toBeCloseTo(span(zoomedIn), -1);

  const left = await press(app, "a", 1);
  expect(left.start).toBeLessThan(right.start);
  expect(span(left)).toBeCloseTo(span(right), -1);

  const zoomedOut = await press(app, "s", 1);
  expect(span(zoomedOut)).toBeGreaterThan(span(left));

  await press(app, "f");
  const refit = await app.view();
  expect(refit.start).toBeCloseTo(fitted.start, -1);
  expect(refit.end).toBeCloseTo(fitted.end, -1);
  await app.screenshot("after-keyboard");
});

test("the wheel zooms in and out around the pointer, and pans with shift or a horizontal wheel", async ({ app }) => {
  await app.waitForTimeline();
  const fitted = await app.settledView();
  await app.pointAtCanvas(0.25);

  // Zoom in: ctrl+wheel up (the usual trackpad pinch), else a plain wheel up.
  let before = await app.view();
  await app.page.keyboard.down("Control");
  await app.page.mouse.wheel(0, -400);
  await app.page.keyboard.up("Control");
  const zoomedIn = await settledAfter(app, before);
  expect(span(zoomedIn)).toBeLessThan(span(fitted));
  // Around the pointer (a quarter across): the view's left edge moved right, its right edge further left.
  expect(zoomedIn.start).toBeGreaterThanOrEqual(fitted.start);
  expect(fitted.end - zoomedIn.end).toBeGreaterThan(zoomedIn.start - fitted.start);

  before = zoomedIn;
  await app.page.mouse.wheel(400, 0);
  const panned = await settledAfter(app, before);
  expect(panned.start).toBeGreaterThan(before.start);
  expect(span(panned)).toBeCloseTo(span(before), -1);

  before = panned;
  await app.page.keyboard.down("Shift");
  await app.page.mouse.wheel(0, -400);
  await app.page.keyboard.up("Shift");
  const shiftPanned = await settledAfter(app, before);
  expect(mid(shiftPanned)).toBeLessThan(mid(before));

  before = shiftPanned;
  await app.page.keyboard.down("Control");
  await app.page.mouse.wheel(0, 800);
  await app.page.keyboard.up("Control");
  const zoomedOut = await settledAfter(app, before);
  expect(span(zoomedOut)).toBeGreaterThan(span(before));
  await app.screenshot("after-wheel");
});
