/**
 * The timeline: goroutine lanes and object tracks over time or over event order (the store's
 * `axis`), drawn on canvas (see view/ and draw/), with DOM labels in a left gutter (only for the
 * rows in view: see labels.tsx) and the axis on top. Takes no props and fills its parent. Data
 * (traces/timeline) is derived once per trace and axis; layout when the filter or folding changes;
 * drawing happens outside React, once per animation frame at most.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { flushSync } from "react-dom";
import { useStore } from "../store/store";
import { palette } from "../theme/palette";
import { deriveTimeline } from "../../../traces/timeline/derive";
import { countOf } from "../panels/format";
import { buildLayout } from "./data/layout";
import { Labels } from "./labels";
import { createTimelineView, type TimelineView } from "./view/timeline-view";

export const GUTTER_WIDTH = 250;
export const AXIS_HEIGHT = 26;

let current: TimelineView | undefined;

/** The mounted timeline's view, for the export command. */
export const currentTimelineView = (): TimelineView | undefined => current;

export function Timeline(): ReactElement {
  const model = useStore((s) => s.loaded?.model);
  const collapsed = useStore((s) => s.collapsed);
  const filterText = useStore((s) => s.filter.text);
  const theme = useStore((s) => s.theme);
  const axisUnit = useStore((s) => s.axis);
  const data = useMemo(() => (model ? deriveTimeline(model, axisUnit) : undefined), [model, axisUnit]);
  const layout = useMemo(() => (data ? buildLayout(data, { collapsed, filterText }) : undefined), [data, collapsed, filterText]);
  const root = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const axis = useRef<HTMLCanvasElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const gutterInner = useRef<HTMLDivElement>(null);
  const hoverLine = useRef<HTMLDivElement>(null);
  const scrollThumb = useRef<HTMLDivElement>(null);
  const view = useRef<TimelineView | undefined>(undefined);
  const [gutterHeight, setGutterHeight] = useState(0);

  // The labels mount only the rows the gutter shows, so they need its height. Measured before the
  // first paint, and synchronously on resize: a taller gutter never paints a frame short of labels.
  useLayoutEffect(() => {
    const g = gutter.current!;
    setGutterHeight(g.clientHeight);
    const observer = new ResizeObserver(() => flushSync(() => setGutterHeight(g.clientHeight)));
    observer.observe(g);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const v = createTimelineView(
      { root: root.current!, body: body.current!, canvas: canvas.current!, axis: axis.current!, gutter: gutter.current!, gutterInner: gutterInner.current!, hoverLine: hoverLine.current!, scrollThumb: scrollThumb.current! },
      useStore,
    );
    view.current = v;
    current = v;
    return () => {
      v.destroy();
      if (current === v) current = undefined;
      view.current = undefined;
    };
  }, []);
  useEffect(() => view.current?.setContent(data, layout), [data, layout]);

  const p = palette(theme);
  // Unmeasured (0: before the layout effect, or a DOM without layout such as happy-dom): the
  // window's height, which the gutter, inside the window, never exceeds.
  const labelsHeight = gutterHeight > 0 ? gutterHeight : window.innerHeight;
  const events = model?.eventCount ?? 0;
  return (
    <div
      ref={root}
      data-testid="timeline"
      style={{
        position: "absolute", inset: 0, display: "grid", gridTemplateColumns: `${GUTTER_WIDTH}px minmax(0, 1fr)`,
        gridTemplateRows: `${AXIS_HEIGHT}px minmax(0, 1fr)`, overflow: "hidden", userSelect: "none", background: p.background,
      }}
    >
      <div
        style={{
          background: p.gutter, borderRight: `1px solid ${p.separator}`, borderBottom: `1px solid ${p.separator}`, boxSizing: "border-box",
          display: "flex", alignItems: "center", padding: "0 8px", color: p.textDim, font: "11px system-ui, -apple-system, 'Segoe UI', sans-serif",
          whiteSpace: "nowrap", overflow: "hidden",
        }}
        title="ctrl + wheel: zoom · shift + wheel or drag: pan · wheel: scroll · click: select the nearest event"
      >
        {data ? `${countOf(data.lanes.length, "goroutine")} · ${countOf(events, "event")}` : ""}
      </div>
      <div style={{ position: "relative", overflow: "hidden" }}>
        <canvas ref={axis} data-testid="timeline-axis" style={{ position: "absolute", left: 0, top: 0, display: "block" }} />
      </div>
      <div ref={gutter} style={{ position: "relative", overflow: "hidden", background: p.gutter, borderRight: `1px solid ${p.separator}` }}>
        <div ref={gutterInner} style={{ position: "absolute", left: 0, right: 0, top: 0, height: layout?.height ?? 0, willChange: "transform" }}>
          {layout && <Labels layout={layout} viewportHeight={labelsHeight} />}
        </div>
      </div>
      <div ref={body} style={{ position: "relative", overflow: "hidden", touchAction: "none" }}>
        <canvas ref={canvas} data-testid="timeline-canvas" style={{ position: "absolute", left: 0, top: 0, display: "block" }} />
        <div
          ref={hoverLine}
          style={{ position: "absolute", top: 0, bottom: 0, left: 0, width: 1, background: p.textDim, opacity: 0.5, pointerEvents: "none", display: "none" }}
        />
        <div
          ref={scrollThumb}
          style={{ position: "absolute", top: 0, right: 2, width: 6, borderRadius: 3, background: p.textDim, opacity: 0.4, pointerEvents: "none", display: "none" }}
        />
      </div>
    </div>
  );
}
