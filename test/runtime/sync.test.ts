import { describe, expect, it } from "vitest";
import { AtomicInt, Cond, Mutex, Once, RWMutex, WaitGroup, chan, go, println, sleep, time } from "goroscope/runtime";
import { kinds, runProgram } from "./harness";

describe("Mutex", () => {
  it("excludes: a second Lock waits until Unlock", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex({ name: "mu" });
      const wg = new WaitGroup();
      for (const name of ["a", "b"]) {
        wg.go(async () => {
          await mu.lock();
          println(name, "in", time.now());
          await sleep(time.Second);
          println(name, "out", time.now());
          mu.unlock();
        });
      }
      await wg.wait();
    });
    expect(o.out).toEqual(["b in 0", "b out 1000000000", "a in 1000000000", "a out 2000000000"]);
    expect(kinds(o, "go.block").find((e) => e.reason === "mutex.lock")).toBeDefined();
  });

  it("may be unlocked by a goroutine other than the one that locked it", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex();
      await mu.lock();
      const done = chan<boolean>();
      go(async () => {
        mu.unlock();
        await done.send(true);
      });
      await done.recv();
      println("tryLock", mu.tryLock());
    });
    expect(o.out).toEqual(["tryLock true"]);
  });

  it("tryLock fails while locked", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex();
      println(mu.tryLock(), mu.tryLock());
      mu.unlock();
      println(mu.tryLock());
    });
    expect(o.out).toEqual(["true false", "true"]);
    expect(kinds(o, "mutex.trylock")).toHaveLength(1);
  });

  it("unlock of an unlocked mutex is a fatal error, even inside try/catch", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex();
      try {
        mu.unlock();
      } catch {
        println("recovered?");
      }
      println("after");
    });
    expect(o.result).toMatchObject({ end: "panic", exitCode: 2, msg: "sync: unlock of unlocked mutex" });
    expect(o.stderr.split("\n")[0]).toBe("fatal error: sync: unlock of unlocked mutex");
    expect(o.out).toEqual([]);
  });

  it("enters starvation mode after a waiter waited over 1 ms: the lock is handed to it", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex();
      const wg = new WaitGroup();
      await mu.lock();
      wg.go(async function waiter() {
        await mu.lock();
        println("waiter got it at", time.now());
        mu.unlock();
      });
      await sleep(2 * time.Millisecond); // the waiter queues and waits > 1 ms
      mu.unlock(); // normal mode: wakes the waiter without handing it the lock
      await mu.lock(); // barging: main takes it again before the waiter runs
      println("main barged at", time.now());
      await sleep(time.Millisecond);
      mu.unlock(); // the waiter, now starving, is handed the lock directly
      println("main tryLock", mu.tryLock());
      await wg.wait();
    });
    expect(o.out).toEqual(["main barged at 2000000", "main tryLock false", "waiter got it at 3000000"]);
  });
});

describe("RWMutex", () => {
  it("admits readers together", async () => {
    const o = await runProgram(async () => {
      const rw = new RWMutex();
      const wg = new WaitGroup();
      for (const name of ["r1", "r2"]) {
        wg.go(async () => {
          await rw.rlock();
          println(name, "reading at", time.now());
          await sleep(time.Second);
          rw.runlock();
        });
      }
      await wg.wait();
    });
    expect(o.out).toEqual(["r2 reading at 0", "r1 reading at 0"]);
  });

  it("prefers writers: once a writer waits, new readers block until it is done", async () => {
    const o = await runProgram(async () => {
      const rw = new RWMutex({ name: "rw" });
      const wg = new WaitGroup();
      await rw.rlock(); // main holds a read lock
      wg.go(async function writer() {
        await rw.lock();
        println("writer in at", time.now());
        await sleep(time.Second);
        rw.unlock();
      });
      await sleep(time.Millisecond); // the writer is now waiting for main's read lock
      wg.go(async function reader() {
        await rw.rlock(); // blocks: a writer is waiting, although only readers hold the lock
        println("reader in at", time.now());
        rw.runlock();
      });
      await sleep(time.Millisecond);
      println("main releases at", time.now());
      rw.runlock();
      await wg.wait();
    });
    expect(o.out).toEqual(["main releases at 2000000", "writer in at 2000000", "reader in at 1002000000"]);
    const blocks = kinds(o, "go.block").map((e) => e.reason);
    expect(blocks).toContain("rwmutex.lock");
    expect(blocks).toContain("rwmutex.rlock");
  });

  it("a goroutine that read-locks again while a writer waits deadlocks, as in Go", async () => {
    const o = await runProgram(async () => {
      const rw = new RWMutex();
      await rw.rlock();
      go(async function writer() {
        await rw.lock();
      });
      await sleep(1);
      await rw.rlock();
    });
    expect(o.result.end).toBe("deadlock");
    expect(o.stderr).toContain("goroutine 1 [sync.RWMutex.RLock]:");
    expect(o.stderr).toContain("goroutine 2 [sync.RWMutex.Lock]:");
  });

  it("RUnlock and Unlock without the lock are fatal errors", async () => {
    const r = await runProgram(async () => new RWMutex().runlock());
    expect(r.stderr.split("\n")[0]).toBe("fatal error: sync: RUnlock of unlocked RWMutex");
    const w = await runProgram(async () => new RWMutex().unlock());
    expect(w.stderr.split("\n")[0]).toBe("fatal error: sync: Unlock of unlocked RWMutex");
  });
});

