/** Small programs of each bug shape, and correct programs of the same shapes, for the analyzer tests. */
import { chan, Cond, context, go, Mutex, panic, recv, RWMutex, select, send, sleep, time, WaitGroup } from "goroscope/runtime";

export const buggy = {
  /** main and w1 take a and b in opposite orders and both hang: a global deadlock. */
  async abbaDeadlock() {
    const a = new Mutex({ name: "a" });
    const b = new Mutex({ name: "b" });
    go(async function w1() {
      await a.lock();
      await sleep(1);
      await b.lock();
    });
    await b.lock();
    await sleep(1);
    await a.lock();
  },
  /** main waits for two Dones, but the worker calls Done once. */
  async waitGroupMissingDone() {
    const wg = new WaitGroup({ name: "wg" });
    wg.add(2);
    go(async function worker() {
      wg.done();
    });
    await wg.wait();
  },
  /** w1 and w2 deadlock on two mutexes while main goes on and returns. */
  async abbaPartial() {
    const a = new Mutex({ name: "a" });
    const b = new Mutex({ name: "b" });
    go(async function w1() {
      await a.lock();
      await sleep(1);
      await b.lock();
    });
    go(async function w2() {
      await b.lock();
      await sleep(1);
      await a.lock();
    });
    await sleep(time.Millisecond);
  },
  /** ping waits for pong's message and pong for ping's: a channel cycle while main sleeps. */
  async channelCycle() {
    const toPing = chan<string>(0, { name: "toPing" });
    const toPong = chan<string>(0, { name: "toPong" });
    go(async function ping() {
      await toPing.recv();
      await toPong.send("ping");
    });
    go(async function pong() {
      await toPong.recv();
      await toPing.send("pong");
    });
    await sleep(time.Second);
  },
  /** A goroutine locks a mutex it already holds while main goes on. */
  async selfDeadlock() {
    const mu = new Mutex({ name: "mu" });
    go(async function again() {
      await mu.lock();
      await mu.lock();
    });
    await sleep(time.Millisecond);
  },
  /** The worker sends its result, but main gave up on it. */
  async sendLeak() {
    const results = chan<number>(0, { name: "results" });
    go(async function worker() {
      await sleep(2 * time.Second);
      await results.send(42);
    });
    await sleep(time.Second);
  },
  /** main sends the jobs and returns without closing `jobs`: the worker's range never ends. */
  async forgottenClose() {
    const jobs = chan<number>(3, { name: "jobs" });
    go(async function worker() {
      for await (const j of jobs) void j;
    });
    for (let i = 0; i < 3; i++) await jobs.send(i);
    await sleep(time.Millisecond);
  },
  /** A third goroutine waits for a lock held by one of two deadlocked goroutines. */
  async stuckBehindCycle() {
    const a = new Mutex({ name: "a" });
    const b = new Mutex({ name: "b" });
    go(async function w1() {
      await a.lock();
      await sleep(1);
      await b.lock();
    });
    go(async function w2() {
      await b.lock();
      await sleep(1);
      await a.lock();
    });
    go(async function bystander() {
      await sleep(2);
      await a.lock();
    });
    await sleep(time.Millisecond);
  },
  /** A reader's nested RLock waits behind a queued writer, which waits for the reader; main goes on. */
  async nestedReadBehindWriter() {
    const mu = new RWMutex({ name: "config.mu" });
    go(async function reader() {
      await mu.rlock();
      await sleep(2);
      await mu.rlock();
    });
    go(async function writer() {
      await sleep(1);
      await mu.lock();
    });
    await sleep(time.Millisecond);
  },
  /** Deadlocked pair while main keeps ticking until the time budget. */
  async partialUnderBudget() {
    const a = new Mutex({ name: "a" });
    const b = new Mutex({ name: "b" });
    go(async function w1() {
      await a.lock();
      await sleep(1);
      await b.lock();
    });
    go(async function w2() {
      await b.lock();
      await sleep(1);
      await a.lock();
    });
    for (;;) await sleep(time.Second);
  },
  /** A select on two channels that nobody else ever uses. */
  async selectLeak() {
    const quit = chan<void>(0, { name: "quit" });
    const jobs = chan<number>(0, { name: "jobs" });
    go(async function waiter() {
      await select(recv(quit, () => undefined), recv(jobs, () => undefined));
    });
    await sleep(time.Millisecond);
  },
  /** main signals before the waiter waits: the signal is lost and the waiter sleeps forever. */
  async lostSignal() {
    const mu = new Mutex({ name: "mu" });
    const ready = new Cond(mu, { name: "ready" });
    go(async function waiter() {
      await sleep(1);
      await mu.lock();
      await ready.wait();
      mu.unlock();
    });
    ready.signal();
    await sleep(2);
  },
  /** The cleaner waits on a context's Done; main returns without canceling it. */
  async neverCanceled() {
    const [ctx] = context.withCancel(context.background());
    go(async function cleaner() {
      await ctx.done().recv();
    });
  },
  /** A goroutine that sleeps past the grace period. */
  async sleeper() {
    go(async function napper() {
      await sleep(time.Hour);
    });
  },
  /** The run hits its time budget; meanwhile `orphan` waits on a channel no one else has. */
  async orphanUnderBudget() {
    go(async function orphan() {
      const mine = chan<number>(0, { name: "mine" });
      await mine.recv();
    });
    for (;;) await sleep(time.Second);
  },
  /** AB-BA in sequence: the run does not hang, the order is still inconsistent. */
  async abbaNoHang() {
    const a = new Mutex({ name: "a" });
    const b = new Mutex({ name: "b" });
    await a.lock();
    await b.lock();
    b.unlock();
    a.unlock();
    const done = chan<void>(0, { name: "done" });
    go(async function other() {
      await b.lock();
      await a.lock();
      a.unlock();
      b.unlock();
      done.close();
    });
    await done.recv();
  },
  /** a → b, b → c, c → a, each in its own goroutine, one after the other. */
  async threeLockCycle() {
    const locks = ["a", "b", "c"].map((name) => new Mutex({ name }));
    const wg = new WaitGroup({ name: "wg" });
    for (let i = 0; i < 3; i++) {
      const [first, second] = [locks[i], locks[(i + 1) % 3]];
      wg.add(1);
      go(async function pair() {
        await first.lock();
        await second.lock();
        second.unlock();
        first.unlock();
        wg.done();
      });
      await wg.wait();
    }
  },
  /** A reader read-locks twice; a writer exists but came late: no hang, still a hazard. */
  async recursiveRead() {
    const mu = new RWMutex({ name: "config.mu" });
    await mu.rlock();
    await mu.rlock();
    mu.runlock();
    mu.runlock();
    await mu.lock();
    mu.unlock();
  },
  async sendOnClosed() {
    const c = chan<number>(1, { name: "c" });
    c.close();
    await c.send(1);
  },
  async doubleClose() {
    const c = chan<number>(0, { name: "c" });
    c.close();
    c.close();
  },
  async negativeWaitGroup() {
    const wg = new WaitGroup({ name: "wg" });
    wg.add(1);
    wg.done();
    wg.done();
  },
  async unlockUnlocked() {
    const mu = new Mutex({ name: "mu" });
    await mu.lock();
    mu.unlock();
    mu.unlock();
  },
  async userPanic() {
    go(async function boom() {
      panic("boom");
    });
    await sleep(time.Second);
  },
};

