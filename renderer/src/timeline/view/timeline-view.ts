/**
 * The imperative half of the timeline: owns the canvases, redraws on store changes (coalesced to
 * one draw per animation frame), keeps `data-axis` / `data-view-start` / `data-view-end` (in the
 * axis's unit) / `data-drawn` current, marks `goroscope:draw` around every complete draw and `goroscope:first-draw` after the
 * first of a trace, and shows the hover tooltip. React (Timeline.tsx) only builds the DOM and the
 * labels; per-frame work never goes through React.
 */
import { EVENT_KINDS } from "../../../../traces/format/schema";
import { formatTime } from "../../../../traces/analysis";
import type { Store, StoreApi } from "../../store/store";
import { palette } from "../../theme/palette";
import type { TimelineData } from "../../../../traces/timeline/derive";
import { ticksFor } from "../data/event-axis";
import { hitTest } from "../data/hit-test";
import type { Layout } from "../data/layout";
import { drawAxis } from "../draw/axis";
import { drawFrame } from "../draw/frame";
import { composeExport } from "./export";
import { installInteraction } from "./interaction";
import { hideTooltip, showTooltip } from "./tooltip";
import { tooltipText } from "./tooltip-text";

export interface TimelineElements {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly axis: HTMLCanvasElement;
  readonly gutter: HTMLElement;
  readonly gutterInner: HTMLElement;
  readonly hoverLine: HTMLElement;
  /** A scroll position indicator over the canvas's right edge (not interactive). */
  readonly scrollThumb: HTMLElement;
}

export interface TimelineView {
  setContent(data: TimelineData | undefined, layout: Layout | undefined): void;
  /** A PNG of what the timeline shows now (labels, axis, tracks); null when nothing is drawn. */
  exportPng(): Promise<Uint8Array | null>;
  destroy(): void;
}

/** Pixels of the mouse from an event's time within which hovering names the event. */
const EVENT_REACH = 6;

