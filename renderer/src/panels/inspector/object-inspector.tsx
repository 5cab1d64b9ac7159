/**
 * The inspector for an object: where it was made and, at the cursor, a channel's buffer (values
 * oldest first) and queues, a lock's holder, readers and waiters, a WaitGroup's counter.
 */
import type { ReactElement } from "react";
import type { ModelState, TraceModel } from "../../../../traces/model";
import { formatCount, formatTimePrecise, siteText } from "../format";
import { RefLink } from "../links";
import { GoLink, GoList, Prop, Props, Section, StepButtons, useStateSeq } from "./props";

const KIND_NAMES: Readonly<Record<string, string>> = {
  chan: "channel", mutex: "mutex", rwmutex: "RWMutex", wg: "WaitGroup", cond: "cond", once: "once", atomic: "atomic", timer: "timer", ctx: "context",
};

export function ObjectInspector({ model, id }: { readonly model: TraceModel; readonly id: number }): ReactElement {
  const info = model.object(id);
  const { seq, atCursor } = useStateSeq(model);
  if (!info) return <div className="panel-empty">{`Object ${id} is not in this trace.`}</div>;
  const madeIndex = model.indexOfSeq(info.madeSeq);
  const made = madeIndex >= 0 ? model.event(madeIndex) : undefined;
  const madeLoc = made?.loc !== undefined ? model.loc(made.loc) : undefined;
  const events = model.eventsOf(info);
  const state = seq >= info.madeSeq ? model.stateAt(seq) : undefined;
  return (
    <div className="inspector-body" data-kind="object" data-object-kind={info.kind}>
      <div className="insp-title">
        <span className="insp-kind">{KIND_NAMES[info.kind] ?? info.kind}</span>
        <span className="insp-name">{info.name}</span>
        <span className="muted">{`#${id}`}</span>
      </div>
      <Section title="Object">
        <Props>
          <Prop label="kind">{KIND_NAMES[info.kind] ?? info.kind}</Prop>
          {info.cap !== undefined && <Prop label="cap">{info.cap === 0 ? "0 (unbuffered)" : String(info.cap)}</Prop>}
          <Prop label="made">
            {madeIndex >= 0 ? <RefLink to={{ kind: "event", index: madeIndex }}>{formatTimePrecise(model.timeOf(madeIndex))}</RefLink> : "—"}
            {made && (
              <>
                {" by "}
                <GoLink model={model} id={made.g} />
              </>
            )}
          </Prop>
          <Prop label="site">{madeLoc ? <span title={madeLoc.file}>{`${siteText(madeLoc)} in ${madeLoc.fn}`}</span> : "—"}</Prop>
          <Prop label="events">{formatCount(events.length)}</Prop>
        </Props>
      </Section>
      <Section title={atCursor ? `State at the cursor (#${seq})` : "State at the end of the trace"}>
        {state ? <ObjectState model={model} state={state} id={id} kind={info.kind} /> : <div className="muted">not made yet</div>}
      </Section>
      <Section title="Events">
        <StepButtons events={events} what="object" />
      </Section>
    </div>
  );
}

function ObjectState({ model, state, id, kind }: { readonly model: TraceModel; readonly state: ModelState; readonly id: number; readonly kind: string }): ReactElement {
  if (kind === "chan") {
    const ch = state.channels.find((c) => c.id === id);
    if (!ch) return <div className="muted">no state</div>;
    return (
      <>
        <Props>
          <Prop label="len">
            <span data-testid="chan-len">{`${ch.len} / ${ch.cap}`}</span>
            {ch.cap > 0 && (
              <span className="meter" aria-hidden="true">
                <span className="meter-fill" style={{ width: `${Math.min(100, (100 * ch.len) / ch.cap)}%` }} />
              </span>
            )}
          </Prop>
          <Prop label="closed">{ch.closed ? "yes" : "no"}</Prop>
          <Prop label="sendq">
            <GoList model={model} ids={ch.sendq} />
          </Prop>
          <Prop label="recvq">
            <GoList model={model} ids={ch.recvq} />
          </Prop>
        </Props>
        <div className="buffer" data-testid="chan-buffer">
          <div className="buffer-title">{ch.buffer.length === 0 ? "buffer empty" : `buffer, oldest first (${ch.buffer.length})`}</div>
          {ch.buffer.length > 0 && (
            <ol className="buffer-list">
              {ch.buffer.map((b, i) => (
                <li key={`${b.sendSeq}-${i}`} className="mono" data-testid="buffered-value">
                  <span className="buffer-val">{b.val}</span>
                  <RefLink to={{ kind: "event", index: model.indexOfSeq(b.sendSeq) }} title="The send that buffered it">{`send #${b.sendSeq}`}</RefLink>
                </li>
              ))}
            </ol>
          )}
        </div>
      </>
    );
  }
  if (kind === "mutex" || kind === "rwmutex") {
    const lock = state.locks.find((l) => l.id === id);
    if (!lock) return <div className="muted">no state</div>;
    return (
      <Props>
        <Prop label={kind === "rwmutex" ? "writer" : "holder"}>
          {lock.holder !== undefined ? <GoLink model={model} id={lock.holder} /> : <span className="muted">unlocked</span>}
        </Prop>
        {kind === "rwmutex" && (
          <Prop label="readers">
            <GoList model={model} ids={lock.readers} />
          </Prop>
        )}
        <Prop label="waiters">
          <GoList model={model} ids={lock.waiters} />
        </Prop>
      </Props>
    );
  }
  if (kind === "wg") {
    const wg = state.waitGroups.find((w) => w.id === id);
    if (!wg) return <div className="muted">no state</div>;
    return (
      <Props>
        <Prop label="counter">
          <span data-testid="wg-counter">{String(wg.counter)}</span>
        </Prop>
        <Prop label="waiters">
          <GoList model={model} ids={wg.waiters} />
        </Prop>
      </Props>
    );
  }
  const waiting = state.goroutines.filter((g) => g.on?.includes(id)).map((g) => g.id);
  return (
    <Props>
      <Prop label="waiting on it">
        <GoList model={model} ids={waiting} />
      </Prop>
    </Props>
  );
}
