/**
 * The program's output (its `log` events), one row per line with its time and goroutine, aligned
 * with the timeline: the line at or before the cursor is highlighted and kept in view, and
 * clicking a line puts the cursor on it. Rows are windowed, so a million lines cost what a screen does.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from "react";
import { useStore } from "../store/store";
import { formatTimePrecise, goroutineLabel } from "./format";
import { AnalyzingNote } from "./diagnostics-panel";
import { outputLineAt } from "./output-lines";
import { revealEvent } from "./refs";

export const ROW_HEIGHT = 20;
const OVERSCAN = 30;

export function OutputPanel(): ReactElement {
  const loaded = useStore((s) => s.loaded);
  const cursorSeq = useStore((s) => (s.cursor !== null && s.loaded && s.cursor < s.loaded.model.eventCount ? s.loaded.model.seqOf(s.cursor) : undefined));
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const lines = loaded?.output ?? [];
  const current = outputLineAt(lines, cursorSeq);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const ro = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [loaded]);

  // Keep the current line in view when the cursor moves.
  useEffect(() => {
    const el = scroller.current;
    if (!el || current < 0) return;
    const top = current * ROW_HEIGHT;
    const view = el.clientHeight || height;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + view) {
      el.scrollTop = Math.max(0, top - view / 2);
      setScrollTop(el.scrollTop);
    }
  }, [current, height]);

  if (!loaded) return <div className="panel-empty">Open a trace to see its output.</div>;
  if (loaded.analysis === "pending") return <AnalyzingNote what="its output" />;
  if (lines.length === 0) {
    return (
      <div className="output" data-testid="output">
        <div className="panel-empty">The program printed nothing.</div>
      </div>
    );
  }
  const model = loaded.model;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows: ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const line = lines[i]!;
    const isCurrent = i === current;
    rows.push(
      <div
        key={i}
        className={`output-line${isCurrent ? " current" : ""}${cursorSeq !== undefined && line.seq > cursorSeq ? " future" : ""}`}
        data-testid="output-line"
        data-seq={line.seq}
        data-current={isCurrent ? "true" : undefined}
        style={{ top: i * ROW_HEIGHT }}
        title={`seq ${line.seq} · ${goroutineLabel(model, line.g)} · ${formatTimePrecise(line.t)}`}
        onClick={() => revealEvent(useStore, model.indexOfSeq(line.seq))}
      >
        <span className="out-time">{formatTimePrecise(line.t)}</span>
        <span className="out-g">{goroutineLabel(model, line.g)}</span>
        <span className="out-text">{line.text}</span>
      </div>,
    );
  }
  return (
    <div className="output" data-testid="output">
      <div className="panel-toolbar">
        <span className="muted">{`${lines.length} line${lines.length === 1 ? "" : "s"}`}</span>
        <span className="spacer" />
        <span className="muted">{current >= 0 ? `at line ${current + 1}` : "before the first line"}</span>
      </div>
      <div className="output-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="output-rows" style={{ height: lines.length * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
