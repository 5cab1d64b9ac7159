// @vitest-environment happy-dom
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { traceStatistics } from "../../../traces/analysis";
import { openAnyTrace } from "../../../traces/import/any-trace";
import { GO_TRACE_NOTE, StatisticsPanel } from "../../../renderer/src/panels/statistics-panel";
import { Sidebar } from "../../../renderer/src/panels/sidebar";
import { useUi } from "../../../renderer/src/panels/ui-store";
import { useStore } from "../../../renderer/src/store/store";
import { palette } from "../../../renderer/src/theme/palette";
import { all, click, loadBytes, one, openIn, render, ROOT, update, type Rendered } from "./helpers";

/** Opens a Go execution trace in the store as the app does: imported, then loaded. */
async function openGo(file: string): Promise<void> {
  const any = openAnyTrace(new Uint8Array(fs.readFileSync(path.resolve(ROOT, file))), path.basename(file));
  if (!any.ok) throw new Error(any.message);
  const loaded = await loadBytes(any.bytes);
  update(() => {
    useStore.getState().beginLoad({ name: path.basename(file), bytes: 0 });
    useStore.getState().finishLoad(loaded);
  });
}

describe("StatisticsPanel", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  it("lists every goroutine, most blocked first, with a bar per state in the timeline's colours", async () => {
    const loaded = await openIn(useStore, "traces/samples/worker-pool-results.jsonl");
    const stats = traceStatistics(loaded.model);
    view = render(<StatisticsPanel />);
    const rows = all(view.container, "stats-goroutine");
    expect(rows).toHaveLength(stats.goroutines.length);
    const byBlocked = [...stats.goroutines].sort((a, b) => b.blocked - a.blocked || a.id - b.id).map((g) => String(g.id));
    expect(rows.map((r) => r.dataset.g)).toEqual(byBlocked);
    const colors = palette(useStore.getState().theme).states;
    const top = stats.goroutines.find((g) => String(g.id) === byBlocked[0])!;
    const blocked = rows[0]!.querySelector<HTMLElement>('[data-state="blocked"]')!;
    expect(blocked.style.background).toBe(colors.blocked);
    expect(parseFloat(blocked.style.width)).toBeCloseTo((100 * top.blocked) / top.lifetime, 1);
    expect(view.container.textContent).not.toContain("Imported from a Go trace");
  });

  it("sorts by another column and selects the goroutine of a clicked row", async () => {
    const loaded = await openIn(useStore, "traces/samples/worker-pool-results.jsonl");
    const stats = traceStatistics(loaded.model);
    view = render(<StatisticsPanel />);
    click(one(view.container, "stats-sort-blocks"));
    const rows = all(view.container, "stats-goroutine");
    expect(rows.map((r) => r.dataset.g)).toEqual([...stats.goroutines].sort((a, b) => b.blocks - a.blocks || a.id - b.id).map((g) => String(g.id)));
    click(rows[1]!);
    expect(useStore.getState().selection).toEqual({ kind: "goroutine", id: Number(rows[1]!.dataset.g) });
    expect(all(view.container, "stats-goroutine")[1]!.dataset.selected).toBe("true");
  });

  it("on a Go trace: blocking sites by call site, the note, and a click goes to the site's longest block", async () => {
    await openGo("test/fixtures/go-traces/go121/workerpool.trace");
    const model = useStore.getState().loaded!.model;
    const stats = traceStatistics(model);
    view = render(<StatisticsPanel />);
    expect(one(view.container, "stats-go-note").textContent).toBe(GO_TRACE_NOTE);
    const sites = all(view.container, "stats-site");
    expect(sites).toHaveLength(stats.sites.length);
    const first = stats.sites[0]!;
    expect(sites[0]!.textContent).toContain(`main.go:${first.loc!.line}`);
    expect(sites[0]!.textContent).toContain(first.loc!.fn);
    expect(sites[0]!.textContent).toContain(first.reason);
    click(sites[0]!);
    const s = useStore.getState();
    expect(s.selection).toEqual({ kind: "goroutine", id: first.longestG });
    expect(s.cursor).toBe(first.longestIndex);
    expect(model.event(s.cursor!).k).toBe("go.block");
    expect(all(view.container, "stats-site")[0]!.dataset.selected).toBe("true");
  });

  it("is a sidebar tab that stays open while its rows select goroutines", async () => {
    await openIn(useStore, "traces/samples/leak.jsonl");
    view = render(<Sidebar />);
    click(one(view.container, "tab-statistics"));
    expect(useUi.getState().tab).toBe("statistics");
    click(all(view.container, "stats-goroutine")[0]!);
    expect(useUi.getState().tab).toBe("statistics");
    expect(one(view.container, "statistics")).toBeTruthy();
    update(() => useUi.getState().setTab("diagnostics"));
  });
});

describe("StatisticsPanel on our traces", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  it("lists the objects waited on, longest first, and selects one when clicked", async () => {
    const loaded = await openIn(useStore, "traces/samples/leak.jsonl");
    const stats = traceStatistics(loaded.model);
    view = render(<StatisticsPanel />);
    const rows = all(view.container, "stats-object");
    expect(rows.map((r) => Number(r.dataset.id))).toEqual(stats.objects.map((o) => o.id));
    expect(rows[0]!.textContent).toContain("result");
    click(rows[0]!);
    expect(useStore.getState().selection).toEqual({ kind: "object", id: stats.objects[0]!.id });
  });
});
