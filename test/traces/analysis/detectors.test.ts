// Each detector against real runtime traces: the exact findings for a program of each bug shape,
// and no finding for a correct program of the same shape.
import { describe, expect, it } from "vitest";
import { analyzeProgram, summary } from "./helpers";
import { buggy, correct } from "./programs";

describe("deadlock", () => {
  it("explains an AB-BA global deadlock with its cycle, and reports the lock order too", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.abbaDeadlock);
    expect(summary(ds)).toEqual([
      "deadlock: deadlock: all goroutines are asleep (main and w1)",
      "lock-order: lock order cycle: a → b → a",
    ]);
    const [d] = ds;
    expect(d.seq).toBe(11);
    expect(d.goroutines).toEqual([
      { g: 1, name: "main", reason: "mutex.lock", on: [1] },
      { g: 2, name: "w1", reason: "mutex.lock", on: [2] },
    ]);
    expect(d.objects).toEqual([
      { kind: "mutex", id: 1, name: "a" },
      { kind: "mutex", id: 2, name: "b" },
    ]);
    expect(d.explanation).toContain("`a` is held by w1 (goroutine 2)");
    expect(d.explanation).toContain("main and w1 (goroutine 2) wait for each other");
  });

  it("names the WaitGroup whose Done never comes", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.waitGroupMissingDone);
    expect(summary(ds)).toEqual(["deadlock: deadlock: all goroutines are asleep (main)"]);
    expect(ds[0].objects).toEqual([{ kind: "wg", id: 1, name: "wg" }]);
    expect(ds[0].explanation).toContain(
      "The counter of `wg` is still 1. No goroutine that could call Done is left. Of those that used `wg`, worker (goroutine 2) ended at 0 s.",
    );
  });
});

describe("partial-deadlock", () => {
  it("finds two goroutines deadlocked on mutexes while main returns", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.abbaPartial);
    expect(summary(ds)).toEqual([
      "partial-deadlock: partial deadlock: w1 and w2 wait for each other (b, a)",
      "lock-order: lock order cycle: a → b → a",
    ]);
    expect(ds[0].seq).toBe(13);
    expect(ds[0].goroutines.map((g) => g.name)).toEqual(["w1", "w2"]);
    expect(ds[0].explanation).toContain("main returned at 1 ms");
  });

  it("finds a cycle through channels once their only other user has returned", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.channelCycle);
    expect(summary(ds)).toEqual(["partial-deadlock: partial deadlock: ping and pong wait for each other (toPing, toPong)"]);
    expect(ds[0].t).toBe(1_000_000_000); // certain only once main, which made both channels, returned
  });

  it("finds a nested read lock waiting behind a queued writer, and reports the recursive read", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.nestedReadBehindWriter);
    expect(summary(ds)).toEqual([
      "partial-deadlock: partial deadlock: reader and writer wait for each other (config.mu)",
      "lock-order: recursive read lock: reader read-locks config.mu while already holding it",
    ]);
    expect(ds[0].explanation).toContain("A writer is queued on `config.mu` (writer (goroutine 3))");
  });

  it("reports the cycle when a budget stopped the run, and no leak for its members", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.partialUnderBudget, { maxTime: 5e9 });
    expect(summary(ds)).toEqual([
      "partial-deadlock: partial deadlock: w1 and w2 wait for each other (b, a)",
      "lock-order: lock order cycle: a → b → a",
    ]);
  });

  it("reports a goroutine stuck behind the cycle as a leak, naming the deadlocked holder", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.stuckBehindCycle);
    expect(summary(ds)).toEqual([
      "partial-deadlock: partial deadlock: w1 and w2 wait for each other (b, a)",
      "lock-order: lock order cycle: a → b → a",
      "leak: goroutine bystander leaked: blocked locking a forever",
    ]);
    expect(ds[2].explanation).toContain("`a` is held by w1 (goroutine 2) since 0 s (seq 8), which is itself deadlocked.");
  });

  it("finds a goroutine that locks a mutex it already holds", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.selfDeadlock);
    expect(summary(ds)).toEqual(["partial-deadlock: partial deadlock: again waits for itself (mu)"]);
    expect(ds[0].explanation).toContain("`mu` is already held by again (goroutine 2) itself");
    expect(ds[0].explanation).toContain("not reentrant");
  });

  it("explains a Cond wait that missed its signal", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.lostSignal);
    expect(summary(ds)).toEqual(["leak: goroutine waiter leaked: blocked waiting on ready forever"]);
    expect(ds[0].explanation).toMatch(/`ready` was signaled \(Signal\) by main at seq \d+ \(0 s\), before waiter \(goroutine 2\) began waiting, while no goroutine was waiting/);
  });

  it("explains a wait on the Done channel of a context nobody cancels", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.neverCanceled);
    expect(summary(ds)).toEqual(["leak: goroutine cleaner leaked: blocked receiving from ctx1.Done forever"]);
    expect(ds[0].explanation).toContain("`ctx1.Done` is the Done channel of a context that was never canceled");
    expect(ds[0].explanation).toContain("main made the context");
    expect(ds[0].explanation).toContain("without calling cancel");
  });
});

