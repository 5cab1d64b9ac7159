/**
 * The Statistics tab: how each goroutine spent its life (a stacked bar of its state times in the
 * timeline's colours), sortable, and where the program blocked, grouped by call site like Go's
 * blocking profile (traces/analysis/stats.ts). A goroutine row selects that goroutine; a site row
 * selects the goroutine of the longest block there and puts the cursor on that block. Our own
 * traces also list the objects waited on (a Go trace names none).
 */
import { useMemo, useState, type ReactElement } from "react";
import { shareOf, traceStatistics, type BlockingSite, type GoroutineStats, type ObjectWait, type TraceStatistics } from "../../../traces/analysis";
import { useStore } from "../store/store";
import { palette, type StateColors } from "../theme/palette";
import { baseName, formatCount, formatTime } from "./format";
import { revealEvent } from "./refs";

const PAGE = 100;
const STATES = ["running", "runnable", "blocked", "sleeping"] as const satisfies readonly (keyof StateColors & keyof GoroutineStats)[];
type SortKey = "blocked" | "sleeping" | "blocks";
/** The sortable columns; running time shows in the bar and its tooltip (the sidebar is narrow). */
const COLUMNS: readonly [SortKey, string][] = [["blocked", "Blocked"], ["sleeping", "Sleeping"], ["blocks", "Blocks"]];

export const GO_TRACE_NOTE = "Imported from a Go trace: blocking is grouped by call site; Go traces do not record which channel or lock";

export function StatisticsPanel(): ReactElement {
  const model = useStore((s) => s.loaded?.model);
  const stats = useMemo(() => (model ? traceStatistics(model) : undefined), [model]);
  if (!stats) return <div className="panel-empty">Open a trace to see its statistics.</div>;
  return (
    <div className="statistics-panel" data-testid="statistics">
      {stats.source !== undefined && (
        <div className="stats-note" data-testid="stats-go-note">
          {GO_TRACE_NOTE}
        </div>
      )}
      <GoroutineTable stats={stats} />
      <SiteTable sites={stats.sites} />
      {stats.objects.length > 0 && <ObjectTable objects={stats.objects} />}
    </div>
  );
}

