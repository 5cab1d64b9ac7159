/**
 * Positions for the wait-for graph: a force layout (d3-force: links pull, nodes repel and do not
 * overlap) run to rest synchronously, so a render draws a finished picture. Nodes keep their
 * previous positions as starting points (pass the last layout back in), so stepping the cursor
 * moves the picture only where the graph changed; a cycle's nodes start on a circle, which the
 * forces keep as a ring. d3-force's jitter comes from its own seeded generator: the same graph
 * always gets the same layout.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import type { WaitForGraph } from "./wait-for-graph";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Layout = ReadonlyMap<string, Point>;

interface SimNode extends SimulationNodeDatum {
  readonly key: string;
}

export const NODE_W = 120;
export const NODE_H = 34;

export function layoutWaitFor(graph: WaitForGraph, previous: Layout = new Map()): Layout {
  const start = new Map<string, Point>();
  graph.cycles.forEach((members, c) => {
    const cycle = ringOrder(members, graph);
    const r = 60 + cycle.length * 22;
    const cx = c * (2 * r + 120);
    cycle.forEach((key, i) => {
      const a = (2 * Math.PI * i) / cycle.length - Math.PI / 2;
      start.set(key, { x: cx + r * Math.cos(a), y: r * Math.sin(a) });
    });
  });
  const nodes: SimNode[] = graph.nodes.map((n) => {
    const p = previous.get(n.key) ?? start.get(n.key);
    return p ? { key: n.key, x: p.x, y: p.y } : { key: n.key };
  });
  const links = graph.edges.map((e) => ({ source: e.from, target: e.to }));
  const sim = forceSimulation(nodes)
    .force("link", forceLink<SimNode, { source: string; target: string }>(links).id((d) => d.key).distance(130).strength(0.7))
    .force("charge", forceManyBody().strength(-500))
    .force("collide", forceCollide(NODE_W * 0.6))
    .force("x", forceX(0).strength(0.04))
    .force("y", forceY(0).strength(0.06))
    .stop();
  const ticks = previous.size > 0 ? 120 : 300;
  for (let i = 0; i < ticks; i++) sim.tick();
  return new Map(nodes.map((n) => [n.key, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

/** A cycle's nodes in the order its edges go round, so the starting ring does not cross itself. */
function ringOrder(members: readonly string[], graph: WaitForGraph): string[] {
  const inside = new Set(members);
  const order: string[] = [];
  const seen = new Set<string>();
  for (let k: string | undefined = members[0]; k !== undefined && !seen.has(k); ) {
    seen.add(k);
    order.push(k);
    const from: string = k;
    k = graph.edges.find((e) => e.from === from && inside.has(e.to) && !seen.has(e.to))?.to;
  }
  return [...order, ...members.filter((m) => !seen.has(m))];
}
