/**
 * sync/atomic's integer: every operation is indivisible by construction (one goroutine runs at a
 * time and none of these yields). Each one is recorded, so the UI can show who changed it when.
 */
import { RuntimeObject } from "../object";
import type { Named } from "../named";

export class AtomicInt extends RuntimeObject {
  private v: number;

  constructor(v = 0, opts?: Named) {
    super("atomic", opts?.name);
    this.v = v;
    this.attachIfRunning();
  }

  protected override makeFields(): string {
    return `,"val":${this.v}`;
  }

  private op(kind: string, extra = ""): void {
    const s = this.bind();
    const g = s.g();
    if (s.tr) s.emit(g.id, "atomic.op", `,"id":${this.id},"op":"${kind}","val":${this.v}${extra}`);
  }

  /** Adds n and returns the new value. */
  add(n: number): number {
    this.bind();
    this.v += n;
    this.op("add");
    return this.v;
  }

  load(): number {
    this.bind();
    this.op("load");
    return this.v;
  }

  store(v: number): void {
    this.bind();
    this.v = v;
    this.op("store");
  }

  compareAndSwap(old: number, next: number): boolean {
    this.bind();
    const ok = this.v === old;
    if (ok) this.v = next;
    this.op("cas", `,"ok":${ok}`);
    return ok;
  }
}
