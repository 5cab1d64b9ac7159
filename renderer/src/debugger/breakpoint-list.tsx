/**
 * The breakpoints: one row each with a remove button, and a picker to add a breakpoint on an
 * event kind. Object and goroutine breakpoints are added from the state panel's rows, line
 * breakpoints from the source panel's line numbers.
 */
import { useState, type ReactElement } from "react";
import { EVENT_KINDS, type EventKind } from "../../../traces/format/schema";
import type { StoreApi } from "../store/store";
import { describeBreakpoint } from "./actions";

export function BreakpointList({ store }: { readonly store: StoreApi }): ReactElement {
  const breakpoints = store((s) => s.breakpoints);
  const model = store((s) => s.loaded?.model);
  const [kind, setKind] = useState<EventKind>("go.block");
  return (
    <section className="dbg-section dbg-breakpoints" data-testid="breakpoints">
      <h3 className="dbg-section-title">
        Breakpoints ({breakpoints.length})
        {breakpoints.length > 0 && (
          <button type="button" className="dbg-link" onClick={() => store.getState().clearBreakpoints()}>
            clear
          </button>
        )}
      </h3>
      {breakpoints.map((bp) => (
        <div key={JSON.stringify(bp)} className="dbg-row" data-testid="breakpoint-item" data-kind={bp.kind}>
          <span className="dbg-bp-dot" aria-hidden="true" />
          <span className="dbg-name">{describeBreakpoint(bp, model)}</span>
          <button type="button" className="dbg-remove" title="Remove this breakpoint" data-testid="breakpoint-remove" onClick={() => store.getState().removeBreakpoint(bp)}>
            ×
          </button>
        </div>
      ))}
      <div className="dbg-add-bp">
        <select aria-label="Event kind" value={kind} data-testid="breakpoint-kind" onChange={(e) => setKind(e.target.value as EventKind)}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <button type="button" data-testid="add-kind-breakpoint" onClick={() => store.getState().toggleBreakpoint({ kind: "event-kind", eventKind: kind })}>
          Break on kind
        </button>
      </div>
    </section>
  );
}
