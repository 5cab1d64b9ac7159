/**
 * Port of the "Goroutine Example" of seeds/003: main starts two `fetch` goroutines and returns at
 * once. As the seed says, main must wait for them — and here it does not: the program prints
 * nothing.
 *
 * Completed without a network: `fetch` simulates a 100 ms request and then prints what it fetched
 * (the seed's body is a comment). Go would exit when main returns and never run them; Goroscope
 * keeps scheduling them silently for its leak check, sees them finish, and reports no leak.
 */
import { go, println, sleep, time } from "goroscope/runtime";

async function fetch(url: string): Promise<void> {
  await sleep(100 * time.Millisecond); // Stands in for a network request.
  println("fetched", url);
}

export default async function main() {
  go(fetch, "https://example.com");
  go(fetch, "https://golang.org");
}
