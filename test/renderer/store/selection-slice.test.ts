import { beforeEach, describe, expect, it } from "vitest";
import { createStore, type StoreApi } from "../../../renderer/src/store/store";
import { openIn } from "../panels/helpers";

describe("selection slice", () => {
  let store: StoreApi;
  beforeEach(async () => {
    store = createStore();
    await openIn(store, "test/renderer/panels/fixtures/ab-ba-lock.jsonl");
  });

  it("focusDiagnostic selects the finding, puts the cursor on its event, highlights who is involved and shows its moment", () => {
    const s = store.getState();
    const diags = s.loaded!.diagnostics;
    const i = diags.findIndex((d) => d.kind === "deadlock");
    expect(i).toBeGreaterThanOrEqual(0);
    const d = diags[i]!;
    s.focusDiagnostic(i);
    const v = store.getState();
    expect(v.selection).toEqual({ kind: "diagnostic", index: i });
    expect(v.cursor).not.toBeNull();
    expect(v.loaded!.model.seqOf(v.cursor!)).toBe(d.seq);
    expect([...v.highlight!.goroutines].sort()).toEqual(d.goroutines.map((g) => g.g).sort());
    expect([...v.highlight!.objects].sort()).toEqual(d.objects.map((o) => o.id).sort());
    expect(v.viewStart).toBeLessThanOrEqual(d.t);
    expect(v.viewEnd).toBeGreaterThanOrEqual(d.t);
  });

  it("focusDiagnostic ignores an index that is not a finding", () => {
    store.getState().focusDiagnostic(999);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().highlight).toBeNull();
  });

  it("clearHighlight drops the highlight and keeps the selection", () => {
    store.getState().focusDiagnostic(0);
    store.getState().clearHighlight();
    expect(store.getState().highlight).toBeNull();
    expect(store.getState().selection).toEqual({ kind: "diagnostic", index: 0 });
  });

  it("filters by text and toggles event kinds", () => {
    const s = store.getState();
    s.setFilterText("worker");
    s.toggleFilterKind("chan.send");
    s.toggleFilterKind("chan.recv");
    s.toggleFilterKind("chan.send");
    expect(store.getState().filter.text).toBe("worker");
    expect([...store.getState().filter.kinds]).toEqual(["chan.recv"]);
    s.clearFilter();
    expect(store.getState().filter.text).toBe("");
    expect(store.getState().filter.kinds.size).toBe(0);
  });

  it("a newly loaded trace resets selection, cursor, highlight, filter and view", async () => {
    const s = store.getState();
    s.focusDiagnostic(0);
    s.setFilterText("x");
    s.toggleCollapsed(1);
    await openIn(store, "test/renderer/panels/fixtures/ok-ab-ba-lock.jsonl");
    const v = store.getState();
    expect(v.selection).toBeNull();
    expect(v.cursor).toBeNull();
    expect(v.highlight).toBeNull();
    expect(v.filter.text).toBe("");
    expect(v.collapsed.size).toBe(0);
    expect(v.status).toBe("ready");
  });
});

describe("trace slice", () => {
  it("a failed load with no trace open returns to the welcome screen with the error; with one open it keeps it", async () => {
    const store = createStore();
    store.getState().beginLoad({ name: "bad.jsonl", bytes: 10 });
    store.getState().failLoad("bad.jsonl", "line 3: not JSON", 3);
    expect(store.getState().status).toBe("welcome");
    expect(store.getState().opened).toBeNull();
    expect(store.getState().loadError).toEqual({ name: "bad.jsonl", message: "line 3: not JSON", line: 3 });
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    expect(store.getState().loadError).toBeNull();
    store.getState().beginLoad({ name: "other.jsonl", bytes: 1 });
    store.getState().failLoad("other.jsonl", "missing");
    expect(store.getState().status).toBe("ready");
    expect(store.getState().opened?.name).toBe("mixed.jsonl");
    expect(store.getState().loaded).not.toBeNull();
  });
});
