import { describe, expect, it } from "vitest";
import { readTrace } from "../../../traces/reader";
import { AFTER_PRELUDE as L, END, sampleEvent as ev, withPrelude } from "./fixtures";

/** [case, records after the prelude, index of the failing record among them, message]. */
type Case = readonly [string, readonly unknown[], number, string];

function check([, records, index, message]: Case): void {
  const result = readTrace(withPrelude(...records, END));
  const line = L + index;
  expect(result.ok ? undefined : result.error).toEqual({ line, message: `line ${line}: ${message}` });
}

describe("object ids", () => {
  const cases: readonly Case[] = [
    ["a channel never made", [ev("chan.send", { ch: 30 })], 0, "chan.send ch 30 was never announced (no earlier make event)"],
    ["a mutex used as a channel", [ev("chan.close", { ch: 2 })], 0, "chan.close ch 2 is a mutex, not a channel"],
    ["a channel used as a mutex", [ev("mutex.lock", { id: 1 })], 0, "mutex.lock id 1 is a channel, not a mutex"],
    ["a rwmutex used as a mutex", [ev("mutex.unlock", { id: 3 })], 0, "mutex.unlock id 3 is a rwmutex, not a mutex"],
    ["a mutex used as a rwmutex", [ev("rwmutex.lock", { id: 2 })], 0, "rwmutex.lock id 2 is a mutex, not a rwmutex"],
    ["a cond used as a WaitGroup", [ev("wg.add", { id: 5 })], 0, "wg.add id 5 is a cond, not a WaitGroup"],
    ["a WaitGroup used as a cond", [ev("cond.wait", { id: 4 })], 0, "cond.wait id 4 is a WaitGroup, not a cond"],
    ["a timer used as a once", [ev("once.do", { id: 8 })], 0, "once.do id 8 is a timer, not a once"],
    ["a once used as an atomic", [ev("atomic.op", { id: 6 })], 0, "atomic.op id 6 is a once, not an atomic"],
    ["an atomic used as a timer", [ev("timer.stop", { id: 7 })], 0, "timer.stop id 7 is an atomic, not a timer"],
    ["a channel used as a context", [ev("ctx.cancel", { ctx: 1 })], 0, "ctx.cancel ctx 1 is a channel, not a context"],
    ["an unknown object waited on", [ev("go.block", { on: [1, 31] })], 0, "go.block on 31 was never announced (no earlier make event)"],
    ["a select case on a non-channel", [ev("select.begin", { cases: [{ ch: 1, dir: "recv" }, { ch: 9, dir: "send" }] })], 0,
      "select.begin cases[1] ch 9 is a context, not a channel"],
    ["a select case with a bad direction", [ev("select.begin", { cases: [{ ch: 1, dir: "both" }] })], 0,
      'select.begin cases[0] "dir" must be one of send, recv, got "both"'],
    ["a select case that is not an object", [ev("select.begin", { cases: [1] })], 0, 'select.begin "cases[0]" must be an object, got 1'],
    ["a cond on a channel", [ev("cond.make", { lock: 1 })], 0, "cond.make lock 1 is a channel, not a mutex or a rwmutex"],
    ["a cond on nothing", [ev("cond.make", { lock: 40 })], 0, "cond.make lock 40 was never announced (no earlier make event)"],
    ["a timer on an unknown channel", [ev("timer.make", { ch: 40 })], 0, "timer.make ch 40 was never announced (no earlier make event)"],
    ["a context whose parent is a channel", [ev("ctx.make", { parent: 1 })], 0, "ctx.make parent 1 is a channel, not a context"],
    ["a context whose done is not a channel", [ev("ctx.make", { done: 9 })], 0, "ctx.make done 9 is a context, not a channel"],
    ["a context whose done was never made", [ev("ctx.make", { done: 50 })], 0, "ctx.make done 50 was never announced (no earlier make event)"],
    ["id 0 for a new object", [ev("chan.make", { ch: 0 })], 0, 'chan.make "ch" must be an integer ≥ 1, got 0'],
    ["a reused id", [ev("chan.make", { ch: 20 }), ev("wg.make", { seq: 101, id: 20 })], 1, "wg.make id 20 was already announced on line " + L],
    ["an id made twice by the prelude's kinds", [ev("mutex.make", { id: 2 })], 0, "mutex.make id 2 was already announced on line 5"],
  ];
  it.each(cases)("rejects %s", (...c) => check(c));

  it("accepts parent 0 (none) and a made channel as done", () => {
    expect(readTrace(withPrelude(ev("ctx.make", { parent: 0, done: 1 }))).ok).toBe(true);
  });
});

