import { describe, expect, it } from "vitest";
import { chan, external, go, panic, println, sleep, time, WaitGroup } from "goroscope/runtime";
import { kinds, runProgram } from "./harness";

describe("scheduling order (seed 0 mirrors Go at GOMAXPROCS=1)", () => {
  it("a new goroutine runs when its creator blocks, the newest first (runnext), then FIFO", async () => {
    const o = await runProgram(async () => {
      for (let i = 0; i < 5; i++) go(async () => println("g", i));
      println("main still running");
      await sleep(1);
    });
    expect(o.out).toEqual(["main still running", "g 4", "g 0", "g 1", "g 2", "g 3"]);
  });

  it("a goroutine woken by a partner runs next; the one that woke it keeps running until it blocks", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(1);
      const done = chan<boolean>();
      go(async function consumer() {
        println("consumer got", await c.recv());
        await done.send(true);
      });
      await sleep(1);
      await c.send(1);
      println("producer continues");
      await done.recv();
    });
    expect(o.out).toEqual(["producer continues", "consumer got 1"]);
  });

  it("other seeds explore other interleavings, and each seed replays exactly", async () => {
    const program = async (): Promise<void> => {
      const wg = new WaitGroup();
      for (let i = 0; i < 4; i++) wg.go(async () => println("g", i));
      await wg.wait();
    };
    const orders = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const a = await runProgram(program, { seed });
      const b = await runProgram(program, { seed });
      expect(b.trace).toBe(a.trace);
      orders.add(a.out.join(","));
    }
    expect(orders.size).toBeGreaterThan(5);
  });

  it("the same program and seed give a byte-identical trace", async () => {
    const program = async (): Promise<void> => {
      const jobs = chan<number>(2, { name: "jobs" });
      const results = chan<number>(0, { name: "results" });
      for (let w = 0; w < 3; w++) {
        go(async function worker() {
          for await (const j of jobs) {
            await sleep(time.Millisecond * (j % 3));
            await results.send(j * 2);
          }
        });
      }
      go(async () => {
        for (let j = 0; j < 10; j++) await jobs.send(j);
        jobs.close();
      });
      for (let j = 0; j < 10; j++) await results.recv();
    };
    for (const seed of [0, 1, 99]) {
      const a = await runProgram(program, { seed });
      const b = await runProgram(program, { seed });
      expect(a.trace).toBe(b.trace);
      expect(a.events.length).toBeGreaterThan(50);
    }
  });
});

describe("trace", () => {
  it("seq strictly increases and t never decreases", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      go(async () => {
        for (let i = 0; i < 5; i++) {
          await sleep(time.Millisecond);
          await c.send(i);
        }
        c.close();
      });
      for await (const v of c) println(v);
    });
    const evs = o.events.filter((e) => "k" in e);
    for (let i = 1; i < evs.length; i++) {
      expect(evs[i].seq).toBe((evs[i - 1].seq as number) + 1);
      expect(evs[i].t as number).toBeGreaterThanOrEqual(evs[i - 1].t as number);
    }
  });

  it("records go.create with the child's name and Go-style names for closures", async () => {
    const o = await runProgram(async () => {
      go(async function worker() {});
      go(async () => {});
      await sleep(1);
    });
    expect(kinds(o, "go.create").map((e) => [e.child, e.name])).toEqual([
      [2, "worker"],
      [3, "main.func1"],
    ]);
  });

  it("writes values only as bounded previews", async () => {
    const o = await runProgram(async () => {
      const c = chan<string>(1);
      await c.send("<script>alert(1)</script>" + "x".repeat(500));
    });
    const val = kinds(o, "chan.send")[0].val as string;
    expect(val.length).toBeLessThanOrEqual(80);
    expect(val.startsWith('"<script>')).toBe(true);
  });
});

