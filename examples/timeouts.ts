/**
 * Port of seeds/000 "Timeout": `select` against `time.After`. Task 1 needs 2 s but is given 1 s;
 * task 2 needs 2 s and is given 3 s. The result channels are buffered so a goroutine whose result
 * nobody waits for any more can still finish (no leak).
 */
import { chan, go, println, recv, select, sleep, time } from "goroscope/runtime";

export default async function main() {
  // Buffered: the sender cannot leak if the value is never read (timeout).
  const c1 = chan<string>(1, { name: "c1" });
  go(async () => {
    await sleep(2 * time.Second);
    await c1.send("The first is done");
  });

  await select(
    recv(c1, (msg) => println("Received: ", msg)),
    recv(time.after(time.Second), () => println("Task 1 is timeout")),
  );

  const c2 = chan<string>(1, { name: "c2" });
  go(async () => {
    await sleep(2 * time.Second);
    await c2.send("The second is done");
  });

  await select(
    recv(c2, (msg) => println("Received: ", msg)),
    recv(time.after(3 * time.Second), () => println("Task 2 is timeout")),
  );
}
