/**
 * The gutter's DOM labels, aligned with their rows: goroutine names (indented by creation depth,
 * with a fold toggle for goroutines that created others, and their creation site), object names
 * with their kind and capacity, section headers. Text only: names come from the trace.
 *
 * Only the rows the gutter shows (plus LABEL_OVERSCAN either side) are in the DOM: a 1,000-goroutine
 * trace would otherwise mount ~1,100 labels on its first draw. Each label is still placed at its
 * row's absolute `y` inside the scrolled container and shaded by its index among all rows, so which
 * rows are mounted never changes how one looks. The range follows the store's `scrollY` through a
 * zustand selector, i.e. `useSyncExternalStore`, whose updates React renders synchronously (in the
 * microtask after the store's `set`): the labels for a new scroll offset are in the DOM before the
 * next paint, whoever scrolled (wheel, drag, or code calling setScrollY).
 */
import { memo, type CSSProperties, type ReactElement } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store/store";
import { palette, type Palette } from "../theme/palette";
import type { Layout, Row } from "./data/layout";
import { visibleRows } from "./data/visible-rows";
import { locText, shortFile } from "./view/tooltip-text";

const KIND_WORD = { chan: "chan", mutex: "Mutex", rwmutex: "RWMutex", wg: "WaitGroup" } as const;

/** Rows mounted beyond each edge of the gutter: slack for a scroll that lands between renders. */
export const LABEL_OVERSCAN = 10;

export const Labels = memo(function Labels({ layout, viewportHeight }: { readonly layout: Layout; readonly viewportHeight: number }): ReactElement {
  const theme = useStore((s) => s.theme);
  const highlight = useStore((s) => s.highlight);
  const selection = useStore((s) => s.selection);
  const collapsed = useStore((s) => s.collapsed);
  // A new range object per store change, compared field by field: renders only when the range moves.
  const { start, end } = useStore(useShallow((s) => visibleRows(layout.rows, s.scrollY, viewportHeight, LABEL_OVERSCAN)));
  const p = palette(theme);
  const labels: ReactElement[] = [];
  for (let i = start; i < end; i++) {
    const r = layout.rows[i]!;
    if (r.kind === "section") {
      labels.push(<RowLabel key={`s-${r.key}`} row={r} index={i} p={p} selected={false} involved={undefined} folded={false} />);
      continue;
    }
    const selected = r.kind === "g" ? selection?.kind === "goroutine" && selection.id === r.lane.id : selection?.kind === "object" && selection.id === r.track.id;
    const involved = !highlight ? undefined : r.kind === "g" ? highlight.goroutines.has(r.lane.id) : highlight.objects.has(r.track.id);
    const folded = r.kind === "g" && collapsed.has(r.lane.id);
    labels.push(<RowLabel key={r.kind === "g" ? `g-${r.lane.id}` : `o-${r.track.id}`} row={r} index={i} p={p} selected={selected} involved={involved} folded={folded} />);
  }
  return <>{labels}</>;
});

interface RowLabelProps {
  readonly row: Row;
  /** Among all rows of the layout (mounted or not): odd rows are shaded. */
  readonly index: number;
  readonly p: Palette;
  readonly selected: boolean;
  /** In the focused diagnostic (true), out of it (false), or no diagnostic focused. */
  readonly involved: boolean | undefined;
  readonly folded: boolean;
}

/** One row's label; memoized (its props stay equal while its row stays mounted), so a scroll renders only the rows it mounts. */
const RowLabel = memo(function RowLabel({ row: r, index: i, p, selected, involved, folded }: RowLabelProps): ReactElement {
  const base: CSSProperties = {
    position: "absolute", left: 0, right: 0, top: r.y, height: r.h, boxSizing: "border-box", overflow: "hidden",
    display: "flex", alignItems: "center", whiteSpace: "nowrap", font: "12px system-ui, -apple-system, 'Segoe UI', sans-serif",
  };
  if (r.kind === "section") return <SectionLabel row={r} p={p} style={base} />;
  const style: CSSProperties = {
    ...base,
    background: selected ? p.selection : i % 2 === 1 ? p.rowAlt : "transparent",
    opacity: involved === false ? 0.45 : 1,
    cursor: "pointer",
  };
  const marks: Record<string, string> = involved === undefined ? {} : involved ? { "data-highlighted": "true" } : { "data-dimmed": "true" };
  return r.kind === "g" ? <LaneLabel row={r} p={p} style={style} marks={marks} folded={folded} /> : <TrackLabel row={r} p={p} style={style} marks={marks} />;
});

