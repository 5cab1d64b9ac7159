import { describe, expect, it } from "vitest";
import { chan, defaultCase, go, println, recv, select, send, sleep, time } from "goroscope/runtime";
import { kinds, runProgram } from "./harness";

/** Pearson's chi-square statistic of counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const e = total / counts.length;
  return counts.reduce((acc, c) => acc + (c - e) ** 2 / e, 0);
}
/** chi-square critical value for 2 degrees of freedom at p = 0.001: a fair select fails this 1 time in 1000. */
const CHI2_DF2_P001 = 13.816;

describe("select", () => {
  it("chooses uniformly among ready cases across seeds (chi-square, p = 0.001)", async () => {
    const counts = [0, 0, 0];
    for (let seed = 1; seed <= 600; seed++) {
      await runProgram(
        async () => {
          const cs = [chan<number>(1), chan<number>(1), chan<number>(1)];
          for (const c of cs) await c.send(1);
          const chosen = await select(...cs.map((c, i) => recv(c, () => i)));
          counts[chosen]++;
        },
        { seed },
      );
    }
    expect(counts.reduce((a, b) => a + b)).toBe(600);
    expect(chiSquare(counts)).toBeLessThan(CHI2_DF2_P001);
  });

  it("chooses uniformly among ready cases within one run", async () => {
    const counts = [0, 0, 0];
    await runProgram(async () => {
      const cs = [chan<number>(1), chan<number>(1), chan<number>(1)];
      for (let n = 0; n < 3000; n++) {
        for (const c of cs) if (c.len === 0) await c.send(1);
        counts[await select(...cs.map((c, i) => recv(c, () => i)))]++;
      }
    });
    expect(chiSquare(counts)).toBeLessThan(CHI2_DF2_P001);
  });

  it("is a function of the seed: the same seed makes the same choices", async () => {
    const choices = async (seed: number): Promise<number[]> => {
      const got: number[] = [];
      await runProgram(
        async () => {
          const a = chan<number>(1), b = chan<number>(1);
          for (let n = 0; n < 50; n++) {
            if (a.len === 0) await a.send(0);
            if (b.len === 0) await b.send(1);
            got.push(await select(recv(a, () => 0), recv(b, () => 1)));
          }
        },
        { seed },
      );
      return got;
    };
    expect(await choices(7)).toEqual(await choices(7));
    expect(await choices(7)).not.toEqual(await choices(8));
  });

  it("takes the default case only when no case is ready", async () => {
    const o = await runProgram(async () => {
      const messages = chan<string>();
      const buffered = chan<string>(1);
      await select(recv(messages, (m) => println("received", m)), defaultCase(() => println("no message")));
      await select(send(messages, "hi", () => println("sent")), defaultCase(() => println("no send")));
      await select(send(buffered, "hi", () => println("sent to buffer")), defaultCase(() => println("no send")));
      await select(recv(buffered, (m) => println("received", m)), defaultCase(() => println("nothing")));
    });
    expect(o.out).toEqual(["no message", "no send", "sent to buffer", "received hi"]);
    expect(kinds(o, "select.end").map((e) => e.chosen)).toEqual([-1, -1, 0, 0]);
  });

  it("never chooses a nil channel", async () => {
    const o = await runProgram(async () => {
      const ready = chan<number>(1);
      const nil = chan.nil<number>();
      let nilChosen = 0;
      for (let n = 0; n < 200; n++) {
        await ready.send(n);
        await select(recv(nil, () => nilChosen++), send(nil, 1, () => nilChosen++), recv(ready));
      }
      const r = await select(recv(nil, () => "nil"), defaultCase(() => "default"));
      println(nilChosen, r);
    });
    expect(o.out).toEqual(["0 default"]);
  });

  it("blocks until a partner arrives; the partner's channel decides the case", async () => {
    const o = await runProgram(async () => {
      const c1 = chan<string>(), c2 = chan<string>();
      go(async () => {
        await sleep(2 * time.Second);
        await c2.send("second");
      });
      go(async () => {
        await sleep(time.Second);
        await c1.send("first");
      });
      for (let i = 0; i < 2; i++) await select(recv(c1, (m) => println("c1", m, time.now())), recv(c2, (m) => println("c2", m, time.now())));
    });
    expect(o.out).toEqual(["c1 first 1000000000", "c2 second 2000000000"]);
    expect(kinds(o, "go.block").filter((e) => e.g === 1)[0]).toMatchObject({ reason: "select" });
  });

  it("leaves the other channels' queues once a case fires", async () => {
    const o = await runProgram(async () => {
      const a = chan<number>(), b = chan<number>();
      go(async () => {
        await sleep(1);
        await a.send(1);
        // main no longer waits on b: this send must block until main's plain receive below.
        await b.send(2);
        println("b delivered at", time.now());
      });
      await select(recv(a), recv(b));
      await sleep(10);
      println("main receives b at", time.now(), await b.recv());
      await sleep(1);
    });
    expect(o.out).toEqual(["main receives b at 11 2", "b delivered at 11"]);
  });

  it("a send case on a closed channel panics", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(1);
      c.close();
      await select(send(c, 1), defaultCase());
    });
    expect(o.result).toMatchObject({ end: "panic", msg: "send on closed channel" });
  });

  it("a receive case on a closed channel is ready with ok=false", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>();
      c.close();
      await select(recv(c, (v, ok) => println(v, ok)));
    });
    expect(o.out).toEqual(["<nil> false"]);
  });

  it("with no cases blocks forever", async () => {
    const o = await runProgram(async () => {
      await select();
    });
    expect(o.result.end).toBe("deadlock");
    expect(o.stderr).toContain("goroutine 1 [select (no cases)]:");
  });

  it("resolves to the chosen handler's result, awaiting async handlers", async () => {
    const o = await runProgram(async () => {
      const c = chan<number>(1);
      await c.send(5);
      const r = await select(recv(c, async (v) => {
        await sleep(1);
        return (v as number) * 2;
      }));
      println(r);
    });
    expect(o.out).toEqual(["10"]);
  });
});
