/**
 * The state at the cursor, from the model (no re-execution): every goroutine's status, block
 * reason and current line; every channel's buffered values (oldest first) and its blocked senders
 * and receivers; every lock's holder, readers and queue; every WaitGroup's counter. Rows select
 * their goroutine or object (Shift+arrows then step through its events) and can set a breakpoint
 * on it. The breakpoint list heads the panel.
 */
import type { ReactElement, ReactNode } from "react";
import type { ModelState, TraceModel } from "../../../traces/model";
import { useStore, type StoreApi } from "../store/store";
import { BreakpointList } from "./breakpoint-list";
import { baseName, describeEvent, gName } from "./describe";
import { useCursorState } from "./use-cursor";

export function StatePanel({ store = useStore }: { readonly store?: StoreApi }): ReactElement {
  const view = useCursorState(store);
  return (
    <div className="dbg-panel dbg-state" data-testid="state-panel">
      <BreakpointList store={store} />
      {view ? <StateBody store={store} model={view.model} index={view.index} state={view.state} /> : <p className="dbg-empty">No events yet.</p>}
    </div>
  );
}

function StateBody({ store, model, index, state }: { store: StoreApi; model: TraceModel; index: number; state: ModelState }): ReactElement {
  const selection = store((s) => s.selection);
  const breakpoints = store((s) => s.breakpoints);
  const hasBreak = (kind: "goroutine" | "object", id: number) => breakpoints.some((b) => b.kind === kind && b.id === id);
  const selected = (kind: "goroutine" | "object", id: number) => selection?.kind === kind && selection.id === id;
  const names = (ids: readonly number[]) => (ids.length === 0 ? "—" : ids.map((g) => gName(model, g)).join(", "));
  const breakOn = (kind: "goroutine" | "object", id: number) => (
    <button type="button" className={`dbg-break-on${hasBreak(kind, id) ? " on" : ""}`} aria-pressed={hasBreak(kind, id)} title={kind === "goroutine" ? "Break on every event of this goroutine" : "Break on any operation on this object"} data-testid="break-on" onClick={(e) => {
      e.stopPropagation();
      store.getState().toggleBreakpoint({ kind, id });
    }}>
      ●
    </button>
  );
  const row = (kind: "goroutine" | "object", id: number) => ({
    className: `dbg-row${selected(kind, id) ? " selected" : ""}`,
    onClick: () => store.getState().select({ kind, id }),
  });
  return (
    <>
      <div className="dbg-at" data-testid="state-at">
        <span className="dbg-at-index">event {index + 1} of {model.eventCount}</span>
        <span className="dbg-at-what">{describeEvent(model, model.event(index))}</span>
      </div>
      <Section title={`Goroutines (${state.goroutines.length})`}>
        {state.goroutines.map((g) => (
          <div key={g.id} {...row("goroutine", g.id)} data-testid="state-goroutine" data-g={g.id} data-status={g.status}>
            <span className={`dbg-status ${g.status}`}>{g.status}</span>
            <span className="dbg-name">{gName(model, g.id)}</span>
            <span className="dbg-detail">
              {g.reason ? `${g.reason}${g.on?.length ? ` on ${g.on.map((id) => model.object(id)?.name ?? `#${id}`).join(", ")}` : ""}` : ""}
            </span>
            <span className="dbg-loc" title={g.loc ? `${g.loc.file}:${g.loc.line} in ${g.loc.fn}` : undefined}>{g.loc ? `${baseName(g.loc.file)}:${g.loc.line}` : ""}</span>
            {breakOn("goroutine", g.id)}
          </div>
        ))}
      </Section>
      {state.channels.length > 0 && (
        <Section title={`Channels (${state.channels.length})`}>
          {state.channels.map((c) => (
            <div key={c.id} {...row("object", c.id)} data-testid="state-channel" data-id={c.id}>
              <span className="dbg-name">{c.name}</span>
              <span className="dbg-detail">
                len {c.len}/{c.cap}
                {c.closed ? " · closed" : ""}
              </span>
              <span className="dbg-values">
                {c.buffer.length === 0 ? <span className="dbg-dim">empty</span> : c.buffer.map((v, i) => <span key={i} className="dbg-value" data-testid="state-value" title={`sent at seq ${v.sendSeq}`}>{v.val}</span>)}
              </span>
              {breakOn("object", c.id)}
              <span className="dbg-queues">
                {c.sendq.length > 0 && <span>senders: {names(c.sendq)}</span>}
                {c.recvq.length > 0 && <span>receivers: {names(c.recvq)}</span>}
              </span>
            </div>
          ))}
        </Section>
      )}
      {state.locks.length > 0 && (
        <Section title={`Locks (${state.locks.length})`}>
          {state.locks.map((l) => (
            <div key={l.id} {...row("object", l.id)} data-testid="state-lock" data-id={l.id} data-holder={l.holder ?? ""}>
              <span className="dbg-name">{l.name}</span>
              <span className="dbg-detail">{l.kind}</span>
              <span className="dbg-values">
                {l.holder !== undefined ? `held by ${gName(model, l.holder)}` : l.readers.length > 0 ? "" : "free"}
                {l.readers.length > 0 && ` · readers: ${names(l.readers)}`}
              </span>
              {breakOn("object", l.id)}
              <span className="dbg-queues">{l.waiters.length > 0 && <span>queue: {names(l.waiters)}</span>}</span>
            </div>
          ))}
        </Section>
      )}
      {state.waitGroups.length > 0 && (
        <Section title={`WaitGroups (${state.waitGroups.length})`}>
          {state.waitGroups.map((w) => (
            <div key={w.id} {...row("object", w.id)} data-testid="state-wg" data-id={w.id} data-counter={w.counter}>
              <span className="dbg-name">{w.name}</span>
              <span className="dbg-detail">counter {w.counter}</span>
              {breakOn("object", w.id)}
              <span className="dbg-queues">{w.waiters.length > 0 && <span>waiting: {names(w.waiters)}</span>}</span>
            </div>
          ))}
        </Section>
      )}
    </>
  );
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }): ReactElement {
  return (
    <section className="dbg-section">
      <h3 className="dbg-section-title">{title}</h3>
      {children}
    </section>
  );
}
