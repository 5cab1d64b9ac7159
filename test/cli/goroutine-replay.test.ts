// The replay that rebuilds, from a trace, who was alive when the watchdog killed a run.
import { describe, expect, it } from "vitest";
import { createGoroutineReplay } from "../../main/services/goroutine-replay";

const header = '{"format":"goroscope","version":1,"program":"p.ts","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}';

function replay(lines: string[]) {
  const r = createGoroutineReplay();
  for (const line of lines) r.feed(line);
  return r.snapshot();
}

describe("goroutine replay", () => {
  it("tracks creation, blocking, waking and ending; the last actor is running", () => {
    const s = replay([
      header,
      '{"def":"loc","id":1,"file":"p.ts","line":3,"col":1,"fn":"main"}',
      '{"seq":1,"t":0,"g":1,"k":"go.create","loc":1,"child":2,"name":"spin"}',
      '{"seq":2,"t":0,"g":1,"k":"go.create","loc":1,"child":3,"name":"short"}',
      '{"seq":3,"t":5,"g":1,"k":"go.block","loc":1,"reason":"chan.recv","on":[4]}',
      '{"seq":4,"t":5,"g":3,"k":"go.end"}',
      '{"seq":5,"t":7,"g":2,"k":"log","loc":1,"msg":"spinning \\"k\\":\\"go.end\\""}',
    ]);
    expect(s).toEqual({
      sawHeader: true,
      sawEnd: false,
      t: 7,
      seq: 5,
      running: 2,
      goroutines: [
        { g: 1, name: "main", state: "blocked", reason: "chan.recv", on: [4], loc: 1 },
        { g: 2, name: "spin", state: "running", loc: 1 },
      ],
    });
  });

  it("names the only runnable goroutine when the last actor blocked", () => {
    const s = replay([
      header,
      '{"seq":1,"t":0,"g":1,"k":"go.create","child":2,"name":"w"}',
      '{"seq":2,"t":0,"g":1,"k":"go.block","reason":"sleep","on":[9]}',
    ]);
    expect(s.running).toBe(2);
    expect(s.goroutines.map((g) => [g.g, g.state])).toEqual([[1, "sleeping"], [2, "running"]]);
  });

  it("does not guess among several runnable goroutines", () => {
    const s = replay([
      header,
      '{"seq":1,"t":0,"g":1,"k":"go.create","child":2,"name":"a"}',
      '{"seq":2,"t":0,"g":1,"k":"go.create","child":3,"name":"b"}',
      '{"seq":3,"t":0,"g":1,"k":"go.block","reason":"wg.wait","on":[1]}',
      '{"seq":4,"t":0,"g":0,"k":"go.unblock","target":1}',
    ]);
    expect(s.running).toBeUndefined();
  });

  it("sees an end record and an empty trace", () => {
    expect(replay([header, '{"end":"main-returned","t":0,"seq":0,"exitCode":0,"goroutines":[]}'])).toMatchObject({ sawHeader: true, sawEnd: true });
    expect(replay([])).toEqual({ sawHeader: false, sawEnd: false, t: 0, seq: 0, goroutines: [] });
  });
});
