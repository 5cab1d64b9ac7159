/** React hooks shared by the debugger's panels: the model, the cursor and the state there. */
import { useMemo } from "react";
import type { ModelState, TraceModel } from "../../../traces/model";
import type { StoreApi } from "../store/store";

export interface CursorView {
  readonly model: TraceModel;
  /** The event index described: the cursor, or the last event while there is none. */
  readonly index: number;
  readonly state: ModelState;
}

/** The model state at the cursor; undefined with no trace or an empty one. */
export function useCursorState(store: StoreApi): CursorView | undefined {
  const model = store((s) => s.loaded?.model);
  const cursor = store((s) => s.cursor);
  return useMemo(() => {
    if (!model || model.eventCount === 0) return undefined;
    const index = cursor === null ? model.eventCount - 1 : Math.max(0, Math.min(cursor, model.eventCount - 1));
    return { model, index, state: model.stateAt(model.seqOf(index)) };
  }, [model, cursor]);
}
