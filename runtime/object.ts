/**
 * Base of every runtime object other than channels: an id in the run's shared object space,
 * assigned — and announced in the trace with its make event — at first use, so objects created
 * before the run (Go's package-level `var wg sync.WaitGroup`) work too.
 */
import { activeOrUndefined, sched } from "./active";
import type { Scheduler } from "./scheduler";

export abstract class RuntimeObject {
  id = 0;
  name: string;
  private s: Scheduler | undefined;

  constructor(
    private readonly kind: string,
    given: string | undefined,
  ) {
    this.name = given ?? "";
  }

  protected bind(): Scheduler {
    const s = sched();
    if (this.s !== s) {
      this.s = s;
      this.id = s.newObjectId();
      if (this.name === "") this.name = `${this.kind}${this.id}`;
      this.reset();
      if (s.tr) s.emit(s.actor(), `${this.kind}.make`, `,"id":${this.id},"name":${JSON.stringify(this.name)}${this.makeFields()}`);
    }
    return s;
  }

  toString(): string {
    return `${this.kind} ${this.name || "(unused)"}`;
  }

  /** Joins the run in progress at creation, so the make event marks where the object was made. Subclasses call it last in their constructor. */
  protected attachIfRunning(): void {
    const s = activeOrUndefined();
    if (s !== undefined && !s.ended && (s.current !== undefined || s.firing)) this.bind();
  }

  /** Extra fields of the make event (after id and name). */
  protected makeFields(): string {
    return "";
  }

  /** Called when the object joins a run: state from an earlier run in the same realm is dropped. */
  protected reset(): void {}
}
