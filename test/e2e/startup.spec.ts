// The app starts on the default sample, and every goroutine of a trace gets a labelled lane.
import { test, expect } from "./fixtures";
import { AppPage } from "./app-page";
import { modelOf, sample, samples } from "./server";

const defaultSample = samples().find((s) => s.isDefault)!;

test("starts on the default sample, with a lane per goroutine", async ({ app }) => {
  await app.waitForTimeline();
  await expect(app.page).toHaveTitle(new RegExp(defaultSample.file.replace(".", "\\.")));
  const model = modelOf(sample(defaultSample.name));
  expect(await app.laneIds()).toEqual(model.goroutines.filter((g) => g.id >= 1).map((g) => g.id));
  // The model came from the early download the served page starts (renderer/src/api/early-model.ts),
  // in a worker: the page itself never requested it.
  const download = await app.page.evaluate(() => ({
    worker: performance.getEntriesByName("goroscope:model-download").length,
    page: performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/model/")).length,
  }));
  expect(download).toEqual({ worker: 1, page: 0 });
  await app.screenshot("default-sample");
  // The light theme too (the toggle is the toolbar's; the canvas colours follow it).
  const before = await app.drawn();
  await app.page.getByTestId("theme-toggle").click();
  await expect(app.page.locator("html")).toHaveAttribute("data-theme", "light");
  await app.waitForRedraw(before);
  await app.screenshot("default-sample-light");
});

for (const s of samples()) {
  test(`sample ${s.name}: every goroutine has a labelled lane named after it`, async ({ page, serve, dialogs }) => {
    void dialogs;
    const app = new AppPage(page, await serve(sample(s.name)));
    await app.goto();
    await app.waitForTimeline();
    const model = modelOf(sample(s.name));
    const goroutines = model.goroutines.filter((g) => g.id >= 1);
    expect(await app.laneIds()).toEqual(goroutines.map((g) => g.id));
    for (const g of goroutines) await expect(app.lane(g.id)).toContainText(g.name);
    await app.screenshot(`sample-${s.name}`);
  });
}
