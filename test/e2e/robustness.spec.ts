// Bad input: a malformed line is reported by its number, and markup in a trace stays text.
import path from "node:path";
import { test, expect } from "./fixtures";
import { AppPage } from "./app-page";
import { fixturesDir, modelOf } from "./server";

test("a trace with a bad line 5 says so, naming line 5", async ({ page, serve, dialogs }) => {
  void dialogs;
  const app = new AppPage(page, await serve(path.join(fixturesDir, "bad-line-5.jsonl")));
  await app.goto();
  const banner = app.page.locator("[data-testid=load-error], [data-testid=load-warning]");
  await expect(banner.first()).toBeVisible();
  await expect(banner.first()).toContainText(/line 5\b/);
  await app.screenshot("malformed-line-5");
});

test("names and values holding markup are shown as text and never become elements", async ({ page, serve, dialogs }) => {
  const file = path.join(fixturesDir, "markup.jsonl");
  const app = new AppPage(page, await serve(file));
  await app.goto();
  await app.waitForTimeline();
  const model = modelOf(file);
  const worker = model.goroutines.find((g) => g.name.startsWith("<script>"))!;
  const ch = model.objects.find((o) => o.kind === "chan")!;
  // The names appear literally, as text.
  await expect(app.lane(worker.id)).toContainText("<script>window.__xss=4</script>");
  await expect(app.track("chan", ch.id)).toContainText('<img src=x onerror="window.__xss=1">');
  // The output panel shows the printed markup as text.
  await expect(app.outputLines.filter({ hasText: '<img src=x onerror="window.__xss=5"> <b>bold</b>' })).toHaveCount(1);
  // Hover the channel while it buffers both values: the tooltip shows them as text.
  await app.hoverAt(app.track("chan", ch.id), 1_500_000);
  await expect(app.tooltip).toContainText("<script>window.__xss=2</script>");
  await app.screenshot("markup-as-text");
  // Select the worker's lane too (the inspector shows its name and location).
  await app.lane(worker.id).click();
  const injected = await app.page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    imgs: [...document.querySelectorAll("img")].filter((i) => i.getAttribute("src") === "x").length,
    scripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
    bold: document.querySelectorAll("b").length,
  }));
  expect(injected).toEqual({ xss: undefined, imgs: 0, scripts: 0, bold: 0 });
  expect(dialogs).toEqual([]);
  await app.screenshot("markup-inspector");
});
