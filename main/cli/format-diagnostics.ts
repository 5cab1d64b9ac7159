/**
 * Human output of the analyzer's diagnostics, for `goroscope analyze` (and `check`): findings
 * grouped by kind, each with its message in bold, the explanation wrapped, every goroutine with
 * what it is blocked on and where (plus that source line when the file can be read), the extra
 * sites, and a summary line ("3 findings: 1 leak, 2 lock-order").
 *
 * Colour only through `Colors` (all identity when colour is off), so the text is the same either
 * way once escapes are stripped.
 */
import fs from "node:fs";
import path from "node:path";
import { DIAGNOSTIC_KINDS, formatTime, type Diagnostic, type DiagnosticKind, type SourceRef } from "../../traces/analysis";

export interface Colors {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
}

const plain = (s: string): string => s;
const sgr = (open: number, close: number) => (s: string): string => `\x1b[${open}m${s}\x1b[${close}m`;

/** Colour when writing to a terminal and NO_COLOR is unset or empty (https://no-color.org). */
export function createColors(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Colors {
  const on = isTTY && !env.NO_COLOR && env.TERM !== "dumb";
  if (!on) return { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}

export interface FormatOptions {
  readonly colors: Colors;
  /** Where source files named by locations are looked for (relative paths); none: no source text. */
  readonly sourceRoots?: readonly string[];
  /** Wrap explanations at this many columns (default 100). */
  readonly width?: number;
}

const KIND_TITLES: Record<DiagnosticKind, string> = {
  deadlock: "deadlock",
  "partial-deadlock": "partial deadlock",
  leak: "leak",
  "lock-order": "lock order",
  panic: "panic",
};

export function formatDiagnostics(ds: readonly Diagnostic[], opts: FormatOptions): string {
  const c = opts.colors;
  const width = opts.width ?? 100;
  const source = createSourceReader(opts.sourceRoots ?? []);
  const out: string[] = [];
  for (const kind of DIAGNOSTIC_KINDS) {
    const group = ds.filter((d) => d.kind === kind);
    if (group.length === 0) continue;
    out.push(c.cyan(`── ${KIND_TITLES[kind]} (${group.length}) ──`), "");
    for (const d of group) out.push(...formatOne(d, c, width, source), "");
  }
  out.push(summaryLine(ds, c));
  return `${out.join("\n")}\n`;
}

/** "no findings", or "3 findings: 1 leak, 2 lock-order". */
export function summaryLine(ds: readonly Diagnostic[], c: Colors): string {
  if (ds.length === 0) return "no findings";
  const counts = DIAGNOSTIC_KINDS.map((k) => [k, ds.filter((d) => d.kind === k).length] as const).filter(([, n]) => n > 0);
  const text = `${ds.length} finding${ds.length === 1 ? "" : "s"}: ${counts.map(([k, n]) => `${n} ${k}`).join(", ")}`;
  return c.bold(c.red(text));
}

function formatOne(d: Diagnostic, c: Colors, width: number, source: SourceReader): string[] {
  const lines = [`${c.bold(clean(d.message))} ${c.dim(`(seq ${d.seq}, ${formatTime(d.t)})`)}`];
  lines.push(...wrap(clean(d.explanation), width - 2).map((l) => `  ${l}`));
  const names = new Map(d.objects.map((o) => [o.id, clean(o.name)]));
  // With sites (lock order), the sites say who did what where; the goroutines would repeat them.
  for (const g of d.sites?.length ? [] : d.goroutines) {
    const on = (g.on ?? []).map((id) => names.get(id) ?? `object ${id}`);
    const state = g.reason ? ` — blocked: ${g.reason}${on.length > 0 ? ` on ${on.join(", ")}` : ""}` : "";
    lines.push(`  goroutine ${g.g} ${JSON.stringify(g.name)}${c.yellow(state)}`);
    if (g.loc) lines.push(...atLines(g.loc, c, source));
  }
  for (const s of d.sites ?? []) {
    lines.push(`  ${clean(s.what)}`, ...atLines(s.loc, c, source));
  }
  return lines;
}

function atLines(loc: SourceRef, c: Colors, source: SourceReader): string[] {
  const at = `    at ${clean(loc.file)}:${loc.line}:${loc.col} (${clean(loc.fn)})`;
  const text = source(loc.file, loc.line);
  return text === undefined ? [at] : [at, c.dim(`      ${loc.line} │ ${text}`)];
}

type SourceReader = (file: string, line: number) => string | undefined;

/** Reads each file once; a file that cannot be read shows no source text (never an error). */
function createSourceReader(roots: readonly string[]): SourceReader {
  const cache = new Map<string, string[] | undefined>();
  const load = (file: string): string[] | undefined => {
    for (const root of path.isAbsolute(file) ? [""] : roots) {
      try {
        return fs.readFileSync(path.resolve(root, file), "utf8").split(/\r?\n/);
      } catch {
        // try the next root
      }
    }
    return undefined;
  };
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, load(file));
    const text = cache.get(file)?.[line - 1]?.trim();
    return text ? clip(clean(text), 100) : undefined;
  };
}

/** Trace text is data: control characters (terminal escapes included) are shown as `\u001b`, never sent. */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Greedy word wrap; words longer than the width stay whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
