/**
 * The wait-for graph at the cursor, on real traces of examples/bugs (seed 0): its nodes and edges
 * ("waits for", "held by", "queued writer", "partner"), the cycles it finds, and how it changes
 * as the cursor moves back before the deadlock.
 */
import { describe, expect, it } from "vitest";
import { createAnalysisAt } from "../../../renderer/src/debugger/analysis-at";
import { buildWaitForGraph, findCycles, type WaitForGraph } from "../../../renderer/src/debugger/wait-for-graph";
import { layoutWaitFor, NODE_W } from "../../../renderer/src/debugger/wait-for-layout";
import { bugTrace } from "./bug-traces";

function graphAt(example: string, index?: number): { graph: WaitForGraph; name: (key: string) => string } {
  const { model } = bugTrace(example);
  const i = index ?? model.eventCount - 1;
  const graph = buildWaitForGraph(model.stateAt(model.seqOf(i)), createAnalysisAt(model).at(i));
  const names = new Map(graph.nodes.map((n) => [n.key, n.label]));
  return { graph, name: (k) => names.get(k) ?? k };
}

const edgesOf = ({ graph, name }: ReturnType<typeof graphAt>) =>
  graph.edges.map((e) => `${name(e.from)} ${e.kind} ${name(e.to)}${e.cycle ? " (cycle)" : ""}`).sort();
const cycleNames = ({ graph, name }: ReturnType<typeof graphAt>) => graph.cycles.map((c) => c.map(name).sort());

describe("wait-for graph at the deadlock", () => {
  it("ab-ba-lock: two goroutines each hold the lock the other waits for", () => {
    const g = graphAt("bugs/ab-ba-lock");
    expect(edgesOf(g)).toEqual([
      "cache.mu held syncer (cycle)",
      "evictor waits cache.mu (cycle)",
      "main waits wg",
      "store.mu held evictor (cycle)",
      "syncer waits store.mu (cycle)",
      "wg partner evictor",
      "wg partner syncer",
    ]);
    expect(cycleNames(g)).toEqual([["cache.mu", "evictor", "store.mu", "syncer"]]);
    expect(g.graph.nodes.find((n) => n.label === "main")?.inCycle).toBe(false);
  });

  it("chan-send-holding-lock: a mixed cycle through a channel's only partner and a lock", () => {
    const g = graphAt("bugs/chan-send-holding-lock");
    expect(edgesOf(g)).toEqual([
      "events partner subscriber (cycle)",
      "hub.mu held main (cycle)",
      "main waits events (cycle)",
      "subscriber waits hub.mu (cycle)",
    ]);
    expect(cycleNames(g)).toEqual([["events", "hub.mu", "main", "subscriber"]]);
  });

  it("double-lock: one goroutine waits for the lock it holds", () => {
    const g = graphAt("bugs/double-lock");
    expect(edgesOf(g)).toEqual(["main waits registry.mu (cycle)", "registry.mu held main (cycle)"]);
  });

  it("rwmutex-reread: a recursive read lock waits for the writer queued behind the first read", () => {
    const g = graphAt("bugs/rwmutex-reread");
    expect(edgesOf(g)).toContain("config.mu queued reloader (cycle)");
    expect(edgesOf(g)).toContain("config.mu held reader (cycle)");
    expect(cycleNames(g)).toEqual([["config.mu", "reader", "reloader"]]);
  });

  it("send-without-receiver: no partner and no cycle", () => {
    const g = graphAt("bugs/send-without-receiver");
    expect(edgesOf(g)).toEqual(["main waits results"]);
    expect(g.graph.nodes.find((n) => n.label === "results")).toMatchObject({ kind: "chan", noPartner: true, inCycle: false });
    expect(g.graph.cycles).toEqual([]);
  });

  it("worker-never-stopped (a leak): workers wait on jobs that nobody will send on, no cycle", () => {
    const g = graphAt("bugs/worker-never-stopped");
    expect(edgesOf(g)).toEqual(["worker waits jobs", "worker waits jobs"]);
    expect(g.graph.cycles).toEqual([]);
  });
});

describe("wait-for graph as the cursor moves", () => {
  it("ab-ba-lock before the second lock attempt: evictor waits, syncer is not blocked, no cycle yet", () => {
    const g = graphAt("bugs/ab-ba-lock", 14); // evictor blocks on cache.mu; syncer just woke
    expect(edgesOf(g)).toContain("evictor waits cache.mu");
    expect(edgesOf(g)).toContain("cache.mu held syncer");
    expect(g.graph.cycles).toEqual([]);
    expect(g.graph.edges.some((e) => e.cycle)).toBe(false);
  });

  it("nothing blocked at the first event: an empty graph", () => {
    expect(graphAt("bugs/ab-ba-lock", 0).graph.nodes).toEqual([]);
  });

  it("stepping back and forth gives the same graphs as computing each afresh", () => {
    const { model } = bugTrace("bugs/chan-send-holding-lock");
    const at = createAnalysisAt(model);
    for (const i of [9, 3, 9, 8, 9]) {
      const fresh = buildWaitForGraph(model.stateAt(model.seqOf(i)), createAnalysisAt(model).at(i));
      expect(buildWaitForGraph(model.stateAt(model.seqOf(i)), at.at(i))).toEqual(fresh);
    }
  });
});

describe("findCycles", () => {
  it("finds strongly connected components through a goroutine, and only allowed ones", () => {
    const edges = [
      { from: "g1", to: "o1" }, { from: "o1", to: "g2" }, { from: "g2", to: "o2" }, { from: "o2", to: "g1" },
      { from: "g3", to: "o1" },
    ];
    expect(findCycles(["g1", "g2", "g3", "o1", "o2"], edges, () => true)).toEqual([["g1", "g2", "o1", "o2"]]);
    expect(findCycles(["g1", "g2", "g3", "o1", "o2"], edges, (k) => k !== "g2")).toEqual([]);
  });
});

describe("layout", () => {
  it("places every node, apart, the same way each time", () => {
    const { graph } = graphAt("bugs/ab-ba-lock");
    const a = layoutWaitFor(graph);
    expect([...a.keys()].sort()).toEqual(graph.nodes.map((n) => n.key).sort());
    const pts = [...a.values()];
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) expect(Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y)).toBeGreaterThan(NODE_W * 0.6);
    }
    expect(layoutWaitFor(graph)).toEqual(a);
  });
});
