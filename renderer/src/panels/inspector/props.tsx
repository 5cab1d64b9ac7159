/** The inspector's building blocks: a property list, a section, entity links and step buttons. */
import type { ReactElement, ReactNode } from "react";
import type { TraceModel } from "../../../../traces/model";
import { useStore } from "../../store/store";
import { goroutineLabel, objectLabel } from "../format";
import { Icon } from "../icons";
import { RefLink } from "../links";
import { followRef, neighbourEvent } from "../refs";
import type { Field } from "../event-fields";

export function Props({ children }: { readonly children: ReactNode }): ReactElement {
  return <dl className="props">{children}</dl>;
}

export function Prop({ label, children, mono }: { readonly label: string; readonly children: ReactNode; readonly mono?: boolean }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? "mono" : undefined}>{children}</dd>
    </>
  );
}

export function FieldRows({ fields }: { readonly fields: readonly Field[] }): ReactElement {
  return (
    <>
      {fields.map((f, i) => (
        <Prop key={`${f.label}-${i}`} label={f.label} mono={f.mono}>
          {f.ref ? <RefLink to={f.ref}>{f.text}</RefLink> : f.text}
        </Prop>
      ))}
    </>
  );
}

export function Section({ title, children, count }: { readonly title: string; readonly children: ReactNode; readonly count?: number }): ReactElement {
  return (
    <section className="insp-section">
      <h3>
        {title}
        {count !== undefined && <span className="count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

export function GoLink({ model, id }: { readonly model: TraceModel; readonly id: number }): ReactElement {
  if (id === 0) return <span>runtime</span>;
  return <RefLink to={{ kind: "goroutine", id }}>{goroutineLabel(model, id)}</RefLink>;
}

export function ObjLink({ model, id }: { readonly model: TraceModel; readonly id: number }): ReactElement {
  return <RefLink to={{ kind: "object", id }}>{objectLabel(model, id)}</RefLink>;
}

/** A list of goroutine links, or "none". */
export function GoList({ model, ids }: { readonly model: TraceModel; readonly ids: readonly number[] }): ReactElement {
  if (ids.length === 0) return <span className="muted">none</span>;
  return (
    <span className="link-list">
      {ids.map((id, i) => (
        <GoLink key={`${id}-${i}`} model={model} id={id} />
      ))}
    </span>
  );
}

/** Previous / next event of an entity relative to the cursor: selects it and moves the cursor there. */
export function StepButtons({ events, what }: { readonly events: Int32Array; readonly what: string }): ReactElement {
  const cursor = useStore((s) => s.cursor);
  const prev = neighbourEvent(events, cursor, -1);
  const next = neighbourEvent(events, cursor, 1);
  const go = (i: number | undefined) => {
    if (i !== undefined) followRef(useStore, { kind: "event", index: i });
  };
  return (
    <div className="step-buttons">
      <button type="button" className="tool-button" disabled={prev === undefined} data-testid="prev-event" title={`Select the previous event of this ${what}`} onClick={() => go(prev)}>
        <Icon name="prev" size={14} />
        <span>Previous event</span>
      </button>
      <button type="button" className="tool-button" disabled={next === undefined} data-testid="next-event" title={`Select the next event of this ${what}`} onClick={() => go(next)}>
        <span>Next event</span>
        <Icon name="next" size={14} />
      </button>
    </div>
  );
}

/** The seq whose state the inspector shows: the cursor's, or the last event's when there is no cursor. */
export function useStateSeq(model: TraceModel): { readonly seq: number; readonly atCursor: boolean } {
  const cursor = useStore((s) => s.cursor);
  if (cursor !== null && cursor >= 0 && cursor < model.eventCount) return { seq: model.seqOf(cursor), atCursor: true };
  return { seq: model.eventCount > 0 ? model.seqOf(model.eventCount - 1) : 0, atCursor: false };
}
