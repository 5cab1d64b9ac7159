import { describe, expect, it } from "vitest";
import { chan, go, println, sleep, time } from "goroscope/runtime";
import { kinds, runProgram } from "./harness";

describe("unbuffered channels", () => {
  it("a send blocks until a receiver arrives (rendezvous)", async () => {
    const o = await runProgram(async () => {
      const c = chan<string>();
      go(async function receiver() {
        await sleep(time.Second);
        println("receiving at", time.now());
        println("got", await c.recv());
      });
      println("sending at", time.now());
      await c.send("x");
      println("sent at", time.now());
    });
    expect(o.out).toEqual(["sending at 0", "receiving at 1000000000", "got x", "sent at 1000000000"]);
    const block = kinds(o, "go.block").find((e) => e.g === 1);
    expect(block).toMatchObject({ reason: "chan.send" });
    expect(o.result.goroutines).toEqual([]);
  });

  it("a receive blocks until a sender arrives, and the value is handed over directly", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(0, { name: "c" });
      go(async () => {
        await sleep(5);
        await c.send(42);
      });
      println(await c.recv());
    });
    expect(o.out).toEqual(["42"]);
    const send = kinds(o, "chan.send")[0];
    const recv = kinds(o, "chan.recv")[0];
    expect(send).toMatchObject({ g: 2, len: 0, val: "42" });
    expect(recv).toMatchObject({ g: 1, ok: true, from: send.seq, len: 0 });
  });

  it("len and cap are 0", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      println(c.len, c.cap);
    });
    expect(o.out).toEqual(["0 0"]);
  });
});

describe("buffered channels", () => {
  it("are FIFO and sends do not block until the buffer is full", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(3);
      for (let i = 1; i <= 3; i++) await c.send(i);
      println("len", c.len, "cap", c.cap);
      go(async () => {
        println("recv", await c.recv());
      });
      await c.send(4); // full: blocks until the goroutine takes 1
      println("sent 4");
      for (let i = 0; i < 3; i++) println("recv", await c.recv());
    });
    expect(o.out).toEqual(["len 3 cap 3", "recv 1", "sent 4", "recv 2", "recv 3", "recv 4"]);
    expect(kinds(o, "go.block").filter((e) => e.reason === "chan.send")).toHaveLength(1);
  });

  it("a receive from a full channel admits the blocked sender's value at the tail", async () => {
    const o = await runProgram(async () => {
      const c = chan<string>(1, { name: "c" });
      await c.send("a");
      go(async () => c.send("b"));
      await sleep(1); // let the sender block on the full buffer
      println(await c.recv(), c.len, await c.recv());
    });
    expect(o.out).toEqual(["a 1 b"]);
    const [, second] = kinds(o, "chan.send");
    const [first] = kinds(o, "chan.recv");
    expect(first).toMatchObject({ len: 0, val: '"a"' });
    expect(second).toMatchObject({ g: 2, len: 1, val: '"b"' });
  });

  it("records which send each receive took its value from", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(2);
      await c.send(10);
      await c.send(20);
      await c.recv();
      await c.recv();
    });
    const sends = kinds(o, "chan.send");
    expect(kinds(o, "chan.recv").map((r) => r.from)).toEqual(sends.map((s) => s.seq));
  });
});

