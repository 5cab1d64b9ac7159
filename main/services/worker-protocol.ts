/**
 * What crosses the thread boundary between the CLI and the worker that runs a program: the
 * request (`workerData`) and the messages the worker writes into the pipe (`RecordKind.Message`).
 * Plain data only, checked on arrival: a message that does not parse is treated as no message.
 */
import type { Clock, EndReason } from "../../traces/format/schema";
import type { PolicyName } from "../../runtime/policy";
import type { CheckReport } from "./check";

export interface WorkerRequest {
  /** The program's path as given on the command line (relative to `cwd`): the trace header and every message use it. */
  readonly program: string;
  readonly cwd: string;
  /** The module whose exports are the runtime (`run` among them): dist/runtime.cjs unless a test says otherwise. */
  readonly runtimePath: string;
  readonly pipe: SharedArrayBuffer;
  /** Write trace lines into the pipe; tracing is off in the runtime otherwise. */
  readonly trace: boolean;
  readonly seed?: number;
  readonly schedule?: PolicyName;
  /** PCT's estimate of scheduling points (`--pct-steps`). */
  readonly pctSteps?: number;
  readonly clock?: Clock;
  readonly maxSteps?: number;
  /** Wall-clock budget in ms, enforced by the runtime at scheduling points. */
  readonly wallTimeout?: number;
  /** `goroscope check`: run the program this many times from seed `firstSeed` and analyse each trace, instead of one run. */
  readonly check?: { readonly runs: number; readonly firstSeed: number };
}

export type WorkerMessage =
  /** The program loaded and `run` is about to start. */
  | { readonly kind: "started" }
  | {
      readonly kind: "result";
      readonly end: EndReason;
      readonly exitCode: number;
      readonly msg?: string;
    }
  /** Bad input or a failure outside the runtime: one line, without the `goroscope: ` prefix. */
  | { readonly kind: "error"; readonly message: string }
  /** `check`: runs done so far. */
  | { readonly kind: "progress"; readonly done: number; readonly total: number }
  /** `check`: the merged findings of every run. */
  | { readonly kind: "checked"; readonly report: CheckReport };

export function parseWorkerMessage(text: string): WorkerMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.kind) {
    case "started":
      return { kind: "started" };
    case "result":
      if (typeof m.end !== "string" || typeof m.exitCode !== "number") return undefined;
      return { kind: "result", end: m.end as EndReason, exitCode: m.exitCode, ...(typeof m.msg === "string" ? { msg: m.msg } : {}) };
    case "error":
      return typeof m.message === "string" ? { kind: "error", message: m.message } : undefined;
    case "progress":
      return typeof m.done === "number" && typeof m.total === "number" ? { kind: "progress", done: m.done, total: m.total } : undefined;
    case "checked": {
      const r = m.report as Record<string, unknown> | undefined;
      const ok = typeof r === "object" && r !== null && typeof r.runs === "number" && Array.isArray(r.findings) && Array.isArray(r.failingSeeds);
      return ok ? { kind: "checked", report: r as unknown as CheckReport } : undefined;
    }
    default:
      return undefined;
  }
}