function SectionLabel({ row, p, style }: { row: Extract<Row, { kind: "section" }>; p: Palette; style: CSSProperties }): ReactElement {
  return (
    <div data-section={row.key} style={{ ...style, background: p.header, borderTop: `1px solid ${p.separator}`, padding: "0 8px", gap: 6, color: p.textDim, fontSize: 11, fontWeight: 600, letterSpacing: "0.04em", textTransform: "uppercase" }}>
      {row.title}
      <span style={{ fontWeight: 400, opacity: 0.8 }}>{row.count}</span>
    </div>
  );
}

function LaneLabel(props: { row: Extract<Row, { kind: "g" }>; p: Palette; style: CSSProperties; marks: Record<string, string>; folded: boolean }): ReactElement {
  const { row, p, marks, folded } = props;
  const lane = row.lane;
  const site = lane.createLoc ? `${shortFile(lane.createLoc.file)}:${lane.createLoc.line}` : "";
  const title = `${lane.name} #${lane.id}${lane.createLoc ? `\ncreated at ${locText(lane.createLoc)} (${lane.createLoc.file}:${lane.createLoc.line})` : ""}${lane.children.length ? `\ncreated ${lane.children.length} goroutine${lane.children.length > 1 ? "s" : ""}` : ""}`;
  const select = () => useStore.getState().select({ kind: "goroutine", id: lane.id });
  return (
    <div data-testid="lane-label" data-g={lane.id} title={title} onClick={select} {...marks} style={{ ...props.style, paddingLeft: 6 + lane.depth * 12, paddingRight: 6, gap: 4 }}>
      {lane.children.length > 0 ? (
        <button
          type="button"
          aria-label={folded ? `Unfold the goroutines ${lane.name} created` : `Fold the goroutines ${lane.name} created`}
          aria-expanded={!folded}
          data-testid="lane-toggle"
          onClick={(e) => {
            e.stopPropagation();
            useStore.getState().toggleCollapsed(lane.id);
          }}
          style={{ width: 14, height: 14, padding: 0, border: 0, background: "transparent", color: p.textDim, cursor: "pointer", fontSize: 9, lineHeight: "14px", flex: "none" }}
        >
          {folded ? "▶" : "▼"}
        </button>
      ) : (
        <span style={{ width: 14, flex: "none" }} />
      )}
      <span style={{ color: p.text, overflow: "hidden", textOverflow: "ellipsis", flex: "0 1 auto", minWidth: 24 }}>{lane.name}</span>
      <span style={{ color: p.textDim, flex: "none" }}>#{lane.id}</span>
      {row.hidden > 0 && <span style={{ color: p.textDim, flex: "none", fontSize: 11 }}>+{row.hidden}</span>}
      {site && <span style={{ color: p.textDim, opacity: 0.75, fontSize: 11, marginLeft: "auto", paddingLeft: 6, overflow: "hidden", textOverflow: "ellipsis", minWidth: 0, flex: "0 1000 auto" }}>{site}</span>}
    </div>
  );
}

function TrackLabel(props: { row: Exclude<Row, { kind: "g" | "section" }>; p: Palette; style: CSSProperties; marks: Record<string, string> }): ReactElement {
  const { row, p, marks } = props;
  const tr = row.track;
  const detail =
    tr.kind === "chan"
      ? tr.cap > 0
        ? `chan · cap ${tr.cap}${tr.occupancy.max === 0 ? " · never filled" : tr.occupancy.max < tr.cap ? ` · peak ${tr.occupancy.max}` : ""}`
        : "chan · unbuffered"
      : KIND_WORD[tr.kind];
  const select = () => useStore.getState().select({ kind: "object", id: tr.id });
  return (
    <div data-testid="track-label" data-kind={tr.kind} data-id={tr.id} title={`${tr.name} #${tr.id} (${detail})`} onClick={select} {...marks} style={{ ...props.style, padding: "0 8px 0 10px", gap: 6 }}>
      <span style={{ width: 3, alignSelf: "stretch", margin: "5px 0", borderRadius: 2, background: p.kinds[tr.kind], flex: "none" }} />
      <span style={{ display: "flex", flexDirection: row.h >= 30 ? "column" : "row", gap: row.h >= 30 ? 0 : 6, minWidth: 0, lineHeight: 1.25 }}>
        <span style={{ color: p.text, overflow: "hidden", textOverflow: "ellipsis" }}>
          {tr.name} <span style={{ color: p.textDim }}>#{tr.id}</span>
        </span>
        <span style={{ color: p.textDim, fontSize: 11 }}>{detail}</span>
      </span>
    </div>
  );
}
