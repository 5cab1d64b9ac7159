/** The inspector for one event: what happened, who, where, its fields and, for a channel event, its partner. */
import type { ReactElement } from "react";
import type { TraceModel } from "../../../../traces/model";
import { useStore } from "../../store/store";
import { chanPartner, eventDetails } from "../event-fields";
import { formatTimePrecise } from "../format";
import { RefLink } from "../links";
import { revealEvent } from "../refs";
import { FieldRows, GoLink, Prop, Props, Section, StepButtons } from "./props";

export function EventInspector({ model, index }: { readonly model: TraceModel; readonly index: number }): ReactElement {
  const cursor = useStore((s) => s.cursor);
  if (index < 0 || index >= model.eventCount) return <div className="panel-empty">That event is not in this trace.</div>;
  const e = model.event(index);
  const loc = e.loc !== undefined ? model.loc(e.loc) : undefined;
  const partner = e.k === "chan.send" || e.k === "chan.recv" ? chanPartner(model, index) : undefined;
  // Step through the acting goroutine's events, or the woken one's for the runtime's wake-ups.
  const subject = e.g > 0 ? e.g : e.k === "go.unblock" ? e.target : 0;
  const g = subject > 0 ? model.goroutine(subject) : undefined;
  return (
    <div className="inspector-body" data-kind="event">
      <div className="insp-title">
        <span className="insp-kind">event</span>
        <span className="insp-name mono">{e.k}</span>
      </div>
      <Section title="Event">
        <Props>
          <Prop label="seq">{String(e.seq)}</Prop>
          <Prop label="time">{formatTimePrecise(e.t)}</Prop>
          <Prop label="goroutine">
            <GoLink model={model} id={e.g} />
          </Prop>
          <Prop label="site">{loc ? <span title={loc.file}>{`${loc.file}:${loc.line}:${loc.col}`}</span> : "—"}</Prop>
          {loc && <Prop label="function">{loc.fn}</Prop>}
          <FieldRows fields={eventDetails(model, e)} />
          {(e.k === "chan.send" || e.k === "chan.recv") && (
            <Prop label={e.k === "chan.send" ? "received by" : "sent by"}>
              {partner !== undefined ? (
                <RefLink to={{ kind: "event", index: partner }}>{partnerText(model, partner)}</RefLink>
              ) : (
                <span className="muted">{e.k === "chan.send" ? "not received in this trace" : "no send (closed channel)"}</span>
              )}
            </Prop>
          )}
        </Props>
      </Section>
      {cursor !== index && (
        <button type="button" className="tool-button" data-testid="cursor-here" onClick={() => revealEvent(useStore, index)}>
          Move the cursor here
        </button>
      )}
      {g && (
        <Section title={`Events of ${g.name} #${g.id}`}>
          <StepButtons events={model.eventsOf(g)} what="goroutine" />
        </Section>
      )}
    </div>
  );
}

function partnerText(model: TraceModel, i: number): string {
  const p = model.event(i);
  const who = model.goroutine(p.g)?.name ?? `goroutine ${p.g}`;
  return `${p.k} #${p.seq} by ${who} #${p.g} at ${formatTimePrecise(p.t)}`;
}
