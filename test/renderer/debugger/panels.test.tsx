// @vitest-environment happy-dom
/**
 * The debugger's panels on real traces: the state panel (goroutine states, channel contents, lock
 * holders and queues, WaitGroup counters) following the cursor, the source panel (markers,
 * current line, breakpoints, markup shown as text, traces from files), and the wait-for panel.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GoroscopeApi } from "../../../main/api/contract";

const sources = vi.hoisted(() => new Map<string, string>());
vi.hoisted(() => {
  (window as { goroscope?: Partial<GoroscopeApi> }).goroscope = {
    async readSource(_programId: string, file: string) {
      const text = sources.get(file.split("/").pop()!);
      if (text === undefined) throw new Error(`no such file: ${file}`);
      return text;
    },
    async openProgram(path?: string) {
      return { id: "p9", name: path!.split("/").pop()!, path: `/abs/${path}` };
    },
  };
});

import { readFileSync } from "node:fs";
import { loadModel } from "../../../traces/model";
import { SourcePanel } from "../../../renderer/src/debugger/source-panel";
import { StatePanel } from "../../../renderer/src/debugger/state-panel";
import { WaitForPanel } from "../../../renderer/src/debugger/wait-for-panel";
import { bugTrace } from "./bug-traces";
import { all, click, render, settle, storeWith, update, type Rendered } from "./render";

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const status = (c: HTMLElement) => Object.fromEntries(all(c, "state-goroutine").map((g) => [g.querySelector(".dbg-name")!.textContent, g.dataset.status]));

describe("StatePanel", () => {
  it("shows goroutine states, channel queues and lock holders at the deadlock, and the earlier state after a step back", () => {
    const { model } = bugTrace("bugs/chan-send-holding-lock");
    const store = storeWith(model);
    view = render(<StatePanel store={store} />);
    expect(status(view.container)).toEqual({ "main #1": "blocked", "subscriber #2": "blocked" });
    const main = all(view.container, "state-goroutine")[0]!;
    expect(main.textContent).toContain("chan.send on events");
    expect(main.textContent).toContain("chan-send-holding-lock.ts:36");
    const events = all(view.container, "state-channel").find((c) => c.textContent!.startsWith("events"))!;
    expect(events.textContent).toContain("len 0/0");
    expect(events.textContent).toContain("senders: main #1");
    const lock = all(view.container, "state-lock")[0]!;
    expect(lock.textContent).toContain("held by main #1");
    expect(lock.textContent).toContain("queue: subscriber #2");

    update(() => store.getState().setCursor(8)); // main blocks sending; subscriber has not run yet
    expect(status(view.container)).toEqual({ "main #1": "blocked", "subscriber #2": "runnable" });
    expect(all(view.container, "state-lock")[0]!.textContent).not.toContain("queue");
  });

  it("lists a channel's buffered values in order, and a WaitGroup's counter", () => {
    const { model } = bugTrace("bugs/worker-never-stopped");
    const store = storeWith(model);
    view = render(<StatePanel store={store} />);
    const results = () => all(view!.container, "state-channel").find((c) => c.textContent!.startsWith("results"))!;
    const i = [...Array(model.eventCount).keys()].find((k) => {
      const e = model.event(k);
      return e.k === "chan.send" && e.len === 3;
    })!;
    update(() => store.getState().setCursor(i));
    expect(results().textContent).toContain("len 3/4");
    expect([...results().querySelectorAll(".dbg-value")].map((v) => v.textContent)).toEqual(["1", "4", "9"]);

    const ab = bugTrace("bugs/ab-ba-lock").model;
    const store2 = storeWith(ab);
    view.unmount();
    view = render(<StatePanel store={store2} />);
    expect(all(view.container, "state-wg")[0]!.dataset.counter).toBe("2");
  });

  it("sets and removes breakpoints on goroutines and objects", () => {
    const { model } = bugTrace("bugs/chan-send-holding-lock");
    const store = storeWith(model);
    view = render(<StatePanel store={store} />);
    click(all(view.container, "state-lock")[0]!.querySelector("[data-testid=break-on]"));
    expect(store.getState().breakpoints).toEqual([{ kind: "object", id: 1 }]);
    expect(all(view.container, "breakpoint-item")[0]!.textContent).toContain("any operation on hub.mu");
    click(all(view.container, "breakpoint-remove")[0]);
    expect(store.getState().breakpoints).toEqual([]);
  });
});

describe("SourcePanel", () => {
  const { model } = bugTrace("bugs/chan-send-holding-lock");
  sources.set("chan-send-holding-lock.ts", readFileSync("examples/bugs/chan-send-holding-lock.ts", "utf8"));

  it("shows the program's source with a marker per goroutine and the cursor's line", async () => {
    const store = storeWith(model);
    store.getState().setProgram({ id: "p1", name: "chan-send-holding-lock.ts", path: "/abs/examples/bugs/chan-send-holding-lock.ts" });
    view = render(<SourcePanel store={store} />);
    await settle();
    const lines = all(view.container, "source-line");
    expect(lines.length).toBe(sources.get("chan-send-holding-lock.ts")!.trimEnd().split("\n").length);
    const markers = all(view.container, "source-marker").map((m) => [m.dataset.g, m.closest<HTMLElement>("[data-testid=source-line]")!.dataset.line]);
    expect(markers.sort()).toEqual([["1", "36"], ["2", "26"]]);
    expect(view.container.querySelector("[data-current=true]")?.getAttribute("data-line")).toBe("26");
    expect(lines[35]!.textContent).toContain("await events.send(`v${version}`);");

    update(() => store.getState().setCursor(8));
    expect(view.container.querySelector("[data-current=true]")?.getAttribute("data-line")).toBe("36");
    expect(all(view.container, "source-marker").map((m) => m.dataset.g)).toEqual(["1"]);

    click(lines[33]!.querySelector("button"));
    expect(store.getState().breakpoints).toEqual([{ kind: "line", file: model.loc(model.event(0).loc!)!.file, line: 34 }]);
    expect(all(view.container, "breakpoint").map((b) => b.dataset.line)).toEqual(["34"]);
  });

  it("renders markup in the source as text", async () => {
    sources.set("evil.ts", 'println("<img src=x onerror=alert(1)>");\n// <script>alert(2)</script>\n');
    const trace = [
      '{"format":"goroscope","version":1,"program":"evil.ts","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}',
      '{"def":"loc","id":1,"file":"evil.ts","line":1,"col":1,"fn":"main"}',
      '{"seq":1,"t":0,"g":1,"k":"log","loc":1,"msg":"<b>hi</b>"}',
    ].join("\n") + "\n";
    const result = loadModel(trace);
    const store = storeWith(result.model);
    store.getState().setProgram({ id: "p1", name: "evil.ts", path: "/abs/evil.ts" });
    view = render(<SourcePanel store={store} />);
    await settle();
    expect(view.container.querySelector("img, script, b")).toBeNull();
    const lines = all(view.container, "source-line");
    expect(lines[0]!.textContent).toContain('println("<img src=x onerror=alert(1)>");');
    expect(lines[1]!.textContent).toContain("// <script>alert(2)</script>");
    expect(lines[0]!.dataset.current).toBe("true");
  });

  it("for a trace opened from a file, lists its locations and explains why there is no text", async () => {
    const store = storeWith(model);
    view = render(<SourcePanel store={store} />);
    await settle();
    expect(all(view.container, "source-line")).toEqual([]);
    const locs = all(view.container, "source-locations")[0]!;
    expect(locs.textContent).toContain("opened from a file");
    expect(locs.textContent).toContain("chan-send-holding-lock.ts:36");
    click(all(view.container, "open-trace-program")[0]);
    await settle();
    expect(store.getState().program?.name).toBe("chan-send-holding-lock.ts");
    await settle();
    expect(all(view.container, "source-line").length).toBeGreaterThan(30);
  });
});

describe("WaitForPanel", () => {
  it("draws the cycle in red at the deadlock and none a step earlier", () => {
    const { model } = bugTrace("bugs/ab-ba-lock");
    const store = storeWith(model);
    view = render(<WaitForPanel store={store} />);
    const nodes = all(view.container, "waitfor-node").map((n) => `${n.dataset.kind}:${n.querySelector(".dbg-node-label")!.textContent}`);
    expect(nodes.sort()).toEqual(["goroutine:evictor", "goroutine:main", "goroutine:syncer", "mutex:cache.mu", "mutex:store.mu", "wg:wg"].sort());
    const cycle = all(view.container, "waitfor-edge").filter((e) => e.dataset.cycle === "true").map((e) => `${e.dataset.from}>${e.dataset.to}`);
    expect(cycle.sort()).toEqual(["g2>o2", "g3>o1", "o1>g2", "o2>g3"]);
    update(() => store.getState().setCursor(14));
    expect(all(view.container, "waitfor-edge").filter((e) => e.dataset.cycle === "true")).toEqual([]);
    update(() => store.getState().setCursor(0));
    expect(view.container.textContent).toContain("No goroutine is blocked");
  });
});
