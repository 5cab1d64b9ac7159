// A Go execution trace in the app: the welcome screen's Go sample opens with a labelled lane per
// goroutine, and the Statistics tab groups its blocking by call site, saying why it cannot name
// the channel. Screenshots: go-trace.png (timeline), go-trace-stats.png (the Statistics tab).
import fs from "node:fs";
import { traceStatistics } from "../../traces/analysis";
import { openAnyTrace } from "../../traces/import/any-trace";
import { loadModel } from "../../traces/model";
import { test, expect } from "./fixtures";
import { sample } from "./server";

function goModel(file: string) {
  const any = openAnyTrace(new Uint8Array(fs.readFileSync(file)), "go-workerpool.trace");
  if (!any.ok) throw new Error(any.message);
  return loadModel(any.bytes).model;
}

test("opens the Go sample from the welcome screen and shows its statistics", async ({ app }) => {
  const page = app.page;
  await app.waitForTimeline();
  await page.getByTestId("show-welcome").click();
  await expect(app.welcome).toBeVisible();
  await page.locator('[data-testid=sample][data-name="go-workerpool"]').click();
  await expect(page).toHaveTitle(/go-workerpool\.trace/);
  await app.waitForTimeline();

  const model = goModel(sample("go-workerpool"));
  const ids = model.goroutines.filter((g) => g.id >= 1).map((g) => g.id);
  expect(ids.length).toBeGreaterThan(1);
  await expect.poll(() => app.laneIds()).toEqual(ids);
  for (const g of model.goroutines.filter((x) => x.id >= 1)) await expect(app.lane(g.id)).toContainText(g.name);
  await app.screenshot("go-trace");

  await page.getByTestId("tab-statistics").click();
  const panel = page.getByTestId("statistics");
  await expect(panel).toBeVisible();
  await expect(page.getByTestId("stats-go-note")).toHaveText(/Imported from a Go trace: blocking is grouped by call site; Go traces do not record which channel or lock/);
  const stats = traceStatistics(model);
  const sites = page.getByTestId("stats-site");
  await expect(sites).toHaveCount(stats.sites.length);
  const top = stats.sites[0]!;
  await expect(sites.first()).toContainText(`main.go:${top.loc!.line}`);
  await expect(sites.first()).toContainText(top.reason);
  await expect(page.getByTestId("stats-goroutine")).toHaveCount(ids.length);

  // A site row goes to its longest block: that goroutine selected, the cursor on the go.block.
  await sites.first().click();
  await expect(sites.first()).toHaveAttribute("data-selected", "true");
  await expect(page.locator(`[data-testid=stats-goroutine][data-g="${top.longestG}"]`)).toHaveAttribute("data-selected", "true");
  await app.screenshot("go-trace-stats");
});

test("the Statistics tab on one of ours also lists the objects waited on", async ({ app }) => {
  await app.waitForTimeline();
  await app.page.getByTestId("tab-statistics").click();
  await expect(app.page.getByTestId("statistics")).toBeVisible();
  await expect(app.page.getByTestId("stats-go-note")).toHaveCount(0);
  await expect(app.page.getByTestId("stats-object").first()).toBeVisible();
  await app.page.getByTestId("stats-goroutine").first().click();
  await expect(app.page.getByTestId("stats-goroutine").first()).toHaveAttribute("data-selected", "true");
  await app.screenshot("stats-ours");
});
