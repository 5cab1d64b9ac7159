/**
 * Stepping through a program (issue 5), as a user does: `goroscope debug PROGRAM --browser` runs
 * the program in the backend and streams its trace into the app; the user steps the cursor to the
 * finding and back, and reads the goroutine states, the channel contents, the source markers and
 * the wait-for graph. One deadlock with a cycle through a channel and a lock
 * (examples/bugs/chan-send-holding-lock.ts) and one leak (examples/bugs/worker-never-stopped.ts).
 * Screenshots go to test-results/screenshots/debugger-*.png.
 */
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { repoRoot, serveDebug } from "./server";

const screenshotsDir = path.join(repoRoot, "test-results", "screenshots");


/** The debugger's panels, by the test ids of issue 5. */
class DebuggerPage {
  readonly runState: Locator;
  readonly cursorInfo: Locator;
  readonly goroutines: Locator;
  readonly channels: Locator;
  readonly markers: Locator;
  readonly edges: Locator;
  readonly cycleEdges: Locator;

  constructor(readonly page: Page) {
    this.runState = page.getByTestId("run-state");
    this.cursorInfo = page.getByTestId("cursor-info");
    this.goroutines = page.getByTestId("state-goroutine");
    this.channels = page.getByTestId("state-channel");
    this.markers = page.getByTestId("source-marker");
    this.edges = page.getByTestId("waitfor-edge");
    this.cycleEdges = page.locator('[data-testid=waitfor-edge][data-cycle="true"]');
  }

  /** Waits for the run to end with `end` (the trace's end reason) and its findings to be analyzed. */
  async waitForRun(end: string): Promise<void> {
    await expect(this.runState).toHaveAttribute("data-state", "ended");
    await expect(this.runState).toHaveAttribute("data-end", end);
    await expect(this.page.getByTestId("next-finding")).toBeEnabled();
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  async cursorSeq(): Promise<number> {
    return Number(await this.cursorInfo.getAttribute("data-seq"));
  }

  status(g: number): Locator {
    return this.page.locator(`[data-testid=state-goroutine][data-g="${g}"]`);
  }

  channel(name: string): Locator {
    return this.channels.filter({ hasText: new RegExp(`^${name}`) });
  }

  /** Source markers as `g@line`, sorted. */
  async markerLines(): Promise<string[]> {
    const list = await this.markers.evaluateAll((els) =>
      els.map((m) => `${(m as HTMLElement).dataset.g}@${(m.closest("[data-testid=source-line]") as HTMLElement).dataset.line}`),
    );
    return list.sort();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(screenshotsDir, `debugger-${name}.png`) });
  }
}

test.describe("step through a program", () => {
  let server: Awaited<ReturnType<typeof serveDebug>> | undefined;
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  test("a deadlock: step to the finding, see the cycle, step back before it", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    server = await serveDebug("examples/bugs/chan-send-holding-lock.ts");
    await page.goto(server.url);
    const dbg = new DebuggerPage(page);
    await dbg.waitForRun("deadlock");
    await expect(dbg.runState).toContainText("deadlock");

    await dbg.press("Home");
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "1");
    await dbg.press(".");
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "10");

    // main holds hub.mu and blocks sending on events; subscriber blocks on hub.mu.
    await expect(dbg.status(1)).toHaveAttribute("data-status", "blocked");
    await expect(dbg.status(1)).toContainText("chan.send on events");
    await expect(dbg.status(2)).toHaveAttribute("data-status", "blocked");
    await expect(dbg.status(2)).toContainText("mutex.lock on hub.mu");
    await expect(dbg.channel("events")).toContainText("len 0/0");
    await expect(dbg.channel("events")).toContainText("senders: main #1");
    await expect(page.getByTestId("state-lock")).toContainText("held by main #1");
    await expect(page.getByTestId("state-lock")).toContainText("queue: subscriber #2");
    await expect.poll(() => dbg.markerLines()).toEqual(["1@36", "2@26"]);
    await expect(page.locator("[data-testid=source-line][data-current=true]")).toHaveAttribute("data-line", "26");
    // The cycle main → events → subscriber → hub.mu → main, in red.
    await expect(dbg.cycleEdges).toHaveCount(4);
    for (const [from, to] of [["g1", "o2"], ["o2", "g2"], ["g2", "o1"], ["o1", "g1"]]) {
      await expect(page.locator(`[data-testid=waitfor-edge][data-from="${from}"][data-to="${to}"]`)).toHaveAttribute("data-cycle", "true");
    }
    expect(await page.locator('[data-testid=waitfor-edge][data-cycle="true"] line').first().evaluate((el) => getComputedStyle(el).stroke)).toMatch(/^rgb\((2[0-9]{2}), (\d+), (\d+)\)$/);
    await dbg.screenshot("deadlock-at-finding");

    // One step back: subscriber has not run yet, main is already blocked; no cycle.
    await dbg.press("ArrowLeft");
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "9");
    await expect(dbg.status(2)).toHaveAttribute("data-status", "runnable");
    await expect(dbg.status(1)).toHaveAttribute("data-status", "blocked");
    await expect(page.getByTestId("state-lock")).not.toContainText("queue");
    await expect.poll(() => dbg.markerLines()).toEqual(["1@36"]);
    await expect(dbg.cycleEdges).toHaveCount(0);
    await expect(page.locator('[data-testid=waitfor-edge][data-from="g1"][data-to="o2"]')).toHaveCount(1);
    await dbg.screenshot("deadlock-step-back");
    expect(errors).toEqual([]);
  });

  test("a leak: step to the finding, then back to the buffered results", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    server = await serveDebug("examples/bugs/worker-never-stopped.ts");
    await page.goto(server.url);
    const dbg = new DebuggerPage(page);
    await dbg.waitForRun("main-returned");

    await dbg.press("Home");
    await dbg.press(".");
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "31");
    // The second worker blocks receiving from jobs, which main will never close.
    await expect(dbg.status(3)).toHaveAttribute("data-status", "blocked");
    await expect(dbg.status(3)).toContainText("chan.recv on jobs");
    await expect(dbg.channel("jobs")).toContainText("receivers: worker #3");
    await expect(dbg.channel("results")).toContainText("len 0/4");
    await expect.poll(() => dbg.markerLines()).toContain("3@16");
    await expect(page.locator('[data-testid=waitfor-edge][data-from="g3"][data-to="o1"]')).toHaveCount(1);
    await expect(dbg.cycleEdges).toHaveCount(0);
    await dbg.screenshot("leak-at-finding");

    // The next finding: the other worker, after main returned.
    await dbg.press(".");
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "34");
    await expect(dbg.status(1)).toHaveAttribute("data-status", "done");
    await expect(dbg.status(2)).toHaveAttribute("data-status", "blocked");
    await expect(page.locator('[data-testid=waitfor-node][data-kind="chan"][data-id="1"]')).toHaveAttribute("data-no-partner", "true");

    // Back to before main drained results: three squares buffered, oldest first.
    await dbg.press(",");
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "31");
    await dbg.press("ArrowLeft", 8);
    await expect(dbg.cursorInfo).toHaveAttribute("data-seq", "23");
    await expect(dbg.channel("results")).toContainText("len 3/4");
    await expect(dbg.channel("results").getByTestId("state-value")).toHaveText(["1", "4", "9"]);
    await expect(dbg.status(3)).not.toHaveAttribute("data-status", "blocked");
    await dbg.screenshot("leak-step-back");
    expect(errors).toEqual([]);
  });
});
