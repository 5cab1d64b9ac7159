/**
 * The program's source at the cursor: syntax-highlighted (tokenize.ts, React text only), line
 * numbers, the cursor event's line highlighted, a chip per goroutine at its current line, and a
 * breakpoint toggled by clicking a line number. It shows the cursor event's file (or, before any
 * event has a location, the first file of the trace); a picker switches between the trace's files.
 *
 * A trace opened from a file shows its locations without text unless the user opened its program
 * (the backend serves source only for programs the user opened): a button offers to.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import type { ProgramDescriptor } from "../../../main/api/contract";
import type { TraceModel } from "../../../traces/model";
import { api } from "../api/client";
import { useStore, type StoreApi } from "../store/store";
import { sameFile } from "./stepping";
import { baseName, goroutineHue } from "./describe";
import { readProgramSource, sourceUnavailable } from "./source-files";
import { tokenize, type Token } from "./tokenize";
import { useCursorState } from "./use-cursor";

export function SourcePanel({ store = useStore }: { readonly store?: StoreApi }): ReactElement {
  const view = useCursorState(store);
  const program = store((s) => s.program);
  const model = view?.model;
  const files = useMemo(() => (model ? [...new Set(model.locs.map((l) => l.file))] : []), [model]);
  const cursorLoc = useMemo(() => {
    if (!view) return undefined;
    const id = view.model.event(view.index).loc;
    return id === undefined ? undefined : view.model.loc(id);
  }, [view]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [reveal, setReveal] = useState<{ line: number; n: number }>({ line: 0, n: 0 });
  // Follow the cursor's file when it moves to another one.
  useEffect(() => {
    setPicked(undefined);
  }, [cursorLoc?.file]);
  const file = picked ?? cursorLoc?.file ?? files[0];
  if (!model || !view) return <div className="dbg-panel dbg-source" data-testid="source-panel"><p className="dbg-empty">No events yet.</p></div>;
  const why = sourceUnavailable(program, model.header);
  return (
    <div className="dbg-panel dbg-source" data-testid="source-panel" data-file={file ?? ""}>
      <div className="dbg-source-head">
        <Positions view={view} file={file} onPick={(f, line) => {
          setPicked(f === cursorLoc?.file ? undefined : f);
          setReveal({ line, n: reveal.n + 1 });
        }} />
        {files.length > 1 ? (
          <select value={file} aria-label="Source file" data-testid="source-file" onChange={(e) => setPicked(e.target.value)}>
            {files.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        ) : (
          <span className="dbg-source-file" title={file}>{file ?? "no source locations"}</span>
        )}
      </div>
      {why || !program ? (
        <LocationsOnly store={store} model={model} why={why ?? ""} header={model.header?.program} />
      ) : file ? (
        <SourceText store={store} program={program} file={file} view={view} cursorLine={cursorLoc && sameFile(cursorLoc.file, file) ? cursorLoc.line : undefined} reveal={reveal} />
      ) : (
        <p className="dbg-empty">This trace has no source locations.</p>
      )}
    </div>
  );
}

function SourceText({ store, program, file, view, cursorLine, reveal }: {
  store: StoreApi; program: ProgramDescriptor; file: string; view: NonNullable<ReturnType<typeof useCursorState>>; cursorLine: number | undefined;
  reveal: { readonly line: number; readonly n: number };
}): ReactElement {
  const [text, setText] = useState<{ file: string; text?: string; error?: string }>({ file });
  useEffect(() => {
    let live = true;
    readProgramSource(api, program.id, file).then(
      (t) => live && setText({ file, text: t }),
      (err: unknown) => live && setText({ file, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [program.id, file]);
  const lines = useMemo(() => (text.text === undefined ? [] : tokenize(text.text)), [text.text]);
  const breakpoints = store((s) => s.breakpoints);
  const bpLines = new Set(breakpoints.filter((b) => b.kind === "line" && sameFile(b.file, file)).map((b) => (b.kind === "line" ? b.line : 0)));
  const markers = new Map<number, { g: number; name: string }[]>();
  for (const g of view.state.goroutines) {
    if (g.status === "done" || !g.loc || !sameFile(g.loc.file, file)) continue;
    const list = markers.get(g.loc.line) ?? [];
    list.push({ g: g.id, name: g.name });
    markers.set(g.loc.line, list);
  }
  const current = useRef<HTMLDivElement | null>(null);
  const code = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (reveal.n === 0) return;
    code.current?.querySelector(`[data-line="${reveal.line}"]`)?.scrollIntoView?.({ block: "center" });
  }, [reveal, lines]);
  useEffect(() => {
    current.current?.scrollIntoView?.({ block: "nearest" });
  }, [cursorLine, lines]);
  if (text.file !== file || (text.text === undefined && !text.error)) return <p className="dbg-empty">Reading {baseName(file)}…</p>;
  if (text.error) return <p className="dbg-empty" data-testid="source-error">Cannot read {file}: {text.error}</p>;
  return (
    <div className="dbg-code" role="list" ref={code}>
      {lines.map((tokens, i) => {
        const n = i + 1;
        const here = n === cursorLine;
        return (
          <div key={n} ref={here ? current : undefined} className={`dbg-line${here ? " current" : ""}`} data-testid="source-line" data-line={n} data-current={here ? "true" : undefined} role="listitem">
            <button type="button" className="dbg-gutter" title={bpLines.has(n) ? "Remove the breakpoint" : "Break at this line"} onClick={() => store.getState().toggleBreakpoint({ kind: "line", file, line: n })}>
              {bpLines.has(n) && <span className="dbg-bp-dot" data-testid="breakpoint" data-line={n} />}
              {n}
            </button>
            <code className="dbg-text">
              <Tokens tokens={tokens} />
            </code>
            {markers.get(n)?.map((m) => (
              <span key={m.g} className="dbg-marker" data-testid="source-marker" data-g={m.g} style={{ borderColor: `hsl(${goroutineHue(m.g).toFixed(1)}, 60%, 55%)` }} title={`goroutine ${m.name} #${m.g} is here`}>
                {m.name}
              </span>
            ))}
          </div>
        );
      })}
    </div>
  );
}

function Tokens({ tokens }: { readonly tokens: readonly Token[] }): ReactElement {
  return <>{tokens.map((t, i) => (t.kind === "plain" ? <span key={i}>{t.text}</span> : <span key={i} className={`tok-${t.kind}`}>{t.text}</span>))}</>;
}

function LocationsOnly({ store, model, why, header }: { store: StoreApi; model: TraceModel; why: string; header: string | undefined }): ReactElement {
  const locs = [...model.locs].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  const open = async () => {
    if (!header) return;
    try {
      const program = await api.openProgram(header);
      if (program) store.getState().setProgram(program);
    } catch (err) {
      store.getState().setDebugError(`cannot open ${header}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <div className="dbg-locs" data-testid="source-locations">
      <p className="dbg-why">{why}</p>
      {header && (
        <button type="button" data-testid="open-trace-program" onClick={() => void open()}>
          Open program {header}
        </button>
      )}
      <ul>
        {locs.map((l) => (
          <li key={l.id}>
            {baseName(l.file)}:{l.line} <span className="dbg-dim">{l.fn}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where each live goroutine is at the cursor: a chip per goroutine; clicking one shows its line. */
function Positions({ view, file, onPick }: {
  view: NonNullable<ReturnType<typeof useCursorState>>; file: string | undefined; onPick: (file: string, line: number) => void;
}): ReactElement {
  const live = view.state.goroutines.filter((g) => g.status !== "done" && g.loc);
  return (
    <div className="dbg-positions">
      {live.map((g) => (
        <button type="button" key={g.id} className={`dbg-position${file && sameFile(g.loc!.file, file) ? "" : " elsewhere"}`} data-testid="source-position" data-g={g.id}
          style={{ borderColor: `hsl(${goroutineHue(g.id).toFixed(1)}, 60%, 55%)` }} title={`${g.name} #${g.id} (${g.status}) at ${g.loc!.file}:${g.loc!.line}`}
          onClick={() => onPick(g.loc!.file, g.loc!.line)}>
          {g.name} :{g.loc!.line}
        </button>
      ))}
    </div>
  );
}
