/** The inspector: the selected event, goroutine, object or finding. */
import type { ReactElement } from "react";
import { useStore } from "../../store/store";
import { KIND_TITLES } from "../diagnostic-groups";
import { DiagnosticBody } from "../diagnostics-panel";
import { EventInspector } from "./event-inspector";
import { GoroutineInspector } from "./goroutine-inspector";
import { ObjectInspector } from "./object-inspector";

export function Inspector(): ReactElement {
  const selection = useStore((s) => s.selection);
  const loaded = useStore((s) => s.loaded);
  return (
    <div className="inspector" data-testid="inspector" data-selection={selection?.kind ?? "none"}>
      {!loaded ? (
        <div className="panel-empty">Open a trace to inspect it.</div>
      ) : !selection ? (
        <div className="panel-empty">
          <div className="empty-title">Nothing selected</div>
          Click a goroutine lane, an event or a channel, lock or WaitGroup track in the timeline, or a link in any panel.
        </div>
      ) : selection.kind === "event" ? (
        <EventInspector model={loaded.model} index={selection.index} />
      ) : selection.kind === "goroutine" ? (
        <GoroutineInspector model={loaded.model} id={selection.id} />
      ) : selection.kind === "object" ? (
        <ObjectInspector model={loaded.model} id={selection.id} />
      ) : loaded.diagnostics[selection.index] ? (
        <div className="inspector-body" data-kind="diagnostic">
          <div className="insp-title">
            <span className="insp-kind">finding</span>
            <span className="insp-name">{KIND_TITLES[loaded.diagnostics[selection.index]!.kind]}</span>
          </div>
          <div className="diagnostic selected static">
            <DiagnosticBody d={loaded.diagnostics[selection.index]!} />
          </div>
        </div>
      ) : (
        <div className="panel-empty">That finding is not in this trace.</div>
      )}
    </div>
  );
}