describe("leak", () => {
  it("reports a sender whose receiver gave up, with the evidence", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.sendLeak);
    expect(ds).toEqual([
      {
        kind: "leak",
        message: "goroutine worker leaked: blocked sending on results forever",
        explanation:
          "worker (goroutine 2) has been blocked sending on `results` since 2.0 s (seq 8). No goroutine ever received from `results`. " +
          "main made it and returned at 1.0 s. It was still blocked after main returned at 1.0 s, when the leak check's grace period ran out.",
        seq: 8,
        t: 2_000_000_000,
        goroutines: [{ g: 2, name: "worker", reason: "chan.send", on: [1] }],
        objects: [{ kind: "chan", id: 1, name: "results" }],
      },
    ]);
  });

  it("reports a range over a channel that is never closed", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.forgottenClose);
    expect(summary(ds)).toEqual(["leak: goroutine worker leaked: blocked receiving from jobs forever"]);
    expect(ds[0].explanation).toContain("The only sender on `jobs`, main, returned at 1 ms without closing it.");
  });

  it("reports a select that no goroutine could complete, with evidence for each case", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.selectLeak);
    expect(summary(ds)).toEqual(["leak: goroutine waiter leaked: blocked in a select on quit, jobs forever"]);
    expect(ds[0].goroutines).toEqual([{ g: 2, name: "waiter", reason: "select", on: [1, 2] }]);
    expect(ds[0].explanation).toContain("No goroutine ever sent on `quit` or closed it.");
    expect(ds[0].explanation).toContain("No goroutine ever sent on `jobs` or closed it.");
  });

  it("reports a goroutine still asleep when the grace period ran out", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.sleeper);
    expect(summary(ds)).toEqual(["leak: goroutine napper leaked: still sleeping (until 1 h) when the grace period ran out"]);
  });

  it("reports a goroutine nothing could wake when a budget stopped the run", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.orphanUnderBudget, { maxTime: 10 * 1e9 });
    expect(summary(ds)).toEqual(["leak: goroutine orphan leaked: blocked receiving from mine forever"]);
    expect(ds[0].explanation).toContain("(the run stopped: time-limit)");
  });
});

describe("lock-order", () => {
  it("reports an inverted order that did not hang, with both acquisitions", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.abbaNoHang);
    expect(summary(ds)).toEqual(["lock-order: lock order cycle: a → b → a"]);
    expect(ds[0].explanation).toMatch(/^main locked `b` while holding `a` \(seq 4, at 0 s\) and other \(goroutine 2\) locked `a` while holding `b`/);
    expect(ds[0].goroutines.map((g) => g.name)).toEqual(["main", "other"]);
  });

  it("finds a cycle of three locks over three goroutines", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.threeLockCycle);
    expect(summary(ds)).toEqual(["lock-order: lock order cycle: a → b → c → a"]);
    expect(ds[0].objects.map((o) => o.name)).toEqual(["a", "b", "c"]);
  });

  it("reports a recursive read lock on an RWMutex that is also write-locked", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.recursiveRead);
    expect(summary(ds)).toEqual(["lock-order: recursive read lock: main read-locks config.mu while already holding it"]);
  });
});

describe("panic", () => {
  it.each([
    ["sendOnClosed", "goroutine main panicked: send on closed channel (misuse: send on closed channel)", "chan"],
    ["doubleClose", "goroutine main panicked: close of closed channel (misuse: double close)", "chan"],
    ["negativeWaitGroup", "goroutine main panicked: sync: negative WaitGroup counter (misuse: negative WaitGroup counter)", "wg"],
    ["unlockUnlocked", "goroutine main panicked: sync: unlock of unlocked mutex (misuse: unlock of unlocked mutex)", "mutex"],
  ] as const)("names the misuse: %s", async (name, message, kind) => {
    const { diagnostics: ds } = await analyzeProgram(buggy[name]);
    expect(summary(ds)).toEqual([`panic: ${message}`]);
    expect(ds[0].objects.map((o) => o.kind)).toEqual([kind]);
    expect(ds[0].goroutines).toEqual([{ g: 1, name: "main" }]);
  });

  it("reports a user panic in a goroutine", async () => {
    const { diagnostics: ds } = await analyzeProgram(buggy.userPanic);
    expect(summary(ds)).toEqual(["panic: goroutine boom panicked: boom"]);
    expect(ds[0].objects).toEqual([]);
  });
});

describe("no false positives", () => {
  it.each(Object.keys(correct) as (keyof typeof correct)[])("%s: no findings", async (name) => {
    const { diagnostics } = await analyzeProgram(correct[name]);
    expect(diagnostics).toEqual([]);
  });

  it("finds no lock-order cycle under other seeds for a consistent order", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { diagnostics } = await analyzeProgram(correct.consistentOrder, { seed });
      expect(diagnostics).toEqual([]);
    }
  });
});
