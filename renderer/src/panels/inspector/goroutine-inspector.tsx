/** The inspector for a goroutine: who made it and where, when it lived, its state at the cursor, its events. */
import type { ReactElement } from "react";
import type { TraceModel } from "../../../../traces/model";
import { formatCount, formatTimePrecise, siteText } from "../format";
import { RefLink } from "../links";
import { GoLink, ObjLink, Prop, Props, Section, StepButtons, useStateSeq } from "./props";

const MAX_CHILDREN = 50;

export function GoroutineInspector({ model, id }: { readonly model: TraceModel; readonly id: number }): ReactElement {
  const info = model.goroutine(id);
  const { seq, atCursor } = useStateSeq(model);
  if (!info) return <div className="panel-empty">{`Goroutine ${id} is not in this trace.`}</div>;
  const createdIndex = info.createdSeq > 0 ? model.indexOfSeq(info.createdSeq) : -1;
  const createEvent = createdIndex >= 0 ? model.event(createdIndex) : undefined;
  const createLoc = createEvent?.loc !== undefined ? model.loc(createEvent.loc) : undefined;
  const endedIndex = info.endedSeq !== undefined ? model.indexOfSeq(info.endedSeq) : -1;
  const state = model.stateAt(seq).goroutines.find((gs) => gs.id === id);
  const events = model.eventsOf(info);
  const children = model.goroutines.filter((c) => c.parent === id);
  return (
    <div className="inspector-body" data-kind="goroutine">
      <div className="insp-title">
        <span className="insp-kind">goroutine</span>
        <span className="insp-name">{info.name}</span>
        <span className="muted">{`#${id}`}</span>
      </div>
      <Section title="Goroutine">
        <Props>
          <Prop label="id">{String(id)}</Prop>
          <Prop label="parent">{info.parent !== undefined ? <GoLink model={model} id={info.parent} /> : <span className="muted">none</span>}</Prop>
          <Prop label="created">
            {createdIndex >= 0 ? (
              <RefLink to={{ kind: "event", index: createdIndex }}>{formatTimePrecise(model.timeOf(createdIndex))}</RefLink>
            ) : (
              "at start"
            )}
          </Prop>
          <Prop label="creation site">{createLoc ? <span title={`${createLoc.file}:${createLoc.line}:${createLoc.col} in ${createLoc.fn}`}>{`${siteText(createLoc)} in ${createLoc.fn}`}</span> : "—"}</Prop>
          <Prop label="ended">
            {endedIndex >= 0 ? (
              <RefLink to={{ kind: "event", index: endedIndex }}>{formatTimePrecise(model.timeOf(endedIndex))}</RefLink>
            ) : (
              <span className="muted">still alive at the end of the trace</span>
            )}
          </Prop>
          <Prop label="events">{formatCount(events.length)}</Prop>
        </Props>
      </Section>
      <Section title={atCursor ? `State at the cursor (#${seq})` : "State at the end of the trace"}>
        {state ? (
          <Props>
            <Prop label="status">
              <span className={`status-pill status-${state.status}`} data-testid="goroutine-status">{state.status}</span>
            </Prop>
            {state.reason && <Prop label="reason">{state.reason}</Prop>}
            {state.on && state.on.length > 0 && (
              <Prop label="waiting on">
                <span className="link-list">
                  {state.on.map((o) => (
                    <ObjLink key={o} model={model} id={o} />
                  ))}
                </span>
              </Prop>
            )}
            {state.until !== undefined && <Prop label="until">{formatTimePrecise(state.until)}</Prop>}
            {state.loc && <Prop label="at">{<span title={state.loc.file}>{`${siteText(state.loc)} in ${state.loc.fn}`}</span>}</Prop>}
          </Props>
        ) : (
          <div className="muted">{seq < info.createdSeq ? "not created yet" : "ended"}</div>
        )}
      </Section>
      <Section title="Events">
        <StepButtons events={events} what="goroutine" />
      </Section>
      {children.length > 0 && (
        <Section title="Created" count={children.length}>
          <div className="link-list wrap">
            {children.slice(0, MAX_CHILDREN).map((c) => (
              <GoLink key={c.id} model={model} id={c.id} />
            ))}
            {children.length > MAX_CHILDREN && <span className="muted">{`and ${children.length - MAX_CHILDREN} more`}</span>}
          </div>
        </Section>
      )}
    </div>
  );
}
