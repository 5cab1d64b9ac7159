/**
 * The suite's one page object: every selector and every piece of timeline geometry the specs use.
 * It relies only on the test ids of the app brief (data-testid, data-view-start/end, data-drawn,
 * data-g, data-kind, data-id, data-highlighted), never on classes or layout details.
 */
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { repoRoot, type ServedApp } from "./server";

export const screenshotsDir = path.join(repoRoot, "test-results", "screenshots");

export interface ViewRange {
  readonly start: number;
  readonly end: number;
}

export class AppPage {
  readonly timeline: Locator;
  readonly canvas: Locator;
  readonly laneLabels: Locator;
  readonly trackLabels: Locator;
  readonly tooltip: Locator;
  readonly diagnostics: Locator;
  readonly welcome: Locator;
  readonly samples: Locator;
  readonly loadError: Locator;
  readonly loadWarning: Locator;
  readonly toolbar: Locator;
  readonly outputLines: Locator;

  constructor(readonly page: Page, readonly app: ServedApp) {
    this.timeline = page.getByTestId("timeline");
    this.canvas = page.getByTestId("timeline-canvas");
    this.laneLabels = page.getByTestId("lane-label");
    this.trackLabels = page.getByTestId("track-label");
    this.tooltip = page.getByTestId("tooltip");
    this.diagnostics = page.getByTestId("diagnostic");
    this.welcome = page.getByTestId("welcome");
    this.samples = page.getByTestId("sample");
    this.loadError = page.getByTestId("load-error");
    this.loadWarning = page.getByTestId("load-warning");
    this.toolbar = page.getByTestId("toolbar");
    this.outputLines = page.getByTestId("output-line");
  }

  async goto(): Promise<void> {
    await this.page.goto(this.app.url);
  }

  /** Number of complete draws so far (the timeline's `data-drawn`). */
  async drawn(): Promise<number> {
    return Number((await this.timeline.getAttribute("data-drawn")) ?? "0");
  }

  /** Waits for a trace to be on screen: the timeline has drawn at least once. */
  async waitForTimeline(): Promise<void> {
    await expect(this.timeline).toBeVisible();
    await expect.poll(() => this.drawn(), { message: "timeline data-drawn" }).toBeGreaterThan(0);
  }

  /** Waits until the timeline has drawn again after `before` (a `drawn()` value). */
  async waitForRedraw(before: number): Promise<void> {
    await expect.poll(() => this.drawn(), { message: "timeline redraw" }).toBeGreaterThan(before);
  }

  async view(): Promise<ViewRange> {
    const [s, e] = await Promise.all([this.timeline.getAttribute("data-view-start"), this.timeline.getAttribute("data-view-end")]);
    const start = Number(s);
    const end = Number(e);
    expect(Number.isFinite(start) && Number.isFinite(end) && end > start, `view ${s}…${e}`).toBe(true);
    return { start, end };
  }

  /** The view once it has stopped moving (two reads 150 ms apart agree). */
  async settledView(): Promise<ViewRange> {
    let last = await this.view();
    for (let i = 0; i < 50; i++) {
      await this.page.waitForTimeout(150);
      const v = await this.view();
      if (v.start === last.start && v.end === last.end) return v;
      last = v;
    }
    return last;
  }

  /** Waits until the view differs from `before`, and returns it. */
  async viewChangedFrom(before: ViewRange): Promise<ViewRange> {
    await expect.poll(async () => {
      const v = await this.view();
      return v.start !== before.start || v.end !== before.end;
    }, { message: "view changed" }).toBe(true);
    return this.view();
  }

  async laneIds(): Promise<number[]> {
    return (await this.laneLabels.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-g"))))).sort((a, b) => a - b);
  }

  lane(g: number): Locator {
    return this.page.locator(`[data-testid=lane-label][data-g="${g}"]`);
  }

  track(kind: string, id: number): Locator {
    return this.page.locator(`[data-testid=track-label][data-kind="${kind}"][data-id="${id}"]`);
  }

  /** Page x of time `t` on the canvas (time maps linearly from view-start to view-end). */
  async xOf(t: number): Promise<number> {
    const box = (await this.canvas.boundingBox())!;
    const v = await this.view();
    return box.x + ((t - v.start) / (v.end - v.start)) * box.width;
  }

  /** Moves the mouse over the canvas at time `t`, at the vertical centre of `label`. */
  async hoverAt(label: Locator, t: number): Promise<void> {
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    const y = box.y + box.height / 2;
    const x = await this.xOf(t);
    // Arrive from a little to the left, so hover handlers see a real move.
    await this.page.mouse.move(x - 3, y);
    await this.page.mouse.move(x, y);
  }

  /** Moves the mouse to the middle of the canvas (wheel events go where the mouse is). */
  async pointAtCanvas(fraction = 0.5): Promise<{ x: number; y: number }> {
    const box = (await this.canvas.boundingBox())!;
    const p = { x: box.x + box.width * fraction, y: box.y + Math.min(box.height / 2, 60) };
    await this.page.mouse.move(p.x, p.y);
    return p;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: false });
  }
}