describe("goroutine ids", () => {
  const cases: readonly Case[] = [
    ["an event by a goroutine never created", [ev("go.end", { g: 3 })], 0, "go.end g 3: goroutine 3 was never created (no earlier go.create)"],
    ["a goroutine created twice", [ev("go.create", { child: 2 })], 0, "go.create child 2: goroutine 2 was already created on line 3"],
    ["creating main", [ev("go.create", { child: 1 })], 0, "go.create child 1: goroutine 1 is implicit"],
    ["creating the runtime", [ev("go.create", { child: 0 })], 0, "go.create child 0: goroutine 0 is implicit"],
    ["waking a goroutine never created", [ev("go.unblock", { target: 9 })], 0, "go.unblock target 9: goroutine 9 was never created (no earlier go.create)"],
    ["a signal waking an unknown goroutine", [ev("cond.signal", { woken: [8] })], 0, "cond.signal woken 8: goroutine 8 was never created (no earlier go.create)"],
    ["a broadcast waking an unknown goroutine", [ev("cond.broadcast", { woken: [1, 8] })], 0, "cond.broadcast woken 8: goroutine 8 was never created (no earlier go.create)"],
    ["a signal waking two", [ev("cond.signal", { woken: [1, 2] })], 0, 'cond.signal "woken" names 2 goroutines (at most 1)'],
    ["a created goroutine acting before its go.create", [ev("log", { g: 3 }), ev("go.create", { seq: 101, child: 3 })], 0,
      "log g 3: goroutine 3 was never created (no earlier go.create)"],
  ];
  it.each(cases)("rejects %s", (...c) => check(c));

  it("accepts the runtime (0) and main (1) without a go.create, and a created goroutine after it", () => {
    const records = [ev("log", { g: 0 }), ev("log", { seq: 101, g: 1 }), ev("go.create", { seq: 102, child: 3 }), ev("go.end", { seq: 103, g: 3 })];
    expect(readTrace(withPrelude(...records))).toMatchObject({ ok: true });
  });
});

describe("per-kind consistency", () => {
  const cases: readonly Case[] = [
    ["a receive matching no send", [ev("chan.recv", { from: 12 })], 0, 'chan.recv "from" 12 is not the seq of an earlier chan.send on channel 1 still waiting to be received'],
    ["a receive matching a send on another channel", [ev("chan.make", { ch: 20, cap: 1 }), ev("chan.send", { seq: 101, ch: 20 }), ev("chan.recv", { seq: 102, from: 101 })], 2,
      'chan.recv "from" 101 is not the seq of an earlier chan.send on channel 1 still waiting to be received'],
    ["a failed receive with from", [ev("chan.recv", { ok: false })], 0,
      'chan.recv has "from" 11 but "ok" is false (a receive from a closed channel matches no send)'],
    ["a length above the capacity", [ev("chan.send", { len: 2 })], 0, 'chan.send "len" 2 exceeds the capacity 1 of channel 1'],
    ["a length on an unbuffered channel", [ev("chan.make", { ch: 20, cap: 0 }), ev("chan.send", { seq: 101, ch: 20, len: 1 })], 1,
      'chan.send "len" 1 exceeds the capacity 0 of channel 20'],
    ["select.end without select.begin", [ev("select.end", { g: 1 })], 0, "select.end without a select.begin by goroutine 1"],
    ["two select.end for one select.begin", [ev("select.end"), ev("select.end", { seq: 101 })], 1, "select.end without a select.begin by goroutine 2"],
    ["a default that the select does not have", [ev("select.begin"), ev("select.end", { seq: 101, g: 1, chosen: -1 })], 1,
      'select.end "chosen" is -1 but the select has no default case'],
    ["a chosen case out of range", [ev("select.end", { chosen: 1 })], 0, 'select.end "chosen" 1 is out of range (the select has 1 cases)'],
    ["chosen below -1", [ev("select.end", { chosen: -2 })], 0, 'select.end "chosen" must be an integer ≥ -1, got -2'],
    ["a WaitGroup count that does not add up", [ev("wg.add", { delta: 2, count: 2 }), ev("wg.add", { seq: 101, delta: -1, count: 0 })], 1,
      'wg.add "count" 0 is not the previous count 2 plus "delta" -1'],
    ["a successful trylock event", [ev("mutex.trylock", { ok: true })], 0, 'mutex.trylock "ok" must be false (a successful tryLock is a mutex.lock with "try")'],
    ["an unknown block reason", [ev("go.block", { reason: "io" })], 0,
      'go.block "reason" must be one of chan.send, chan.recv, select, mutex.lock, rwmutex.rlock, rwmutex.lock, wg.wait, cond.wait, sleep, nil-chan, external, sync, network, syscall, runtime, unknown, got "io"'],
    ["an unknown atomic op", [ev("atomic.op", { op: "xor" })], 0, 'atomic.op "op" must be one of add, load, store, cas, got "xor"'],
    ["a non-string stack frame", [ev("go.panic", { stack: ["main", 3] })], 0, 'go.panic "stack[1]" must be a string, got 3'],
    ["a fractional object id in on", [ev("go.block", { on: [1.5] })], 0, 'go.block "on[0]" must be an integer ≥ 1, got 1.5'],
    ["a negative capacity", [ev("chan.make", { cap: -1 })], 0, 'chan.make "cap" must be an integer ≥ 0, got -1'],
  ];
  it.each(cases)("rejects %s", (...c) => check(c));

  it("accepts a negative WaitGroup count that adds up (the runtime panics right after)", () => {
    expect(readTrace(withPrelude(ev("wg.add", { delta: -1, count: -1 }))).ok).toBe(true);
  });

  it("accepts a default choice when the select has one, and a failed receive without from", () => {
    expect(readTrace(withPrelude(ev("select.end", { chosen: -1 }), ev("chan.recv", { seq: 101, ok: false, from: undefined }))).ok).toBe(true);
  });
});
