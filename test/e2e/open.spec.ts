// Opening another trace: from the welcome screen's samples, and from outside through the API
// (`POST /api/show`, what a second `goroscope view FILE` would do), which the page follows at once.
import { test, expect } from "./fixtures";
import { modelOf, sample, samples } from "./server";

test("opens another sample from the welcome screen", async ({ app }) => {
  await app.waitForTimeline();
  await app.page.getByTestId("show-welcome").click();
  await expect(app.welcome).toBeVisible();
  await expect(app.samples).toHaveCount(samples().length);
  await app.screenshot("welcome");
  await app.page.locator('[data-testid=sample][data-name="deadlock"]').click();
  await app.waitForTimeline();
  await expect(app.page).toHaveTitle(/deadlock\.jsonl/);
  const model = modelOf(sample("deadlock"));
  await expect.poll(() => app.laneIds()).toEqual(model.goroutines.filter((g) => g.id >= 1).map((g) => g.id));
  await expect(app.page.locator('[data-testid=diagnostic][data-kind="deadlock"]')).toHaveCount(1);
  await app.screenshot("opened-from-welcome");
});

test("POST /api/show with the token makes the page load that trace", async ({ app, request }) => {
  await app.waitForTimeline();
  const file = sample("lock-order");
  const refused = await request.post(`${app.app.origin}/api/show`, { data: { path: file } });
  expect(refused.status()).toBe(403);
  const before = await app.drawn();
  const r = await request.post(`${app.app.origin}/api/show`, { data: { path: file }, headers: { "X-Goroscope-Token": app.app.token } });
  expect(r.status()).toBe(200);
  expect(await r.json()).toMatchObject({ name: "lock-order.jsonl", path: file });
  await expect(app.page).toHaveTitle(/lock-order\.jsonl/);
  await app.waitForRedraw(before);
  const model = modelOf(file);
  await expect.poll(() => app.laneIds()).toEqual(model.goroutines.filter((g) => g.id >= 1).map((g) => g.id));
  await expect(app.page.locator('[data-testid=diagnostic][data-kind="lock-order"]')).toHaveCount(1);
  await app.screenshot("opened-through-api");
});

test("a trace shown through the API is listed under recent files and reopens from there", async ({ app, request }) => {
  await app.waitForTimeline();
  const file = sample("leak");
  const r = await request.post(`${app.app.origin}/api/show`, { data: { path: file }, headers: { "X-Goroscope-Token": app.app.token } });
  expect(r.status()).toBe(200);
  await expect(app.page).toHaveTitle(/leak\.jsonl/);
  await app.page.getByTestId("show-welcome").click();
  const recent = app.page.locator(`[data-testid=recent][data-path="${file}"]`);
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText("leak.jsonl");
  await app.screenshot("welcome-with-recent");
  await app.page.locator('[data-testid=sample][data-name="worker-pools"]').click();
  await expect(app.page).toHaveTitle(/worker-pools\.jsonl/);
  await app.page.getByTestId("show-welcome").click();
  await app.page.locator(`[data-testid=recent][data-path="${file}"]`).click();
  await expect(app.page).toHaveTitle(/leak\.jsonl/);
  await app.waitForTimeline();
  await expect(app.page.locator('[data-testid=diagnostic][data-kind="leak"]')).toHaveCount(1);
});

test("opens a local file picked with the browser's file input", async ({ app }) => {
  await app.waitForTimeline();
  await app.page.getByTestId("show-welcome").click();
  await app.page.getByTestId("file-input").setInputFiles(sample("rwmutex-readers"));
  await expect(app.page).toHaveTitle(/rwmutex-readers\.jsonl/);
  await app.waitForTimeline();
  const model = modelOf(sample("rwmutex-readers"));
  await expect.poll(() => app.laneIds()).toEqual(model.goroutines.filter((g) => g.id >= 1).map((g) => g.id));
  await expect(app.track("rwmutex", model.objects.find((o) => o.kind === "rwmutex")!.id)).toBeVisible();
});
