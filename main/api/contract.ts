/**
 * The one API between the renderer and its backend. Electron's preload exposes it over IPC as
 * `window.goroscope`; browser mode serves it over HTTP on 127.0.0.1 (main/app/server.ts) and the
 * renderer's HTTP client implements the same interface, so the renderer cannot tell them apart.
 *
 * Everything crossing this boundary is plain data (structured-clone and JSON safe). The renderer
 * imports this file with `import type` only; main validates every input it receives
 * (main/api/validate.ts) because a compromised renderer must not be able to do more than a user
 * clicking in the app could.
 */
import type { AnalysisResult } from "../../traces/analysis/analyze-bytes";

export type { AnalysisResult };

/** Where an opened trace came from. */
export type TraceOrigin = "sample" | "file" | "recent" | "cli" | "drop";

/** A trace the backend has opened; its bytes are fetched with `readTrace(id)`. */
export interface TraceDescriptor {
  /** Opaque handle, valid for the backend's lifetime. */
  readonly id: string;
  /** File name shown in the title bar and the welcome screen. */
  readonly name: string;
  /** Absolute path on the backend's disk; absent for samples. */
  readonly path?: string;
  readonly bytes: number;
  readonly origin: TraceOrigin;
}

/**
 * A trace loaded by the backend (main/app/prepare.ts). `snapshot` is traces/model/snapshot.ts's
 * encoding; the rest reads as traces/model/outcome.ts's `LoadSummary`.
 */
export type PreparedTrace =
  | {
      readonly ok: true;
      readonly snapshot: Uint8Array;
      readonly warnings: readonly string[];
      /** The model holds the valid prefix before this line. */
      readonly error?: { readonly line: number; readonly message: string };
    }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/**
 * Browser mode sends a `PreparedTrace` as the snapshot's bytes, with the other fields as
 * URI-encoded JSON in this response header. A type, so that the renderer (which may import only
 * types from here) and the server are checked to spell it alike.
 */
export type LoadHeader = "x-goroscope-load";

/** A bundled sample trace (traces/samples/index.json). */
export interface SampleInfo {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly events: number;
  readonly goroutines: number;
  /** The sample opened when the app starts with no file. */
  readonly isDefault: boolean;
}

export interface RecentFile {
  readonly path: string;
  readonly name: string;
  /** ms since the Unix epoch of the last time it was opened. */
  readonly openedAt: number;
}

