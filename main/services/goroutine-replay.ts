/**
 * Replays the goroutine events of a trace, so that when the watchdog kills a run the CLI can write
 * the end record the runtime never got to write: which goroutines were alive, in which state, and
 * which one was running (the one that did not yield).
 *
 * Cheap on purpose: only `go.*` lines are parsed; of the rest, only the last event line is kept,
 * and parsed once, when a snapshot is taken.
 *
 * Invariants: goroutine 1 (main) exists from the header on; a goroutine is alive from its
 * `go.create` to its `go.end`; `go.block` makes it blocked (sleeping, external), `go.unblock` and
 * `go.yield` make it runnable again. The running goroutine is the actor of the last event when it
 * is not blocked, else the only runnable goroutine when there is exactly one.
 */
import type { BlockReason, EndGoroutine, GoroutineState } from "../../traces/format/schema";

export interface ReplaySnapshot {
  readonly sawHeader: boolean;
  /** The runtime wrote its own end record. */
  readonly sawEnd: boolean;
  readonly t: number;
  readonly seq: number;
  readonly running?: number;
  readonly goroutines: readonly EndGoroutine[];
}

export interface GoroutineReplay {
  /** One complete trace line, without its `\n`. */
  feed(line: string): void;
  snapshot(): ReplaySnapshot;
}

interface Goroutine {
  name: string;
  state: GoroutineState;
  reason?: BlockReason;
  on?: readonly number[];
  loc?: number;
}

type GoEvent = { k: string; g: number; loc?: number; child?: number; name?: string; target?: number; reason?: BlockReason; on?: number[] };

function stateOf(reason: BlockReason): GoroutineState {
  if (reason === "sleep") return "sleeping";
  if (reason === "external") return "external";
  return "blocked";
}

export function createGoroutineReplay(): GoroutineReplay {
  const alive = new Map<number, Goroutine>();
  let sawHeader = false;
  let sawEnd = false;
  let lastEvent: string | undefined;

  function apply(e: GoEvent): void {
    switch (e.k) {
      case "go.create":
        if (e.child !== undefined) alive.set(e.child, { name: e.name ?? "", state: "runnable", ...(e.loc ? { loc: e.loc } : {}) });
        break;
      case "go.block": {
        const g = alive.get(e.g);
        if (g && e.reason) Object.assign(g, { state: stateOf(e.reason), reason: e.reason, on: e.on ?? [], loc: e.loc ?? g.loc });
        break;
      }
      case "go.unblock":
      case "go.yield": {
        const g = alive.get(e.k === "go.unblock" ? (e.target ?? -1) : e.g);
        if (g) Object.assign(g, { state: "runnable", reason: undefined, on: undefined });
        break;
      }
      case "go.end":
        alive.delete(e.g);
        break;
    }
  }

  function feed(line: string): void {
    if (line.startsWith('{"format"')) {
      sawHeader = true;
      alive.set(1, { name: "main", state: "runnable" });
    } else if (line.startsWith('{"end"')) {
      sawEnd = true;
    } else if (!line.startsWith('{"def"') && line.length > 0) {
      lastEvent = line;
      // A `"k":"go.` inside a string value would have its quotes escaped, so this only matches the kind.
      if (line.includes('"k":"go.')) apply(JSON.parse(line) as GoEvent);
    }
  }

  function snapshot(): ReplaySnapshot {
    const last = lastEvent === undefined ? undefined : (JSON.parse(lastEvent) as { seq: number; t: number; g: number; loc?: number });
    const runnable = [...alive].filter(([, g]) => g.state === "runnable").map(([id]) => id);
    const running = last && alive.get(last.g)?.state === "runnable" ? last.g : runnable.length === 1 ? runnable[0] : undefined;
    const goroutines = [...alive]
      .sort(([a], [b]) => a - b)
      .map(([id, g]): EndGoroutine => {
        const loc = id === running && last?.g === id && last.loc ? last.loc : g.loc;
        return {
          g: id,
          name: g.name,
          state: id === running ? "running" : g.state,
          ...(g.reason ? { reason: g.reason, on: g.on ?? [] } : {}),
          ...(loc ? { loc } : {}),
        };
      });
    return { sawHeader, sawEnd, t: last?.t ?? 0, seq: last?.seq ?? 0, ...(running !== undefined ? { running } : {}), goroutines };
  }

  return { feed, snapshot };
}
