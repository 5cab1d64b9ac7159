/**
 * A live run's axis follows its trace as it grows (its first events may all share t = 0), until
 * the user picks one with the toggle.
 */
import { describe, expect, it } from "vitest";
import { createStore } from "../../../renderer/src/store/store";
import type { LoadedTrace } from "../../../renderer/src/load/load-trace";
import type { TraceModel } from "../../../traces/model";
import { modelOf } from "../timeline/helpers";

const loaded = (model: TraceModel): LoadedTrace => ({ model, diagnostics: [], output: [], analysis: "done", warnings: [] });
const instant = () => modelOf([{ t: 0, g: 1, k: "log", msg: "a" }, { t: 0, g: 1, k: "log", msg: "b" }, { t: 0, g: 1, k: "log", msg: "c" }]);
const spread = () =>
  modelOf(Array.from({ length: 12 }, (_, i) => ({ t: i * 1_000_000, g: 1, k: "log", msg: `line ${i}` })));

describe("the axis of a live run", () => {
  it("starts on events while everything is at one instant, then moves to time", () => {
    const store = createStore();
    store.getState().beginLoad({ name: "run", bytes: 0 });
    store.getState().finishLoad(loaded(instant()));
    expect(store.getState().axis).toBe("events");
    store.getState().replaceLoaded(loaded(spread()));
    expect(store.getState().axis).toBe("time");
    expect(store.getState().axisByUser).toBe(false);
  });

  it("keeps the axis the user chose", () => {
    const store = createStore();
    store.getState().beginLoad({ name: "run", bytes: 0 });
    store.getState().finishLoad(loaded(instant()));
    store.getState().setAxis("time");
    store.getState().setAxis("events");
    expect(store.getState().axisByUser).toBe(true);
    store.getState().replaceLoaded(loaded(spread()));
    expect(store.getState().axis).toBe("events");
  });
});
