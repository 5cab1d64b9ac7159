/** Records a program with the real runtime and loads its trace into the model (checkpoints every 4 events, so replay paths are exercised). */
import { expect } from "vitest";
import { run } from "goroscope/runtime";
import type { TraceEvent } from "../../../traces/format/schema";
import { readTrace } from "../../../traces/reader";
import { createMemorySink } from "../../../traces/writer/sink";
import { loadModel, type ModelState, type TraceModel } from "../../../traces/model";

export interface Traced {
  readonly model: TraceModel;
  readonly events: readonly TraceEvent[];
  /** The state right after the first event matching `pred`. */
  after(pred: (e: TraceEvent) => boolean, nth?: number): ModelState;
}

export async function traced(main: () => Promise<void>): Promise<Traced> {
  const sink = createMemorySink();
  await run(main, { trace: sink, program: "test" });
  const text = sink.text();
  const read = readTrace(text);
  if (!read.ok) throw new Error(read.error.message);
  const loaded = loadModel(text, { checkpointInterval: 4 });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const model = loaded.model;
  const events = Array.from({ length: model.eventCount }, (_, i) => model.event(i));
  expect(events).toEqual(read.events);
  return {
    model,
    events,
    after(pred, nth = 0) {
      const hits = events.filter(pred);
      const e = hits[nth];
      if (!e) throw new Error("no such event");
      return model.stateAt(e.seq);
    },
  };
}

