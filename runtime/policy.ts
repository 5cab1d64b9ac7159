/**
 * Scheduling policies: which runnable goroutine runs next, and whether the running one should be
 * preempted at an operation that did not block.
 *
 * - `go` (seed 0's default): Go at GOMAXPROCS=1. A goroutine made runnable by another goroutine
 *   takes the runnext slot (the previous occupant moves to the tail of the FIFO run queue);
 *   timer wake-ups join the tail. No preemption.
 * - `random`: uniform choice among runnable goroutines; each operation that did not block yields
 *   with probability 1/8.
 * - `pct`: Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010). Goroutines get
 *   distinct random priorities and the highest-priority runnable goroutine always runs; at d-1
 *   change points, drawn uniformly among the first k scheduling points, the running goroutine's
 *   priority drops below every initial one. For a program with n goroutines and k scheduling
 *   points, one run finds a given bug of depth d with probability at least 1/(n·k^(d-1)).
 *
 * All choices draw from the run's seeded source, so a (seed, policy) pair replays exactly.
 */
import type { G } from "./goroutine";
import { Deque } from "./queue";
import type { Rand } from "./rand";

export type PolicyName = "go" | "random" | "pct";

export interface Policy {
  readonly name: PolicyName;
  readonly size: number;
  ready(g: G, viaTimer: boolean): void;
  pick(): G | undefined;
  /** Called at a preemption point of `cur` (an operation that did not block): should it yield? */
  shouldYield(cur: G): boolean;
}

export interface PctOptions {
  /** Bug depth d: the number of ordering constraints to hit (default 3, so 2 change points). */
  readonly depth?: number;
  /** Estimated scheduling points in a run, k (default 1000). */
  readonly steps?: number;
}

class GoPolicy implements Policy {
  readonly name = "go";
  private readonly runq = new Deque<G>();
  private runnext: G | undefined;

  get size(): number {
    return this.runq.length + (this.runnext ? 1 : 0);
  }

  ready(g: G, viaTimer: boolean): void {
    if (viaTimer) return this.runq.push(g);
    if (this.runnext) this.runq.push(this.runnext);
    this.runnext = g;
  }

  pick(): G | undefined {
    const n = this.runnext;
    if (n !== undefined) {
      this.runnext = undefined;
      return n;
    }
    return this.runq.shift();
  }

  shouldYield(): boolean {
    return false;
  }
}

const PREEMPT_PROBABILITY = 0.125;

class RandomPolicy implements Policy {
  readonly name = "random";
  private readonly runq = new Deque<G>();

  constructor(private readonly rand: Rand) {}

  get size(): number {
    return this.runq.length;
  }

  ready(g: G): void {
    this.runq.push(g);
  }

  pick(): G | undefined {
    const len = this.runq.length;
    if (len === 0) return undefined;
    return len === 1 ? this.runq.shift() : this.runq.removeAt(this.rand.intn(len));
  }

  shouldYield(): boolean {
    return this.runq.length > 0 && this.rand.float() < PREEMPT_PROBABILITY;
  }
}

class PctPolicy implements Policy {
  readonly name = "pct";
  private readonly runnable: G[] = [];
  private readonly prio = new Map<number, number>();
  private readonly changePoints: number[];
  private point = 0;
  private lowered = 0;

  constructor(
    private readonly rand: Rand,
    private readonly depth: number,
    steps: number,
  ) {
    this.changePoints = Array.from({ length: Math.max(0, depth - 1) }, () => 1 + rand.intn(Math.max(1, steps)));
  }

  get size(): number {
    return this.runnable.length;
  }

  private priority(g: G): number {
    let p = this.prio.get(g.id);
    if (p === undefined) {
      // Initial priorities lie above every change-point priority (1..d-1); ties are broken by id.
      p = this.depth + this.rand.float() * 1e6;
      this.prio.set(g.id, p);
    }
    return p;
  }

  ready(g: G): void {
    this.priority(g);
    this.runnable.push(g);
  }

  pick(): G | undefined {
    if (this.runnable.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.runnable.length; i++) if (this.priority(this.runnable[i]) > this.priority(this.runnable[best])) best = i;
    return this.runnable.splice(best, 1)[0];
  }

  shouldYield(cur: G): boolean {
    this.point++;
    for (const cp of this.changePoints) {
      if (cp === this.point) this.prio.set(cur.id, this.depth - 1 - this.lowered++);
    }
    const mine = this.priority(cur);
    return this.runnable.some((g) => this.priority(g) > mine);
  }
}

export function createPolicy(name: PolicyName, rand: Rand, pct: PctOptions = {}): Policy {
  switch (name) {
    case "go":
      return new GoPolicy();
    case "random":
      return new RandomPolicy(rand);
    case "pct":
      return new PctPolicy(rand, pct.depth ?? 3, pct.steps ?? 1000);
  }
}
