/**
 * Port of seeds/000 "Closing a Channel": main sends three jobs into a buffered channel and closes
 * it; the worker drains it with the comma-ok receive and reports on `done`; a receive from the
 * closed, drained channel then returns at once with ok=false.
 *
 * Output: as the seed shows. With one P the worker does not run until main blocks on `<-done`,
 * so all "Send job" lines come first.
 */
import { chan, go, println } from "goroscope/runtime";

export default async function main() {
  const jobs = chan<number>(5, { name: "jobs" });
  const done = chan<boolean>(0, { name: "done" });

  go(async () => {
    for (;;) {
      // `more` is false once jobs is closed and empty.
      const [job, more] = await jobs.recv2();
      if (more) {
        println("Received Job: ", job);
      } else {
        println("Received all jobs");
        await done.send(true);
        return;
      }
    }
  });

  for (let i = 0; i < 3; i++) {
    await jobs.send(i);
    println("Send job: ", i);
  }
  jobs.close(); // A channel can be closed whether or not it is empty.
  println("Sent all jobs");

  await done.recv();

  // A receive from a closed channel succeeds at once, with the zero value and ok=false.
  const [, ok] = await jobs.recv2();
  println("Can receive more jobs: ", ok);
}
