/**
 * The wait-for graph at the cursor (wait-for-graph.ts), drawn as SVG React elements: goroutines
 * as rounded boxes coloured by status, objects as square boxes, edges as arrows labelled "waits
 * for", "held by", "queued writer" and "partner"; cycles in red; an object nobody could complete
 * says "no partner". Clicking a node selects its goroutine or object. Updates as the cursor moves.
 */
import { useMemo, useRef, type ReactElement } from "react";
import type { TraceModel } from "../../../traces/model";
import { useStore, type StoreApi } from "../store/store";
import { createAnalysisAt, type AnalysisAt } from "./analysis-at";
import { useCursorState } from "./use-cursor";
import { buildWaitForGraph, type WaitEdge, type WaitForGraph, type WaitNode } from "./wait-for-graph";
import { layoutWaitFor, NODE_H, NODE_W, type Layout, type Point } from "./wait-for-layout";

const analyses = new WeakMap<TraceModel, AnalysisAt>();
const analysisOf = (model: TraceModel): AnalysisAt => {
  let a = analyses.get(model);
  if (!a) analyses.set(model, (a = createAnalysisAt(model)));
  return a;
};

const EDGE_LABEL: Record<WaitEdge["kind"], string> = { waits: "waits for", held: "held by", queued: "queued writer", partner: "partner" };

export function WaitForPanel({ store = useStore }: { readonly store?: StoreApi }): ReactElement {
  const view = useCursorState(store);
  const graph = useMemo(() => (view ? buildWaitForGraph(view.state, analysisOf(view.model).at(view.index)) : undefined), [view]);
  const last = useRef<Layout>(new Map());
  const layout = useMemo(() => {
    if (!graph) return new Map<string, Point>();
    const l = layoutWaitFor(graph, last.current);
    last.current = l;
    return l;
  }, [graph]);
  return (
    <div className="dbg-panel dbg-waitfor" data-testid="waitfor-panel" data-cycles={graph?.cycles.length ?? 0}>
      {!graph || graph.nodes.length === 0 ? (
        <p className="dbg-empty">{view ? "No goroutine is blocked at this event." : "No events yet."}</p>
      ) : (
        <Graph store={store} graph={graph} layout={layout} />
      )}
    </div>
  );
}

function Graph({ store, graph, layout }: { store: StoreApi; graph: WaitForGraph; layout: Layout }): ReactElement {
  const pos = (k: string): Point => layout.get(k) ?? { x: 0, y: 0 };
  const xs = graph.nodes.map((n) => pos(n.key).x);
  const ys = graph.nodes.map((n) => pos(n.key).y);
  const pad = 30;
  const minX = Math.min(...xs) - NODE_W / 2 - pad;
  const minY = Math.min(...ys) - NODE_H / 2 - pad;
  const w = Math.max(...xs) - Math.min(...xs) + NODE_W + 2 * pad;
  const h = Math.max(...ys) - Math.min(...ys) + NODE_H + 2 * pad + 14;
  return (
    <svg className="dbg-graph" viewBox={`${minX} ${minY} ${w} ${h}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="Wait-for graph">
      <defs>
        <marker id="dbg-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="dbg-arrowhead" />
        </marker>
        <marker id="dbg-arrow-cycle" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="dbg-arrowhead cycle" />
        </marker>
      </defs>
      {graph.edges.map((e) => <Edge key={`${e.from}>${e.to}>${e.kind}`} edge={e} from={pos(e.from)} to={pos(e.to)} />)}
      {graph.nodes.map((n) => <Node key={n.key} store={store} node={n} at={pos(n.key)} />)}
    </svg>
  );
}

/** The point where the segment from the box centre `c` towards `p` leaves the box. */
function boxExit(c: Point, p: Point): Point {
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const s = Math.min(Math.abs((NODE_W / 2 + 3) / (dx || 1e-9)), Math.abs((NODE_H / 2 + 3) / (dy || 1e-9)));
  return { x: c.x + dx * Math.min(1, s), y: c.y + dy * Math.min(1, s) };
}

function Edge({ edge, from, to }: { edge: WaitEdge; from: Point; to: Point }): ReactElement {
  const a = boxExit(from, to);
  const b = boxExit(to, from);
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return (
    <g className={`dbg-edge ${edge.kind}${edge.cycle ? " cycle" : ""}`} data-testid="waitfor-edge" data-from={edge.from} data-to={edge.to} data-kind={edge.kind} data-cycle={edge.cycle ? "true" : undefined}>
      <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} markerEnd={`url(#${edge.cycle ? "dbg-arrow-cycle" : "dbg-arrow"})`} />
      <text x={mid.x} y={mid.y - 4} textAnchor="middle">{EDGE_LABEL[edge.kind]}</text>
    </g>
  );
}

function Node({ store, node, at }: { store: StoreApi; node: WaitNode; at: Point }): ReactElement {
  const isG = node.kind === "goroutine";
  const sub = isG ? `${node.status ?? ""}${node.reason ? ` · ${node.reason}` : ""}` : node.kind;
  return (
    <g
      className={`dbg-node ${isG ? `goroutine ${node.status ?? ""}` : "object"}${node.inCycle ? " cycle" : ""}${node.noPartner ? " no-partner" : ""}`}
      transform={`translate(${at.x - NODE_W / 2}, ${at.y - NODE_H / 2})`}
      data-testid="waitfor-node"
      data-kind={node.kind}
      data-id={node.id}
      data-cycle={node.inCycle ? "true" : undefined}
      data-no-partner={node.noPartner ? "true" : undefined}
      onClick={() => store.getState().select(isG ? { kind: "goroutine", id: node.id } : { kind: "object", id: node.id })}
    >
      <title>{`${isG ? "goroutine" : node.kind} ${node.label} #${node.id}${node.noPartner ? ": no goroutine could complete this operation" : ""}`}</title>
      <rect width={NODE_W} height={NODE_H} rx={isG ? 12 : 2} />
      <text x={NODE_W / 2} y={14} textAnchor="middle" className="dbg-node-label">{clip(node.label, 18)}</text>
      <text x={NODE_W / 2} y={27} textAnchor="middle" className="dbg-node-sub">{clip(sub, 22)}</text>
      {node.noPartner && <text x={NODE_W / 2} y={NODE_H + 12} textAnchor="middle" className="dbg-no-partner">no partner</text>}
    </g>
  );
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