describe("WaitGroup", () => {
  it("Wait returns when the counter reaches zero", async () => {
    const o = await runProgram(async () => {
      const wg = new WaitGroup();
      for (let i = 1; i <= 3; i++) {
        wg.add(1);
        go(async () => {
          await sleep(i * time.Second);
          wg.done();
        });
      }
      await wg.wait();
      println("waited until", time.now());
    });
    expect(o.out).toEqual(["waited until 3000000000"]);
  });

  it("a negative counter panics", async () => {
    const o = await runProgram(async () => {
      const wg = new WaitGroup();
      wg.add(1);
      wg.done();
      wg.done();
    });
    expect(o.result).toMatchObject({ end: "panic", msg: "sync: negative WaitGroup counter" });
    expect(o.stderr.split("\n")[0]).toBe("panic: sync: negative WaitGroup counter");
  });

  it("can be reused once the counter is back to zero", async () => {
    const o = await runProgram(async () => {
      const wg = new WaitGroup();
      for (let round = 1; round <= 2; round++) {
        wg.go(async () => sleep(time.Second));
        await wg.wait();
        println("round", round, time.now());
      }
    });
    expect(o.out).toEqual(["round 1 1000000000", "round 2 2000000000"]);
  });

  it("an Add before a released Wait has returned panics in that Wait", async () => {
    const o = await runProgram(async () => {
      const wg = new WaitGroup();
      wg.add(1);
      go(async function finisher() {
        wg.done(); // releases main's Wait...
        wg.add(1); // ...and starts a new round before main has run
      });
      await wg.wait();
    });
    expect(o.result).toMatchObject({ end: "panic", msg: "sync: WaitGroup is reused before previous Wait has returned" });
  });

  it("works declared before the run, like Go's package-level var", async () => {
    const wg = new WaitGroup();
    const o = await runProgram(async () => {
      wg.add(2);
      go(async () => wg.done());
      go(async () => wg.done());
      await wg.wait();
      println("ok");
    });
    expect(o.out).toEqual(["ok"]);
  });
});

describe("objects reused across runs", () => {
  it("start the next run fresh: no waiters, holders or values are carried over", async () => {
    const mu = new Mutex();
    const cond = new Cond(mu);
    const c = chan<number>(1);
    const first = await runProgram(async () => {
      await mu.lock();
      await c.send(1);
      go(async function stuckOnLock() {
        await mu.lock();
      });
      go(async function stuckOnCond() {
        const m2 = new Mutex();
        await m2.lock();
        await new Cond(m2).wait();
      });
      await sleep(1);
    });
    expect(first.result.goroutines.map((g) => g.name)).toEqual(["stuckOnLock", "stuckOnCond"]);
    const second = await runProgram(async () => {
      await mu.lock();
      cond.signal();
      mu.unlock();
      println("len", c.len);
      await c.send(2);
      println("got", await c.recv());
    });
    expect(second.out).toEqual(["len 0", "got 2"]);
    expect(second.result).toMatchObject({ end: "main-returned", goroutines: [] });
  });
});

describe("Once", () => {
  it("runs the function once; concurrent callers wait for it to finish", async () => {
    const o = await runProgram(async () => {
      const once = new Once();
      const wg = new WaitGroup();
      for (const name of ["a", "b", "c"]) {
        wg.go(async () => {
          await once.do(async () => {
            println(name, "initializing");
            await sleep(time.Second);
          });
          println(name, "sees init done at", time.now());
        });
      }
      await wg.wait();
    });
    // c runs the function; a and b wait on the Once's mutex and pass it one at a time, in arrival order.
    expect(o.out).toEqual(["c initializing", "c sees init done at 1000000000", "a sees init done at 1000000000", "b sees init done at 1000000000"]);
  });
});

describe("Cond", () => {
  it("Signal wakes waiters in the order they began waiting; Broadcast wakes all", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex();
      const cond = new Cond(mu, { name: "ready" });
      const wg = new WaitGroup();
      for (const name of ["w1", "w2", "w3", "w4"]) {
        wg.go(async () => {
          await mu.lock();
          await cond.wait();
          println(name, "woke");
          mu.unlock();
        });
      }
      await sleep(1); // all four are waiting, in start order w4, w1, w2, w3
      await mu.lock();
      cond.signal();
      mu.unlock();
      await sleep(1);
      await mu.lock();
      cond.signal();
      mu.unlock();
      await sleep(1);
      await mu.lock();
      cond.broadcast();
      mu.unlock();
      await wg.wait();
    });
    expect(o.out).toEqual(["w4 woke", "w1 woke", "w3 woke", "w2 woke"]);
    expect(kinds(o, "cond.signal").map((e) => e.woken)).toEqual([[5], [2]]);
    expect(kinds(o, "cond.broadcast").map((e) => e.woken)).toEqual([[3, 4]]);
  });

  it("a signal with no waiter is lost", async () => {
    const o = await runProgram(async () => {
      const mu = new Mutex();
      const cond = new Cond(mu);
      cond.signal();
      await mu.lock();
      await cond.wait();
    });
    expect(o.result.end).toBe("deadlock");
    expect(o.stderr).toContain("goroutine 1 [sync.Cond.Wait]:");
  });
});

describe("AtomicInt", () => {
  it("add returns the new value; compareAndSwap swaps only on a match", async () => {
    const o = await runProgram(async () => {
      const a = new AtomicInt(5);
      println(a.add(3), a.load());
      println(a.compareAndSwap(1, 2), a.compareAndSwap(8, 1), a.load());
      a.store(42);
      println(a.load());
    });
    expect(o.out).toEqual(["8 8", "false true 1", "42"]);
  });
});
