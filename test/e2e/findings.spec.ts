// Clicking a finding highlights who is involved and brings its moment into view.
import { test, expect } from "./fixtures";
import { AppPage } from "./app-page";
import { findingsOf, modelOf, sample } from "./server";

for (const name of ["context-leak", "leak"]) {
  test(`clicking a leak in ${name} highlights the leaked goroutine and moves the view to it`, async ({ page, serve, dialogs }) => {
    void dialogs;
    const file = sample(name);
    const leak = findingsOf(file).find((f) => f.kind === "leak")!;
    const leaked = leak.goroutines[0]!.g;
    const app = new AppPage(page, await serve(file));
    await app.goto();
    await app.waitForTimeline();
    // Move the view away from the finding first: zoom in hard, then pan to the start.
    await app.pointAtCanvas(0.5);
    const model = modelOf(file);
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 8; i++) await app.page.keyboard.press("w");
    for (let i = 0; i < 20; i++) await app.page.keyboard.press("a");
    const away = await app.settledView();
    expect(leak.t < away.start || leak.t > away.end, "the finding is out of view before the click").toBe(true);
    const finding = app.page.locator('[data-testid=diagnostic][data-kind="leak"]').filter({ hasText: leak.goroutines[0]!.name }).first();
    await finding.click();
    await expect(app.lane(leaked)).toHaveAttribute("data-highlighted", "true");
    const view = await app.viewChangedFrom(away);
    expect(view.start).toBeLessThanOrEqual(leak.t);
    expect(view.end).toBeGreaterThanOrEqual(leak.t);
    // The others are dimmed, not highlighted.
    for (const g of model.goroutines.filter((x) => x.id >= 1 && !leak.goroutines.some((l) => l.g === x.id))) {
      await expect(app.lane(g.id)).not.toHaveAttribute("data-highlighted", "true");
      await expect(app.lane(g.id)).toHaveAttribute("data-dimmed", "true");
    }
    await app.screenshot(`finding-${name}`);
  });
}