describe("close", () => {
  it("wakes every blocked receiver with ok=false", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      const done = chan<boolean>(3);
      for (let i = 0; i < 3; i++) {
        go(async function reader() {
          const [v, ok] = await c.recv2();
          println("woke", v, ok);
          await done.send(true);
        });
      }
      await sleep(1);
      c.close();
      for (let i = 0; i < 3; i++) await done.recv();
    });
    expect(o.out).toEqual(["woke <nil> false", "woke <nil> false", "woke <nil> false"]);
    expect(kinds(o, "chan.recv").filter((e) => e.ok === false)).toHaveLength(3);
  });

  it("readies woken receivers in Go's order: the first waiter runs first", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      const wg = chan<boolean>(3);
      for (const name of ["r1", "r2", "r3"]) {
        go(async () => {
          await c.recv();
          println(name);
          await wg.send(true);
        });
      }
      await sleep(1);
      c.close();
      for (let i = 0; i < 3; i++) await wg.recv();
    });
    // The readers start r3, r1, r2 (runnext first, then the run queue) and queue in that order.
    // Go pushes the waiters on a glist and pops them in reverse, each goready taking runnext:
    // the first waiter, r3, ends in runnext; r2 and r1 follow from the run queue.
    expect(o.out).toEqual(["r3", "r2", "r1"]);
    expect(kinds(o, "go.block").filter((e) => e.reason === "chan.recv").map((e) => e.g).slice(0, 3)).toEqual([4, 2, 3]);
  });

  it("a receive from a closed channel returns the zero value and ok=false at once, after the buffer drains", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(2);
      await c.send(1);
      await c.send(2);
      c.close();
      println(await c.recv2());
      println(await c.recv2());
      println(await c.recv2());
      println(await c.recv());
    });
    expect(o.out).toEqual(["[1 true]", "[2 true]", "[<nil> false]", "<nil>"]);
  });

  it("range (for await) drains the buffer after close and then ends", async () => {
    const o = await runProgram(async () => {
      const c = chan<string>(2);
      await c.send("1");
      await c.send("2");
      c.close();
      for await (const m of c) println("Received:", m);
      println("end");
    });
    expect(o.out).toEqual(["Received: 1", "Received: 2", "end"]);
  });

  it("panics a sender blocked on the channel", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      go(async function sender() {
        await c.send(1);
      });
      await sleep(1);
      c.close();
      await sleep(1);
    });
    expect(o.result).toMatchObject({ end: "panic", exitCode: 2, msg: "send on closed channel" });
    expect(o.stderr).toMatch(/^panic: send on closed channel\n\ngoroutine 2 \[running\]:/);
  });
});

describe("misuse panics with Go's messages", () => {
  const cases: [string, () => Promise<void>, string][] = [
    ["send on a closed channel", async () => {
      const c = chan<number>(1);
      c.close();
      await c.send(1);
    }, "send on closed channel"],
    ["close of a closed channel", async () => {
      const c = chan<number>();
      c.close();
      c.close();
    }, "close of closed channel"],
    ["close of a nil channel", async () => {
      chan.nil<number>().close();
    }, "close of nil channel"],
  ];
  for (const [name, main, msg] of cases) {
    it(name, async () => {
      const o = await runProgram(main);
      expect(o.result).toMatchObject({ end: "panic", exitCode: 2, msg });
      expect(o.stderr.split("\n")[0]).toBe(`panic: ${msg}`);
      expect(o.stderr).toContain("goroutine 1 [running]:");
      expect(kinds(o, "go.panic")[0]).toMatchObject({ g: 1, msg });
      expect(o.trace.trimEnd().split("\n").pop()).toContain('"end":"panic"');
    });
  }

  it("a panic can be recovered with try/catch (Go's recover)", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      c.close();
      try {
        c.close();
      } catch (e) {
        println("recovered:", (e as Error).message);
      }
    });
    expect(o.out).toEqual(["recovered: close of closed channel"]);
    expect(o.result.exitCode).toBe(0);
  });
});

describe("nil channels", () => {
  it("block forever: a program waiting on one is deadlocked", async () => {
    const o = await runProgram(async () => {
      await chan.nil<number>().recv();
    });
    expect(o.result).toMatchObject({ end: "deadlock", exitCode: 2 });
    expect(o.stderr).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(o.stderr).toContain("goroutine 1 [chan receive (nil chan)]:");
  });
});

describe("global deadlock", () => {
  it("ends the run with Go's message, exit code 2 and a dump of every goroutine", async () => {
    const o = await runProgram(async () => {
      const results = chan<number>(0, { name: "results" });
      go(async function worker() {
        await results.send(1);
        await results.send(2);
      });
      await results.recv();
      await chan<number>().recv();
    });
    expect(o.result).toMatchObject({ end: "deadlock", exitCode: 2 });
    const lines = o.stderr.split("\n");
    expect(lines[0]).toBe("fatal error: all goroutines are asleep - deadlock!");
    expect(o.stderr).toContain("goroutine 1 [chan receive]:");
    expect(o.stderr).toContain("goroutine 2 [chan send]:");
    expect(o.stderr).toContain("created by main.main in goroutine 1");
    const end = JSON.parse(o.trace.trimEnd().split("\n").pop() as string);
    expect(end).toMatchObject({ end: "deadlock", exitCode: 2 });
    expect(end.goroutines.map((g: { g: number; reason: string }) => [g.g, g.reason])).toEqual([
      [1, "chan.recv"],
      [2, "chan.send"],
    ]);
  });
});