export const correct = {
  /** The worker finishes 5 s after main returned: within the grace period. */
  async lateFinisher() {
    go(async function late() {
      await sleep(5 * time.Second);
    });
  },
  /** Both goroutines take a then b. */
  async consistentOrder() {
    const a = new Mutex({ name: "a" });
    const b = new Mutex({ name: "b" });
    const wg = new WaitGroup({ name: "wg" });
    for (const name of ["one", "two"]) {
      wg.add(1);
      go(async function locker() {
        await a.lock();
        await sleep(1);
        await b.lock();
        b.unlock();
        a.unlock();
        wg.done();
      });
      void name;
    }
    await wg.wait();
  },
  /** The sender gives up after a timeout instead of blocking forever. */
  async selectTimeout() {
    const results = chan<number>(0, { name: "results" });
    go(async function sender() {
      await select(
        send(results, 1, () => undefined),
        recv(time.after(time.Millisecond), () => undefined),
      );
    });
    await sleep(time.Second);
  },
  /** Workers range over a closed channel; main waits for them. */
  async workerPool() {
    const jobs = chan<number>(2, { name: "jobs" });
    const wg = new WaitGroup({ name: "wg" });
    for (let w = 0; w < 3; w++) {
      wg.add(1);
      go(async function worker() {
        for await (const j of jobs) await sleep(j * time.Millisecond);
        wg.done();
      });
    }
    for (let i = 0; i < 5; i++) await jobs.send(i);
    jobs.close();
    await wg.wait();
  },
  /** Readers in opposite orders never block each other; a gate lock serializes a/b in both orders. */
  async readersAndGate() {
    const a = new RWMutex({ name: "a" });
    const b = new RWMutex({ name: "b" });
    await a.rlock();
    await b.rlock();
    b.runlock();
    a.runlock();
    await b.rlock();
    await a.rlock();
    a.runlock();
    b.runlock();
    const gate = new Mutex({ name: "gate" });
    const c = new Mutex({ name: "c" });
    const d = new Mutex({ name: "d" });
    for (const [x, y] of [[c, d], [d, c]]) {
      await gate.lock();
      await x.lock();
      await y.lock();
      y.unlock();
      x.unlock();
      gate.unlock();
    }
  },
  /** Ping-pong that ends: a channel used in both directions, finished cleanly. */
  async pingPong() {
    const ball = chan<number>(0, { name: "ball" });
    go(async function player() {
      for (let i = 0; i < 3; i++) await ball.send(((await ball.recv()) ?? 0) + 1);
    });
    for (let i = 0; i < 3; i++) {
      await ball.send(i);
      await ball.recv();
    }
  },
};
