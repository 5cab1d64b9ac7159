/**
 * The comparison cases: the same ping-pong on two npm channel libraries and on a bare promise
 * hand-off. Each case runs `n` round trips: A sends i on `ping` and waits for it on `pong`; B
 * receives on `ping` and sends the value back on `pong`. A checks every value it gets back, so a
 * broken hand-off fails the run instead of timing nothing.
 *
 * Semantics worth knowing when reading the numbers:
 * - async-channel `Channel(0)` is a rendezvous: `push` resolves when a `get` takes the value.
 * - @thi.ng/csp has no unbuffered channel (its FIFO buffer asserts cap >= 1), so both groups use
 *   `channel(1)`. Its `write` promise resolves only when a reader takes the value (checked against
 *   v3.2.44's code, whatever its doc comment says), so cap 1 still behaves as a hand-off for the
 *   writer.
 * - The bare promise hand-off is a floor, not a channel: one pending promise per direction, correct
 *   only because ping-pong strictly alternates. Any promise-based channel does at least this work.
 */
import { Channel as AsyncChannel } from "async-channel";
import { channel as cspChannel } from "@thi.ng/csp";

/** Throws when A gets back something other than what it sent. */
export function checkEcho(got, want, lib) {
  if (got !== want) throw new Error(`${lib}: round trip ${want} came back as ${String(got)}`);
}

/**
 * One direction of a strictly alternating hand-off: the receiver holds the pending promise, the
 * sender resolves it and arms the next one before the receiver can run again.
 */
class Handoff {
  constructor() {
    this.arm();
  }
  arm() {
    this.pending = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }
  send(v) {
    const resolve = this.resolve;
    this.arm();
    resolve(v);
  }
  recv() {
    return this.pending;
  }
}

export async function promisePingPong(n) {
  const ping = new Handoff();
  const pong = new Handoff();
  const b = (async function B() {
    for (let i = 0; i < n; i++) pong.send(await ping.recv());
  })();
  for (let i = 0; i < n; i++) {
    ping.send(i);
    checkEcho(await pong.recv(), i, "promise");
  }
  await b;
}

export async function asyncChannelPingPong(n, cap) {
  const ping = new AsyncChannel(cap);
  const pong = new AsyncChannel(cap);
  const b = (async function B() {
    for (let i = 0; i < n; i++) await pong.push(await ping.get());
  })();
  for (let i = 0; i < n; i++) {
    await ping.push(i);
    checkEcho(await pong.get(), i, "async-channel");
  }
  await b;
}

export async function cspPingPong(n, cap) {
  const ping = cspChannel(cap);
  const pong = cspChannel(cap);
  const b = (async function B() {
    for (let i = 0; i < n; i++) await pong.write(await ping.read());
  })();
  for (let i = 0; i < n; i++) {
    await ping.write(i);
    checkEcho(await pong.read(), i, "@thi.ng/csp");
  }
  await b;
}

/** The peer cases, in table order. `bufferedCap` is the capacity of the buffered group. */
export function peerCases(bufferedCap) {
  return [
    { id: "promise", group: "unbuffered", role: "floor", label: "bare promise hand-off (floor)", run: (n) => promisePingPong(n) },
    { id: "async-channel/unbuffered", group: "unbuffered", role: "peer", label: "async-channel, cap 0", run: (n) => asyncChannelPingPong(n, 0) },
    { id: "csp/unbuffered", group: "unbuffered", role: "peer", label: "@thi.ng/csp, cap 1 (its minimum)", run: (n) => cspPingPong(n, 1) },
    { id: "async-channel/buffered", group: "buffered", role: "peer", label: `async-channel, cap ${bufferedCap}`, run: (n) => asyncChannelPingPong(n, bufferedCap) },
    { id: "csp/buffered", group: "buffered", role: "peer", label: `@thi.ng/csp, cap ${bufferedCap}`, run: (n) => cspPingPong(n, bufferedCap) },
  ];
}
