import { describe, expect, it } from "vitest";
import { chan, defaultCase, go, println, recv, select, sleep, time } from "goroscope/runtime";
import { kinds, runProgram } from "./harness";

describe("virtual time", () => {
  it("sleep advances the clock by exactly the duration, at no wall-clock cost", async () => {
    const wall = Date.now();
    const o = await runProgram(async () => {
      await sleep(3 * time.Second);
      println(time.now());
      await sleep(time.Hour);
      println(time.formatDuration(time.now()));
    });
    expect(o.out).toEqual(["3000000000", "1h0m3s"]);
    expect(Date.now() - wall).toBeLessThan(5000);
  });

  it("sleep(0) and negative durations return without blocking", async () => {
    const o = await runProgram(async () => {
      await sleep(0);
      await sleep(-5);
    });
    expect(kinds(o, "go.block")).toHaveLength(0);
  });

  it("sleepers wake in deadline order, ties in the order they slept", async () => {
    const o = await runProgram(async () => {
      const done = chan<boolean>();
      for (const [name, d] of [["a", 2], ["b", 1], ["c", 2], ["d", 1]] as const) {
        go(async () => {
          await sleep(d * time.Second);
          println(name);
          await done.send(true);
        });
      }
      for (let i = 0; i < 4; i++) await done.recv();
    });
    // Start order is d, a, b, c (runnext first); wake order is by deadline, then sleep order.
    expect(o.out).toEqual(["d", "b", "a", "c"]);
  });
});

describe("real clock", () => {
  it("sleeps take wall time and time.now follows the wall clock", async () => {
    const wall = performance.now();
    const o = await runProgram(
      async () => {
        const c = time.after(30 * time.Millisecond);
        await sleep(20 * time.Millisecond);
        println(time.now() >= 20 * time.Millisecond);
        await c.recv();
        println(time.now() >= 30 * time.Millisecond);
      },
      { clock: "real" },
    );
    expect(o.out).toEqual(["true", "true"]);
    expect(performance.now() - wall).toBeGreaterThanOrEqual(29);
    expect(o.trace.split("\n")[0]).toContain('"clock":"real"');
  });
});

describe("Timer", () => {
  it("Stop before it fires returns true and nothing is ever received", async () => {
    const o = await runProgram(async () => {
      const t = time.newTimer(time.Second);
      println("stopped", t.stop());
      await select(recv(t.c, () => println("fired")), recv(time.after(5 * time.Second), () => println("timeout")));
    });
    expect(o.out).toEqual(["stopped true", "timeout"]);
  });

  it("Stop after the value was received returns false", async () => {
    const o = await runProgram(async () => {
      const t = time.newTimer(time.Second);
      println("fired at", await t.c.recv());
      println("stopped", t.stop());
    });
    expect(o.out).toEqual(["fired at 1000000000", "stopped false"]);
  });

  it("Stop after it fired but before the receive returns true and discards the stale value (Go 1.23)", async () => {
    const o = await runProgram(async () => {
      const t = time.newTimer(time.Second);
      await sleep(2 * time.Second);
      println("stopped", t.stop());
      println("len", t.c.len);
      await select(recv(t.c, () => println("stale")), defaultCase(() => println("empty")));
    });
    expect(o.out).toEqual(["stopped true", "len 0", "empty"]);
  });

  it("Reset returns whether the timer was pending and re-arms it", async () => {
    const o = await runProgram(async () => {
      const t = time.newTimer(time.Second);
      println("reset active", t.reset(3 * time.Second));
      println("fired at", await t.c.recv());
      println("reset expired", t.reset(time.Second));
      println("fired at", await t.c.recv());
      t.stop();
      println("reset stopped", t.reset(time.Second));
    });
    expect(o.out).toEqual(["reset active true", "fired at 3000000000", "reset expired false", "fired at 4000000000", "reset stopped false"]);
  });

  it("time.after fires once, at the deadline", async () => {
    const o = await runProgram(async () => {
      const c = time.after(250 * time.Millisecond);
      println(await c.recv(), c.cap);
    });
    expect(o.out).toEqual(["250000000 1"]);
  });
});

describe("Ticker", () => {
  it("ticks at its period", async () => {
    const o = await runProgram(async () => {
      const tk = time.newTicker(500 * time.Millisecond);
      for (let i = 0; i < 3; i++) println(await tk.c.recv());
      tk.stop();
    });
    expect(o.out).toEqual(["500000000", "1000000000", "1500000000"]);
  });

  it("holds one tick and drops the ticks a slow receiver misses", async () => {
    const o = await runProgram(async () => {
      const tk = time.newTicker(100 * time.Millisecond);
      await sleep(350 * time.Millisecond);
      println(await tk.c.recv()); // the tick from 100 ms, held in the buffer
      println(await tk.c.recv()); // 200 and 300 were dropped; the next is 400
      tk.stop();
    });
    expect(o.out).toEqual(["100000000", "400000000"]);
    expect(kinds(o, "timer.fire").filter((e) => e.dropped)).toHaveLength(2);
  });

  it("sends nothing after Stop", async () => {
    const o = await runProgram(async () => {
      const tk = time.newTicker(time.Second);
      await tk.c.recv();
      tk.stop();
      await select(recv(tk.c, () => println("tick")), recv(time.after(10 * time.Second), () => println("quiet")));
    });
    expect(o.out).toEqual(["quiet"]);
  });

  it("Reset changes the period; a non-positive one panics with Go's message", async () => {
    const o = await runProgram(async () => {
      const tk = time.newTicker(time.Second);
      println(await tk.c.recv());
      tk.reset(100 * time.Millisecond);
      println(await tk.c.recv());
      tk.reset(0);
    });
    expect(o.out).toEqual(["1000000000", "1100000000"]);
    expect(o.result).toMatchObject({ end: "panic", msg: "non-positive interval for Ticker.Reset" });
  });

  it("NewTicker with a non-positive interval panics with Go's message; Tick returns nil", async () => {
    const o = await runProgram(async () => {
      const nilTick = time.tick(0);
      await select(recv(nilTick, () => println("tick")), defaultCase(() => println("nil channel never ready")));
      time.newTicker(0);
    });
    expect(o.out).toEqual(["nil channel never ready"]);
    expect(o.result).toMatchObject({ end: "panic", msg: "non-positive interval for NewTicker" });
  });
});

describe("formatting", () => {
  it.each([
    [0, "0s"],
    [1, "1ns"],
    [1500, "1.5µs"],
    [2_000_000, "2ms"],
    [1_500_000_000, "1.5s"],
    [2_001_103_981, "2.001103981s"],
    [3_723_000_000_000, "1h2m3s"],
    [-5_000_000_000, "-5s"],
  ])("formatDuration(%d) = %s like Go's Duration.String", (d, s) => {
    expect(time.formatDuration(d)).toBe(s);
  });

  it("formats times like Go's Time.String from the playground epoch", async () => {
    const o = await runProgram(async () => {
      println(time.format(time.now()));
      await sleep(500 * time.Millisecond + 1);
      println(time.format(time.now()));
    });
    expect(o.out).toEqual(["2009-11-10 23:00:00 +0000 UTC m=+0.000000001", "2009-11-10 23:00:00.500000001 +0000 UTC m=+0.500000002"]);
  });
});