function GoroutineTable({ stats }: { readonly stats: TraceStatistics }): ReactElement {
  const [sort, setSort] = useState<SortKey>("blocked");
  const [shown, setShown] = useState(PAGE);
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => (s.selection?.kind === "goroutine" ? s.selection.id : undefined));
  const colors = palette(theme).states;
  const rows = useMemo(() => [...stats.goroutines].sort((a, b) => b[sort] - a[sort] || a.id - b.id), [stats, sort]);
  return (
    <section className="stats-section">
      <h3 className="stats-title">
        Goroutines <span className="muted">{formatCount(rows.length)}, over {formatTime(stats.duration)}</span>
      </h3>
      <table className="stats-table goroutines" data-testid="stats-goroutines">
        <thead>
          <tr>
            <th className="name">Goroutine</th>
            <th className="bar-col">States</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} className="num">
                <button type="button" className={`sort${sort === key ? " active" : ""}`} data-testid={`stats-sort-${key}`} aria-pressed={sort === key} onClick={() => setSort(key)}>
                  {label}
                  {sort === key ? " ▾" : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((g) => (
            <tr
              key={g.id}
              data-testid="stats-goroutine"
              data-g={g.id}
              data-selected={selected === g.id ? "true" : undefined}
              onClick={() => useStore.getState().select({ kind: "goroutine", id: g.id })}
            >
              <td className="name" title={`${g.name} #${g.id}${g.endedWaiting ? `: still ${g.endedWaiting} when the trace ended` : ""}`}>
                <Clipped head={g.name} tail={` #${g.id}`} />
              </td>
              <td className="bar-col">
                <StateBar g={g} colors={colors} />
              </td>
              <td className="num">{formatTime(g.blocked)}</td>
              <td className="num">{formatTime(g.sleeping)}</td>
              <td className="num">{formatCount(g.blocks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <button type="button" className="link-button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more
        </button>
      )}
    </section>
  );
}

/** The goroutine's lifetime as one bar: running, runnable, blocked, sleeping, each as wide as its share. */
function StateBar({ g, colors }: { readonly g: GoroutineStats; readonly colors: StateColors }): ReactElement {
  const title = STATES.map((s) => `${s} ${formatTime(g[s])} (${Math.round(shareOf(g[s], g.lifetime) * 100)}%)`).join("\n");
  return (
    <div className="stat-bar" title={title} data-testid="stats-bar">
      {STATES.map((s) => {
        const share = shareOf(g[s], g.lifetime);
        return share > 0 ? <span key={s} data-state={s} style={{ width: `${(share * 100).toFixed(2)}%`, background: colors[s] }} /> : undefined;
      })}
    </div>
  );
}

function SiteTable({ sites }: { readonly sites: readonly BlockingSite[] }): ReactElement {
  const [shown, setShown] = useState(PAGE);
  const cursor = useStore((s) => s.cursor);
  return (
    <section className="stats-section">
      <h3 className="stats-title">
        Blocking sites <span className="muted">by total time, sleeps included</span>
      </h3>
      {sites.length === 0 ? (
        <div className="panel-empty">No goroutine blocked.</div>
      ) : (
        <table className="stats-table sites" data-testid="stats-sites">
          <thead>
            <tr>
              <th className="name">Site</th>
              <th className="fn">Function</th>
              <th className="reason">Reason</th>
              <th className="num">Count</th>
              <th className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {sites.slice(0, shown).map((s) => (
              <tr
                key={`${s.loc?.id ?? -1}:${s.reason}`}
                data-testid="stats-site"
                data-selected={cursor === s.longestIndex ? "true" : undefined}
                title={`${s.loc ? `${s.loc.file}:${s.loc.line}` : "no source location"}\nlongest: ${formatTime(s.max)}, goroutine #${s.longestG}${s.unfinished > 0 ? `\n${s.unfinished} still blocked when the trace ended` : ""}`}
                onClick={() => selectLongest(s)}
              >
                <td className="name mono">{s.loc ? <Clipped head={baseName(s.loc.file)} tail={`:${s.loc.line}`} /> : "—"}</td>
                <td className="fn mono" title={s.loc?.fn}>{s.loc?.fn ?? "—"}</td>
                <td className="reason">{s.reason}</td>
                <td className="num">{formatCount(s.count)}</td>
                <td className="num">{formatTime(s.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sites.length > shown && (
        <button type="button" className="link-button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, sites.length - shown)} more
        </button>
      )}
    </section>
  );
}

/** Text cut with an ellipsis in `head` only: the id or line number in `tail` always shows. */
function Clipped({ head, tail }: { readonly head: string; readonly tail: string }): ReactElement {
  return (
    <span className="clipped">
      <span className="head">{head}</span>
      <span className="tail muted">{tail}</span>
    </span>
  );
}

/** The longest block at a site: its goroutine selected, the cursor on its `go.block`, in view. */
function selectLongest(site: BlockingSite): void {
  useStore.getState().select({ kind: "goroutine", id: site.longestG });
  revealEvent(useStore, site.longestIndex);
}

function ObjectTable({ objects }: { readonly objects: readonly ObjectWait[] }): ReactElement {
  const selected = useStore((s) => (s.selection?.kind === "object" ? s.selection.id : undefined));
  return (
    <section className="stats-section">
      <h3 className="stats-title">
        Objects waited on <span className="muted">by total wait</span>
      </h3>
      <table className="stats-table objects" data-testid="stats-objects">
        <thead>
          <tr>
            <th className="name">Object</th>
            <th className="reason">Kind</th>
            <th className="num">Waits</th>
            <th className="num">Total</th>
          </tr>
        </thead>
        <tbody>
          {objects.slice(0, PAGE).map((o) => (
            <tr
              key={o.id}
              data-testid="stats-object"
              data-id={o.id}
              data-selected={selected === o.id ? "true" : undefined}
              onClick={() => useStore.getState().select({ kind: "object", id: o.id })}
            >
              <td className="name" title={`${o.name} #${o.id}`}>
                <Clipped head={o.name} tail={` #${o.id}`} />
              </td>
              <td className="reason">{o.kind ?? "—"}</td>
              <td className="num">{formatCount(o.count)}</td>
              <td className="num">{formatTime(o.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
