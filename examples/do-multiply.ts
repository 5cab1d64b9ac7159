/**
 * Port of "Creating goroutines" of seeds/004: two `DoMultiply` goroutines each sleep a second,
 * so both results print after one second, not two.
 *
 * Completed: the seed's fragment has no main that waits; here main sleeps 2 s (the seed's comment
 * says the results print). Output differs from the seed's comment in order: on one P the second
 * goroutine created runs first (it sits in runnext), so its one-second sleep ends first and
 * `Result: 12` prints before `Result: 2`. Go does not promise either order.
 */
import { go, printf, sleep, time } from "goroscope/runtime";

async function DoMultiply(x: number, y: number): Promise<void> {
  // Simulate some hard work.
  await sleep(time.Second * 1);
  printf("Result: %d\n", x * y);
}

export default async function main() {
  go(DoMultiply, 1, 2); // first execution, non-blocking
  go(DoMultiply, 3, 4); // second execution, also non-blocking

  // Both results print after a single second, since the two run concurrently.
  await sleep(2 * time.Second);
}