describe("the end of a run", () => {
  it("main returning ends the program: survivors' output is not printed, and leaks are listed", async () => {
    const o = await runProgram(async () => {
      const never = chan<number>(0, { name: "never" });
      go(async function leaky() {
        await never.recv();
      });
      go(async function late() {
        await sleep(time.Second);
        println("late goroutine prints after main returned");
      });
      await sleep(1);
      println("main returns");
    });
    expect(o.out).toEqual(["main returns"]);
    expect(o.result).toMatchObject({ end: "main-returned", exitCode: 0 });
    expect(o.result.goroutines).toEqual([expect.objectContaining({ g: 2, name: "leaky", state: "blocked", reason: "chan.recv" })]);
    expect(kinds(o, "main.return")).toHaveLength(1);
    expect(kinds(o, "go.end").map((e) => e.g)).toContain(3);
  });

  it("the grace period tells a late finisher from a goroutine asleep before blocking forever", async () => {
    const o = await runProgram(
      async () => {
        go(async function sleeperThenStuck() {
          await sleep(5 * time.Second);
          await chan<number>().recv();
        });
        go(async function tooSlow() {
          await sleep(time.Hour);
        });
      },
      { grace: 10 * time.Second },
    );
    expect(o.result.goroutines.map((g) => [g.name, g.state, g.reason])).toEqual([
      ["sleeperThenStuck", "blocked", "chan.recv"],
      ["tooSlow", "sleeping", "sleep"],
    ]);
    expect(o.result.t).toBe(5 * time.Second);
  });

  it("the grace period also ends after a step budget, so busy survivors do not run for the whole period", async () => {
    const o = await runProgram(
      async () => {
        go(async function busy() {
          for (;;) await sleep(time.Microsecond);
        });
        await sleep(1);
      },
      { graceSteps: 500 },
    );
    expect(o.result).toMatchObject({ end: "main-returned", exitCode: 0 });
    expect(o.result.goroutines.map((g) => g.name)).toEqual(["busy"]);
    expect(o.result.steps).toBeLessThan(600);
    expect(o.result.t).toBeLessThan(time.Millisecond);
  });

  it("a panic in any goroutine ends the program with a dump of every goroutine", async () => {
    const o = await runProgram(async () => {
      go(async function boom() {
        await sleep(time.Second);
        panic("something went wrong");
      });
      await chan<number>(0, { name: "forever" }).recv();
    });
    expect(o.result).toMatchObject({ end: "panic", exitCode: 2, msg: "something went wrong" });
    expect(o.stderr).toMatch(/^panic: something went wrong\n\ngoroutine 2 \[running\]:\nmain\.boom\(\)/);
    expect(o.stderr).toContain("goroutine 1 [chan receive]:");
  });

  it("a JavaScript exception is a panic too", async () => {
    const o = await runProgram(async () => {
      (undefined as unknown as { x: number }).x;
    });
    expect(o.result.end).toBe("panic");
    expect(o.stderr.split("\n")[0]).toMatch(/^panic: TypeError: Cannot read properties of undefined/);
  });

  it("the step budget ends a runaway program with an end record", async () => {
    const o = await runProgram(
      async () => {
        const ping = chan<number>(), pong = chan<number>();
        go(async () => {
          for (;;) await pong.send((await ping.recv()) as number);
        });
        for (;;) {
          await ping.send(1);
          await pong.recv();
        }
      },
      { maxSteps: 1000 },
    );
    expect(o.result).toMatchObject({ end: "step-limit", exitCode: 2 });
    expect(o.result.steps).toBe(1001);
    const end = JSON.parse(o.trace.trimEnd().split("\n").pop() as string);
    expect(end).toMatchObject({ end: "step-limit", exitCode: 2 });
  });

  it("the virtual-time budget ends a program that would sleep forever", async () => {
    const o = await runProgram(
      async () => {
        for (;;) await sleep(time.Second);
      },
      { maxTime: 10 * time.Second },
    );
    expect(o.result).toMatchObject({ end: "time-limit", exitCode: 2, t: 10 * time.Second });
  });

  it("all goroutines blocked with only an unread ticker left is a deadlock, not an endless run", async () => {
    const o = await runProgram(async () => {
      time.tick(time.Second);
      await chan<number>().recv();
    });
    expect(o.result.end).toBe("deadlock");
  });
});

describe("goroutines outside the runtime", () => {
  it("external(p) marks the goroutine external while others run, and it rejoins after", async () => {
    const o = await runProgram(async () => {
      const c = chan<string>(1);
      go(async function io() {
        const v = await external(new Promise<string>((res) => setTimeout(() => res("file contents"), 20)));
        await c.send(v);
      });
      go(async function other() {
        println("other runs meanwhile");
      });
      println("got", await c.recv());
    });
    expect(o.out).toEqual(["other runs meanwhile", "got file contents"]);
    const ext = kinds(o, "go.block").find((e) => e.reason === "external");
    expect(ext).toMatchObject({ g: 2 });
  });

  it("a foreign await is noticed when the runtime stalls, and the goroutine rejoins", async () => {
    const o = await runProgram(async () => {
      go(async function fetcher() {
        await new Promise((res) => setTimeout(res, 10));
        println("fetched");
      });
      await sleep(1);
      const wg = new WaitGroup();
      wg.add(1);
      go(async () => {
        await new Promise((res) => setTimeout(res, 30));
        wg.done();
      });
      await wg.wait();
      println("main done");
    });
    expect(o.out).toEqual(["fetched", "main done"]);
    expect(kinds(o, "go.block").filter((e) => e.reason === "external").length).toBeGreaterThanOrEqual(2);
  });
});

describe("PCT schedules", () => {
  /** An atomicity violation: two read-modify-write sequences with a preemption point between read and write. */
  const lostUpdate = (result: { value: number }) => async (): Promise<void> => {
    let shared = 0;
    const mu = new WaitGroup();
    const step = chan<number>(1);
    for (let w = 0; w < 2; w++) {
      mu.go(async function incrementer() {
        const read = shared;
        await step.send(1); // a preemption point between the read and the write
        await step.recv();
        shared = read + 1;
      });
    }
    await mu.wait();
    result.value = shared;
  };

  it("finds an ordering bug that Go's order never shows, and replays each seed exactly", async () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const r = { value: 0 };
      const a = await runProgram(lostUpdate(r), { seed, schedule: "pct", pct: { depth: 2, steps: 20 } });
      seen.add(r.value);
      const b = await runProgram(lostUpdate({ value: 0 }), { seed, schedule: "pct", pct: { depth: 2, steps: 20 } });
      expect(b.trace).toBe(a.trace);
      expect(a.trace.split("\n")[0]).toContain('"schedule":"pct"');
    }
    const goOrder = { value: 0 };
    await runProgram(lostUpdate(goOrder));
    expect(goOrder.value).toBe(2);
    expect(seen).toContain(1); // the lost update
    expect(seen).toContain(2);
  });
});