export function createTimelineView(el: TimelineElements, store: StoreApi): TimelineView {
  let data: TimelineData | undefined;
  let layout: Layout | undefined;
  let width = 0;
  let height = 0;
  let axisHeight = 0;
  let dpr = 1;
  let frame = 0;
  let drawn = 0;
  let firstDrawPending = false;
  let hoverRow = -1;
  /** The mouse over the canvas (local and client px), to refresh the tooltip when the view moves under it. */
  let mouse: { x: number; y: number; clientX: number; clientY: number } | undefined;
  let kindSet: ReadonlySet<string> | undefined;
  let kindFilter: Uint8Array | undefined;
  const ctx = el.canvas.getContext("2d", { alpha: false });
  const axisCtx = el.axis.getContext("2d", { alpha: false });

  const maxScroll = () => Math.max(0, (layout?.height ?? 0) - height);

  function syncAttributes(s: Store): void {
    el.root.dataset.axis = s.axis;
    el.root.dataset.viewStart = String(s.viewStart);
    el.root.dataset.viewEnd = String(s.viewEnd);
    el.gutterInner.style.transform = `translateY(${-s.scrollY}px)`;
    const total = layout?.height ?? 0;
    if (total > height && height > 0) {
      const h = Math.max(24, (height * height) / total);
      el.scrollThumb.style.display = "block";
      el.scrollThumb.style.height = `${h}px`;
      el.scrollThumb.style.transform = `translateY(${(s.scrollY / Math.max(1, total - height)) * (height - h)}px)`;
    } else el.scrollThumb.style.display = "none";
  }

  function filterOf(s: Store): Uint8Array | undefined {
    if (s.filter.kinds !== kindSet) {
      kindSet = s.filter.kinds as ReadonlySet<string>;
      kindFilter = kindSet.size === 0 ? undefined : Uint8Array.from(EVENT_KINDS, (k) => (kindSet!.has(k) ? 1 : 0));
    }
    return kindFilter;
  }

  function draw(): void {
    frame = 0;
    if (!ctx || !axisCtx || width <= 0 || height <= 0) return;
    const s = store.getState();
    const p = palette(s.theme);
    syncAttributes(s);
    if (!data || !layout) {
      ctx.fillStyle = p.background;
      ctx.fillRect(0, 0, el.canvas.width, el.canvas.height);
      return;
    }
    // The axis just changed and its data is on the way (setContent): the view is in the new unit already.
    if (data.axis !== s.axis) return;
    performance.mark("goroscope:draw-start");
    const cursor = s.cursor !== null && s.cursor >= 0 && s.cursor < data.times.length ? s.cursor : undefined;
    const cursorT = cursor !== undefined ? data.times[cursor] : undefined;
    const ticks = ticksFor(data, s.viewStart, s.viewEnd, width);
    drawFrame(ctx, {
      data, layout, start: s.viewStart, end: s.viewEnd, ticks, width, height, dpr, scrollY: s.scrollY, p,
      highlight: s.highlight, selection: s.selection, cursorT, arrows: s.arrows, kindFilter: filterOf(s), hoverRow,
    });
    const ending = data.model.end?.end;
    const endLabel = ending && ending !== "main-returned" ? ending : undefined;
    const cursorLabel = cursor !== undefined ? `#${data.model.seqOf(cursor)} · ${formatTime(data.model.timeOf(cursor))}` : undefined;
    drawAxis(axisCtx, { start: s.viewStart, end: s.viewEnd, ticks, width, height: axisHeight, dpr, p, traceEnd: data.end, cursorT, cursorLabel, endLabel });
    performance.measure("goroscope:draw", "goroscope:draw-start");
    drawn++;
    el.root.dataset.drawn = String(drawn);
    if (firstDrawPending) {
      firstDrawPending = false;
      performance.mark("goroscope:first-draw");
    }
  }

  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(draw);
  };

  function resize(): void {
    dpr = window.devicePixelRatio || 1;
    width = el.body.clientWidth;
    height = el.body.clientHeight;
    axisHeight = el.axis.parentElement?.clientHeight ?? 24;
    for (const [c, w, h] of [[el.canvas, width, height], [el.axis, width, axisHeight]] as const) {
      c.width = Math.max(1, Math.round(w * dpr));
      c.height = Math.max(1, Math.round(h * dpr));
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    clampScroll();
    schedule();
  }

  function clampScroll(): void {
    const s = store.getState();
    if (s.scrollY > maxScroll()) s.setScrollY(maxScroll());
  }

  const observer = new ResizeObserver(resize);
  observer.observe(el.body);
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.axis !== prev.axis || s.viewStart !== prev.viewStart || s.viewEnd !== prev.viewEnd || s.scrollY !== prev.scrollY || s.theme !== prev.theme ||
      s.highlight !== prev.highlight || s.selection !== prev.selection || s.cursor !== prev.cursor || s.arrows !== prev.arrows ||
      s.filter !== prev.filter
    ) {
      syncAttributes(s);
      schedule();
      if (mouse && (s.viewStart !== prev.viewStart || s.viewEnd !== prev.viewEnd || s.scrollY !== prev.scrollY)) hover(mouse.x, mouse.y, mouse.clientX, mouse.clientY);
    }
  });

  const hitAt = (x: number, y: number) => {
    const s = store.getState();
    if (!data || !layout || data.axis !== s.axis) return undefined;
    return hitTest(data, layout, { start: s.viewStart, end: s.viewEnd, width }, x, y + s.scrollY);
  };
  const near = (x: number, t: number) => {
    const s = store.getState();
    return Math.abs(x - ((t - s.viewStart) / (s.viewEnd - s.viewStart)) * width) <= EVENT_REACH;
  };
  function hover(x: number, y: number, clientX: number, clientY: number): void {
    mouse = { x, y, clientX, clientY };
    el.hoverLine.style.display = "block";
    el.hoverLine.style.transform = `translateX(${Math.round(x)}px)`;
    const hit = hitAt(x, y);
    const row = hit ? hit.rowIndex : -1;
    if (row !== hoverRow) {
      hoverRow = row;
      schedule();
    }
    const text = hit && data ? tooltipText(data, hit, hit.event >= 0 && near(x, data.times[hit.event]!)) : undefined;
    if (text) showTooltip(el.root, text, clientX, clientY);
    else hideTooltip(el.root);
  }

  const uninstall = installInteraction(el.body, el.gutter, store, {
    width: () => width,
    maxScroll,
    click(x, y) {
      const hit = hitAt(x, y);
      if (!hit || hit.row.kind === "section") return;
      const s = store.getState();
      if (hit.event >= 0) {
        s.select({ kind: "event", index: hit.event });
        s.setCursor(hit.event);
      } else if (hit.row.kind === "g") s.select({ kind: "goroutine", id: hit.row.lane.id });
      else s.select({ kind: "object", id: hit.row.track.id });
    },
    hover,
    leave() {
      mouse = undefined;
      el.hoverLine.style.display = "none";
      hideTooltip(el.root);
      if (hoverRow !== -1) {
        hoverRow = -1;
        schedule();
      }
    },
  });

  syncAttributes(store.getState());
  resize();

  return {
    setContent(d, l) {
      if (d !== data) firstDrawPending = d !== undefined;
      data = d;
      layout = l;
      hoverRow = -1;
      clampScroll();
      syncAttributes(store.getState());
      schedule();
    },
    async exportPng() {
      if (!data || !layout || width <= 0) return null;
      if (frame !== 0) {
        cancelAnimationFrame(frame);
        draw();
      }
      return composeExport(el, layout, store.getState(), { width, height, axisHeight, dpr });
    },
    destroy() {
      if (frame !== 0) cancelAnimationFrame(frame);
      observer.disconnect();
      unsubscribe();
      uninstall();
      hideTooltip(el.root);
    },
  };
}
