// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LoadedTrace } from "../../../renderer/src/load/load-trace";
import { Inspector } from "../../../renderer/src/panels/inspector/inspector";
import { useStore } from "../../../renderer/src/store/store";
import { all, click, one, openIn, render, update, type Rendered } from "./helpers";

/** mixed.jsonl: goroutines main #1, worker #2, writer #3, leaker #4; objects jobs #1 (cap 3), stuck #2, mu #3, config #4 (RWMutex), wg #5. */
const FIXTURE = "test/renderer/panels/fixtures/mixed.jsonl";

const text = (el: Element) => el.textContent ?? "";
/** The value cell next to a label in the inspector's property lists. */
function prop(root: Element, label: string): string {
  const dt = [...root.querySelectorAll("dt")].find((d) => d.textContent === label);
  if (!dt) throw new Error(`no property ${label} in: ${text(root)}`);
  return text(dt.nextElementSibling!);
}

describe("Inspector", () => {
  let view: Rendered;
  let loaded: LoadedTrace;
  beforeEach(async () => {
    loaded = await openIn(useStore, FIXTURE);
    view = render(<Inspector />);
  });
  afterEach(() => view.unmount());
  const insp = () => one(view.container, "inspector");
  const at = (seq: number) => loaded.model.indexOfSeq(seq);

  it("says nothing is selected at first", () => {
    expect(insp().dataset.selection).toBe("none");
    expect(text(insp())).toContain("Nothing selected");
  });

  it("an event: kind, seq, time, goroutine, site, object and value; a receive links to its send", () => {
    update(() => useStore.getState().select({ kind: "event", index: at(16) }));
    const root = insp();
    expect(text(root.querySelector(".insp-name")!)).toBe("chan.recv");
    expect(prop(root, "seq")).toBe("16");
    expect(prop(root, "time")).toBe("0 ns");
    expect(prop(root, "goroutine")).toBe("worker #2");
    expect(prop(root, "site")).toBe("examples/mixed.ts:15:26");
    expect(prop(root, "channel")).toBe("jobs (chan #1)");
    expect(prop(root, "value")).toBe("1");
    expect(prop(root, "sent by")).toContain("chan.send #6 by main #1");
    // Following the partner link selects the send, whose "received by" leads back.
    click(root.querySelector(`[data-ref="event:${at(6)}"]`));
    expect(useStore.getState().selection).toEqual({ kind: "event", index: at(6) });
    expect(useStore.getState().cursor).toBe(at(6));
    expect(prop(insp(), "received by")).toContain("chan.recv #16 by worker #2");
    // The second value sent (seq 7) is never received.
    update(() => useStore.getState().select({ kind: "event", index: at(7) }));
    expect(prop(insp(), "received by")).toBe("not received in this trace");
  });

  it("a goroutine: parent, creation site, times, state at the cursor, stepping through its events", () => {
    update(() => useStore.getState().select({ kind: "goroutine", id: 2 }));
    const root = insp();
    expect(text(root.querySelector(".insp-name")!)).toBe("worker");
    expect(prop(root, "parent")).toBe("main #1");
    expect(prop(root, "creation site")).toBe("mixed.ts:13 in main");
    expect(prop(root, "ended")).toBe("15 ms");
    expect(Number(prop(root, "events"))).toBe(loaded.model.eventsOf(loaded.model.goroutine(2)!).length);
    // No cursor: the state at the end of the trace.
    expect(text(root)).toContain("State at the end of the trace");
    // At seq 17 the worker sleeps (after taking job 1).
    update(() => useStore.getState().setCursor(at(17)));
    expect(text(insp())).toContain("State at the cursor (#17)");
    expect(one(view.container, "goroutine-status").textContent).toBe("sleeping");
    // Next event of the worker after the cursor.
    const events = [...loaded.model.eventsOf(loaded.model.goroutine(2)!)];
    const next = events.find((i) => i > at(17))!;
    click(one(view.container, "next-event"));
    expect(useStore.getState().selection).toEqual({ kind: "event", index: next });
    expect(useStore.getState().cursor).toBe(next);
    click(one(view.container, "prev-event"));
    expect(useStore.getState().cursor).toBe(events.filter((i) => i < next).at(-1));
  });

  it("the leaked goroutine is blocked at the end, on the channel nobody receives from", () => {
    update(() => useStore.getState().select({ kind: "goroutine", id: 4 }));
    expect(one(view.container, "goroutine-status").textContent).toBe("blocked");
    expect(prop(insp(), "reason")).toBe("chan.send");
    expect(prop(insp(), "waiting on")).toBe("stuck (chan #2)");
    expect(prop(insp(), "ended")).toBe("still alive at the end of the trace");
  });

  it("a channel: cap, len and the buffered values in order at the cursor, and its queues", () => {
    update(() => useStore.getState().select({ kind: "object", id: 1 }));
    update(() => useStore.getState().setCursor(at(8)));
    const root = insp();
    expect(root.querySelector<HTMLElement>("[data-kind=object]")!.dataset.objectKind).toBe("chan");
    expect(prop(root, "cap")).toBe("3");
    expect(one(view.container, "chan-len").textContent).toBe("2 / 3");
    expect(all(view.container, "buffered-value").map((li) => li.querySelector(".buffer-val")!.textContent)).toEqual(["1", "2"]);
    update(() => useStore.getState().setCursor(at(16)));
    expect(one(view.container, "chan-len").textContent).toBe("1 / 3");
    expect(all(view.container, "buffered-value").map((li) => li.querySelector(".buffer-val")!.textContent)).toEqual(["2"]);
    // The unbuffered channel has the leaker in its sendq at the end.
    update(() => useStore.getState().setCursor(null));
    update(() => useStore.getState().select({ kind: "object", id: 2 }));
    expect(prop(insp(), "sendq")).toBe("leaker #4");
    expect(prop(insp(), "recvq")).toBe("none");
  });

  it("a mutex: holder and waiters at the cursor", () => {
    update(() => useStore.getState().select({ kind: "object", id: 3 }));
    const m = loaded.model;
    // Find a moment where the writer waits for mu while the worker holds it.
    let found = -1;
    for (let i = 0; i < m.eventCount; i++) {
      const lock = m.stateAt(m.seqOf(i)).locks.find((l) => l.id === 3);
      if (lock?.holder === 2 && lock.waiters.includes(3)) {
        found = i;
        break;
      }
    }
    expect(found).toBeGreaterThanOrEqual(0);
    update(() => useStore.getState().setCursor(found));
    expect(prop(insp(), "holder")).toBe("worker #2");
    expect(prop(insp(), "waiters")).toBe("writer #3");
    update(() => useStore.getState().setCursor(m.eventCount - 1));
    expect(prop(insp(), "holder")).toBe("unlocked");
  });

  it("an RWMutex shows its readers; a WaitGroup its counter", () => {
    const m = loaded.model;
    const readIdx = [...m.eventsOf(m.object(4)!)].find((i) => {
      const e = m.event(i);
      return e.k === "rwmutex.lock" && e.read;
    })!;
    update(() => useStore.getState().select({ kind: "object", id: 4 }));
    update(() => useStore.getState().setCursor(readIdx));
    expect(prop(insp(), "readers")).toBe("worker #2");
    expect(prop(insp(), "writer")).toBe("unlocked");
    update(() => useStore.getState().select({ kind: "object", id: 5 }));
    expect(one(view.container, "wg-counter").textContent).toBe("2");
    update(() => useStore.getState().setCursor(m.eventCount - 1));
    expect(one(view.container, "wg-counter").textContent).toBe("0");
  });

  it("a finding: its message, explanation and links", () => {
    update(() => useStore.getState().focusDiagnostic(0));
    const root = insp();
    expect(root.dataset.selection).toBe("diagnostic");
    expect(text(root)).toContain(loaded.diagnostics[0]!.message);
    expect(text(root)).toContain(loaded.diagnostics[0]!.explanation);
    click(root.querySelector('[data-ref="object:2"]'));
    expect(useStore.getState().selection).toEqual({ kind: "object", id: 2 });
  });
});
