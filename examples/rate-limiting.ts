/**
 * Port of seeds/000 "Rate Limiting": five requests served one per 200 ms tick; then a bursty
 * limiter (a channel of capacity 3, pre-filled, topped up by a ticker goroutine) serves the first
 * three of five requests at once and the other two at the ticker's rate.
 *
 * Differences: Go prints `time.Now()` with Time.String(); here `time.now()` is a number of ns and
 * the port prints `time.format(time.now())`, Go's format from the virtual clock's epoch (the
 * playground's 2009-11-10 23:00:00 UTC). The times are exact: 0.2 s … 1 s, then 1 s three times,
 * 1.2 s and 1.4 s (the seed's real run shows its wall clock in CST and µs of drift). As in Go, the
 * refilling goroutine still runs when main returns (Goroscope reports it as a leak).
 */
import { chan, go, println, time } from "goroscope/runtime";

export default async function main() {
  const requests = chan<number>(5, { name: "requests" });
  for (let i = 0; i < 5; i++) {
    await requests.send(i);
  }
  requests.close();

  // The limiter channel receives a value every 200 ms.
  const limiter = time.tick(200 * time.Millisecond);

  for await (const r of requests) {
    await limiter.recv(); // One request per 200 ms.
    println("Request: ", r, time.format(time.now()));
  }

  // Bursts of up to 3 requests while keeping the overall rate: a buffered limiter.
  const burstyLimiter = chan<number>(3, { name: "burstyLimiter" });

  for (let i = 0; i < 3; i++) {
    await burstyLimiter.send(time.now());
  }

  // Every 200 ms, try to add a value to burstyLimiter, up to its capacity of 3.
  go(async () => {
    for await (const t of time.tick(200 * time.Millisecond)) {
      await burstyLimiter.send(t);
    }
  });

  const burstyRequests = chan<number>(5, { name: "burstyRequests" });
  for (let i = 1; i <= 5; i++) {
    await burstyRequests.send(i);
  }
  burstyRequests.close();
  // The first 3 are served at once, thanks to the burst capacity.
  for await (const r of burstyRequests) {
    await burstyLimiter.recv();
    println("request", r, time.format(time.now()));
  }
}
