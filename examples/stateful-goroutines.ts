/**
 * Port of seeds/000 "Stateful Goroutines": one goroutine owns the state map and serves read and
 * write requests arriving on channels (each request carries its own response channel); 100
 * readers and 10 writers issue requests, one per millisecond each, for one second.
 *
 * Differences: the counts depend on speed, so they cannot match the seed's (69740 and 7366 on
 * its machine). On the virtual clock a request round trip takes no time, so each reader and
 * writer completes exactly one operation per millisecond, at t = 0, 1, …, 999 ms; main's one-second
 * timer was set before any of theirs, so at t = 1 s main reads the counters first: exactly
 * 100 × 1000 reads and 10 × 1000 writes. `atomic.AddUint64(&readOps, 1)` on a plain uint64 is an
 * `AtomicInt`; `math/rand` is the runtime's seeded `rand`. As in Go, every goroutine but main is
 * still running when main returns.
 */
import { AtomicInt, type Chan, chan, go, println, rand, recv, select, sleep, time } from "goroscope/runtime";

interface ReadOp {
  readonly key: number;
  readonly resp: Chan<number>;
}

interface WriteOp {
  readonly key: number;
  readonly val: number;
  readonly resp: Chan<boolean>;
}

export default async function main() {
  const readOps = new AtomicInt(0, { name: "readOps" });
  const writeOps = new AtomicInt(0, { name: "writeOps" });

  // Other goroutines issue read and write requests on these channels.
  const reads = chan<ReadOp>(0, { name: "reads" });
  const writes = chan<WriteOp>(0, { name: "writes" });

  go(async () => {
    const state = new Map<number, number>(); // Only this goroutine touches the map.
    for (;;) {
      await select(
        recv(reads, async (ro) => {
          const read = ro as ReadOp;
          await read.resp.send(state.get(read.key) ?? 0);
        }),
        recv(writes, async (wo) => {
          const write = wo as WriteOp;
          state.set(write.key, write.val);
          await write.resp.send(true);
        }),
      );
    }
  });

  for (let r = 0; r < 100; r++) {
    go(async () => {
      for (;;) {
        const read: ReadOp = {
          key: rand.intn(5),
          resp: chan<number>(),
        };
        await reads.send(read);
        await read.resp.recv();
        readOps.add(1);
        await sleep(time.Millisecond);
      }
    });
  }

  for (let w = 0; w < 10; w++) {
    go(async () => {
      for (;;) {
        const write: WriteOp = {
          key: rand.intn(5),
          val: rand.intn(100),
          resp: chan<boolean>(),
        };
        await writes.send(write);
        await write.resp.recv();
        writeOps.add(1);
        await sleep(time.Millisecond);
      }
    });
  }

  await sleep(time.Second);

  const readOpsFinal = readOps.load();
  println("readOps:", readOpsFinal);
  const writeOpsFinal = writeOps.load();
  println("writeOps:", writeOpsFinal);
}
