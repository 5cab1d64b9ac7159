/**
 * The event axis: a trace that happens at one instant (lock-order, all at t=0) opens with x =
 * event order, and every lane shows, event by event, the states `stateAt` gives; the toolbar's
 * "Time | Events" toggle switches to the time axis (where it is all one instant) and back. Also
 * the debugger on a virtual-clock program: the timeline opens on events and keeps the cursor in view.
 * Screenshots: test-results/screenshots/axis-*.png.
 */
import path from "node:path";
import { test, expect } from "./fixtures";
import { AppPage } from "./app-page";
import { modelOf, repoRoot, sample, serveDebug } from "./server";

/** The tooltip's first line under the mouse: the state of the hovered goroutine there. */
async function stateLine(app: AppPage): Promise<string> {
  await expect(app.tooltip).toBeVisible();
  return (await app.tooltip.locator(":scope > div").nth(1).textContent()) ?? "";
}

test("lock-order (all at t=0) opens on the event axis: every lane shows its states in event order", async ({ page, serve, dialogs }) => {
  void dialogs;
  const file = sample("lock-order");
  const model = modelOf(file);
  const app = new AppPage(page, await serve(file));
  await app.goto();
  await app.waitForTimeline();
  await expect(app.timeline).toHaveAttribute("data-axis", "events");
  const toggle = page.getByTestId("axis-toggle");
  await expect(toggle).toHaveAttribute("data-axis", "events");
  await expect(toggle.getByRole("button", { name: "Events" })).toHaveAttribute("aria-pressed", "true");
  const fitted = await app.settledView();
  expect(fitted.start).toBeLessThanOrEqual(0);
  expect(fitted.end).toBeGreaterThanOrEqual(model.eventCount);

  // In the middle of each event's unit, each lane's tooltip names the state after that event:
  // probed at every event that changed the goroutine's state (so every segment is visited once).
  const goroutines = model.goroutines.filter((g) => g.id >= 1);
  const statusAt = (g: number, i: number) => model.stateAt(model.seqOf(i)).goroutines.find((x) => x.id === g)?.status;
  for (const g of goroutines) {
    const seen = new Set<string>();
    for (let i = 0; i < model.eventCount; i++) {
      const status = statusAt(g.id, i);
      if (i > 0 && status === statusAt(g.id, i - 1)) continue;
      await app.hoverAt(app.lane(g.id), i + 0.5);
      const line = await stateLine(app);
      expect(line, `g${g.id} after event ${i}`).toMatch(new RegExp(`^${status ?? "not created yet"}`));
      seen.add(line);
    }
    expect(seen.size, `distinct states of g${g.id}`).toBeGreaterThan(1);
  }
  await app.hoverAt(app.lane(goroutines[1]!.id), 9.5);
  await expect(app.tooltip).toContainText(`after event #${model.seqOf(9)} · t = 0 s`);
  await app.screenshot("axis-events");

  // The time axis: everything is one instant, so anywhere along a lane it is the same (final) state.
  let before = await app.drawn();
  await toggle.getByRole("button", { name: "Time" }).click();
  await expect(app.timeline).toHaveAttribute("data-axis", "time");
  await app.waitForRedraw(before);
  const timeView = await app.settledView();
  expect(timeView.end - timeView.start).toBeLessThan(2); // the trace spans 0 ns: its extent is 1 ns
  const g = goroutines[1]!.id;
  await app.hoverAt(app.lane(g), 0.2);
  const early = await stateLine(app);
  await app.hoverAt(app.lane(g), 0.8);
  expect(await stateLine(app)).toBe(early);
  await app.screenshot("axis-time");

  before = await app.drawn();
  await toggle.getByRole("button", { name: "Events" }).click();
  await expect(app.timeline).toHaveAttribute("data-axis", "events");
  await app.waitForRedraw(before);
  const back = await app.settledView();
  expect(back.start).toBeCloseTo(fitted.start, 5);
  expect(back.end).toBeCloseTo(fitted.end, 5);
});

test("a trace spread over time opens on the time axis; zoomed in, switching keeps the same events in view", async ({ app }) => {
  await app.waitForTimeline();
  await expect(app.timeline).toHaveAttribute("data-axis", "time");
  await app.pointAtCanvas(0.5);
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 4; i++) await app.page.keyboard.press("w");
  const zoomed = await app.settledView();
  const before = await app.drawn();
  await app.page.getByTestId("axis-toggle").getByRole("button", { name: "Events" }).click();
  await expect(app.timeline).toHaveAttribute("data-axis", "events");
  await app.waitForRedraw(before);
  const events = await app.settledView();
  // Event indices now, a strict part of the trace: not the fitted view.
  expect(events.end - events.start).toBeLessThan(217);
  expect(events.start).toBeGreaterThanOrEqual(0);
  await app.page.getByTestId("axis-toggle").getByRole("button", { name: "Time" }).click();
  const again = await app.settledView();
  expect(again.start).toBeGreaterThanOrEqual(zoomed.start - 1);
  expect(again.end).toBeLessThanOrEqual(zoomed.end + 1);
});


test("the debugger on a virtual-clock program: the event axis, with the cursor kept in view", async ({ page }) => {
  const server = await serveDebug("examples/bugs/chan-send-holding-lock.ts");
  try {
    await page.goto(server.url);
    const app = new AppPage(page, { url: server.url } as never);
    await expect(page.getByTestId("run-state")).toHaveAttribute("data-state", "ended");
    await app.waitForTimeline();
    await expect(app.timeline).toHaveAttribute("data-axis", "events");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Home");
    await expect(page.getByTestId("cursor-info")).toHaveAttribute("data-seq", "1");
    // Zoomed in on the first events, stepping to the finding pans the view to the cursor.
    await app.pointAtCanvas(0.05);
    for (let i = 0; i < 6; i++) await page.keyboard.press("w");
    await page.keyboard.press(".");
    const seq = Number(await page.getByTestId("cursor-info").getAttribute("data-seq"));
    expect(seq).toBeGreaterThan(1);
    await expect.poll(async () => {
      const v = await app.view();
      return v.start <= seq - 1 && seq - 1 <= v.end;
    }, { message: "the cursor's event in view" }).toBe(true);
    await page.keyboard.press("f");
    await app.settledView();
    await page.screenshot({ path: path.join(repoRoot, "test-results", "screenshots", "axis-debugger.png") });
  } finally {
    await server.stop();
  }
});