/** A program the backend can run (a TypeScript file importing `goroscope/runtime`). */
export interface ProgramDescriptor {
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

export interface RunRequest {
  readonly programId: string;
  /** 0 replays Go's single-core order; any other seed a randomized interleaving. */
  readonly seed: number;
  readonly clock: "virtual" | "real";
  readonly schedule?: "go" | "random" | "pct";
}

/** A run under way; its trace arrives as `RunUpdate`s and is kept in a file at `tracePath`. */
export interface RunDescriptor {
  readonly runId: string;
  readonly program: ProgramDescriptor;
  readonly seed: number;
  readonly clock: "virtual" | "real";
  readonly schedule: "go" | "random" | "pct";
  readonly tracePath: string;
}

/** How a run ended, in the CLI's terms (main/services/run-in-worker.ts `RunOutcome`). */
export interface RunEnd {
  readonly kind: "finished" | "error" | "killed" | "exited";
  readonly exitCode: number;
  /** The trace's end reason for a finished run (`main-returned`, `deadlock`, `panic`, ...). */
  readonly end?: string;
  readonly message?: string;
}

/** Complete trace lines of a live run, in order; then one `end`. */
export type RunUpdate =
  | { readonly runId: string; readonly kind: "lines"; readonly text: string }
  | { readonly runId: string; readonly kind: "end"; readonly end: RunEnd };

export interface InitialState {
  readonly mode: "electron" | "browser";
  readonly version: string;
  /** The trace named on the command line (or the default sample); null opens the welcome screen. */
  readonly trace: TraceDescriptor | null;
  readonly samples: readonly SampleInfo[];
  readonly recent: readonly RecentFile[];
  /** `goroscope debug PROGRAM`: the program to run and step through (the app starts it with seed 0). */
  readonly program?: ProgramDescriptor;
}

/** Commands from the application menu (Electron) that the renderer carries out. */
export type MenuCommand =
  | "open-trace"
  | "open-program"
  | "export-image"
  | "export-perfetto"
  | "zoom-in"
  | "zoom-out"
  | "fit"
  | "toggle-theme"
  | "show-welcome"
  | "show-help";

export const MENU_COMMANDS: readonly MenuCommand[] = [
  "open-trace", "open-program", "export-image", "export-perfetto", "zoom-in", "zoom-out", "fit", "toggle-theme", "show-welcome", "show-help",
];

export interface GoroscopeApi {
  initial(): Promise<InitialState>;
  openSample(name: string): Promise<TraceDescriptor>;
  /** Reopens a file from the recent list. */
  openRecent(path: string): Promise<TraceDescriptor>;
  /**
   * Opens a trace by path on the backend's disk. Electron: the native Open dialog when `path` is
   * omitted (null when cancelled). Browser mode: `path` is required.
   */
  openFile(path?: string): Promise<TraceDescriptor | null>;
  /** The raw bytes of an opened trace. */
  readTrace(id: string): Promise<Uint8Array>;
  /**
   * An opened trace as the backend loaded it: a model snapshot ready to draw (no parsing left for
   * the renderer), with the load's warnings; or why it could not be loaded.
   */
  readModel(id: string): Promise<PreparedTrace>;
  /** The findings and program output of an opened trace, once the backend has analyzed it. */
  readAnalysis(id: string): Promise<AnalysisResult>;
  /** Records a trace the renderer opened by itself (a dropped file) in the recent list when it has a path. */
  noteOpened(trace: { readonly name: string; readonly path?: string }): Promise<readonly RecentFile[]>;
  /** Saves a PNG of the timeline: Electron asks where; browser mode returns null and the renderer downloads it. */
  saveImage(suggestedName: string, png: Uint8Array): Promise<string | null>;
  /**
   * Saves the open trace exported as Chrome / Perfetto trace-event JSON: Electron asks where;
   * browser mode returns null and the renderer downloads it.
   */
  saveExport(suggestedName: string, json: string): Promise<string | null>;
  /** Sets the window title (Electron) or document title (browser). */
  setTitle(title: string): Promise<void>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Subscribes to traces the backend opened on its own, to be shown at once: Electron's second
   * `goroscope view FILE`, browser mode's `POST /api/show`. Returns the unsubscribe function.
   */
  onTraceOpened(listener: (trace: TraceDescriptor) => void): () => void;

  /** Names a program to run: Electron's Open dialog when `path` is omitted (null when cancelled). */
  openProgram(path?: string): Promise<ProgramDescriptor | null>;
  /** Starts a run in a separate worker (never in the renderer); updates arrive on `onRunUpdate`. */
  runProgram(request: RunRequest): Promise<RunDescriptor>;
  /** Stops a run; its trace still ends with an end record ("stopped by the user"). */
  stopRun(runId: string): Promise<void>;
  /** A source file of a program: the program itself or a file its trace names under the program's folder. */
  readSource(programId: string, file: string): Promise<string>;
  onRunUpdate(listener: (update: RunUpdate) => void): () => void;
}

/** IPC channel names (Electron) and HTTP routes (browser mode) for each request. */
export const API_ROUTES = {
  initial: "goroscope:initial",
  openSample: "goroscope:open-sample",
  openRecent: "goroscope:open-recent",
  openFile: "goroscope:open-file",
  readTrace: "goroscope:read-trace",
  readModel: "goroscope:read-model",
  readAnalysis: "goroscope:read-analysis",
  noteOpened: "goroscope:note-opened",
  saveImage: "goroscope:save-image",
  saveExport: "goroscope:save-export",
  setTitle: "goroscope:set-title",
  menuCommand: "goroscope:menu-command",
  traceOpened: "goroscope:trace-opened",
  openProgram: "goroscope:open-program",
  runProgram: "goroscope:run-program",
  stopRun: "goroscope:stop-run",
  readSource: "goroscope:read-source",
  runUpdate: "goroscope:run-update",
} as const;

/** Largest trace the backend hands to the renderer (bytes): 2 GiB, a browser ArrayBuffer's safe size. */
export const MAX_TRACE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
