/**
 * The backend half of `GoroscopeApi` that both transports share: opening samples, files and
 * recent files, and handing their bytes over. Electron's IPC handlers (main/index.ts) and the
 * browser-mode server (server.ts) are thin shells around it. Every method takes `unknown` and
 * validates it: inputs come from the renderer.
 *
 * Invariant: the renderer can only read files it was given a handle for: a sample, a path the
 * user named (command line, dialog, recent list, or the API's `openFile` in browser mode behind
 * the token), never an arbitrary id.
 */
import fs from "node:fs";
import path from "node:path";
import type { AnalysisResult, InitialState, ProgramDescriptor, RecentFile, SampleInfo, TraceDescriptor, TraceOrigin } from "../api/contract";
import { MAX_TRACE_BYTES } from "../api/contract";
import { ApiInputError, requireNoteOpened, requireSampleName, requireString, requireTraceId } from "../api/validate";
import { configDir, packageRoot, samplesDir } from "./paths";
import { createTracePreparer } from "./prepare";
import type { PreparedParts } from "./prepare-protocol";
import { createRecentList } from "./recent";

export interface BackendOptions {
  readonly mode: "electron" | "browser";
  readonly root?: string;
  readonly configDir?: string;
  /** A trace named on the command line; opened first. */
  readonly initialPath?: string;
  /** With no `initialPath`: open the default sample (true) or the welcome screen (false). */
  readonly openDefaultSample?: boolean;
  /** `goroscope debug PROGRAM`: the program the app runs first (opened by the run service). */
  readonly initialProgram?: ProgramDescriptor;
  /** Where dist/prepare.cjs is (default: the package's dist/). */
  readonly distDir?: string;
}

export interface Backend {
  initial(): InitialState;
  openSample(name: unknown): TraceDescriptor;
  openRecent(path: unknown): TraceDescriptor;
  openPath(path: unknown, origin?: TraceOrigin): TraceDescriptor;
  /** The file behind a handle, for streaming it. */
  fileOf(id: unknown): { readonly path: string; readonly bytes: number; readonly name: string };
  readTrace(id: unknown): Promise<Uint8Array>;
  /**
   * The trace loaded in a worker (prepare.ts), its model snapshot in parts: the server writes them
   * one after another, IPC sends them joined (prepare-protocol.ts `joinPrepared`).
   */
  readModel(id: unknown): Promise<PreparedParts>;
  readAnalysis(id: unknown): Promise<AnalysisResult>;
  /** Stops the loaders. */
  close(): Promise<void>;
  noteOpened(trace: unknown): readonly RecentFile[];
  samples(): readonly SampleInfo[];
}

interface SampleEntry extends SampleInfo {
  readonly file: string;
}

/** An open failure the user should read as is (no stack): missing file, a folder, too large. */
export class OpenError extends Error {
  override readonly name = "OpenError";
}

export function createBackend(options: BackendOptions): Backend {
  const root = options.root ?? packageRoot();
  const recent = createRecentList(options.configDir ?? configDir());
  const opened = new Map<string, { path: string; bytes: number; name: string }>();
  const preparer = createTracePreparer({ distDir: options.distDir ?? path.join(root, "dist") });
  let nextId = 1;
  let initialTrace: TraceDescriptor | null | undefined;

  const readSamples = (): SampleEntry[] => {
    try {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(samplesDir(root), "index.json"), "utf8"));
      return Array.isArray(data) ? (data as SampleEntry[]) : [];
    } catch {
      return [];
    }
  };

  function register(file: string, name: string, origin: TraceOrigin): TraceDescriptor {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new OpenError(code === "ENOENT" ? `no such file: ${file}` : `cannot open ${file}: ${code ?? String(err)}`);
    }
    if (!stat.isFile()) throw new OpenError(`not a file: ${file}`);
    if (stat.size > MAX_TRACE_BYTES) throw new OpenError(`${file} is ${stat.size} bytes; the app opens traces up to ${MAX_TRACE_BYTES} bytes (use \`goroscope analyze\` for larger ones)`);
    const id = `t${nextId++}`;
    opened.set(id, { path: file, bytes: stat.size, name });
    // The renderer asks for the model right after an open: start loading it now.
    preparer.prepare(id, file, name);
    return { id, name, bytes: stat.size, origin, ...(origin === "sample" ? {} : { path: file }) };
  }

  const backend: Backend = {
    samples: () =>
      readSamples().map((s) => ({
        name: s.name, title: s.title, description: s.description, events: s.events, goroutines: s.goroutines, isDefault: Boolean(s.isDefault),
      })),
    initial() {
      // Opened once: every reload of the page gets the same handle, and the recent list one entry.
      if (initialTrace === undefined) {
        initialTrace = null;
        if (options.initialPath !== undefined) initialTrace = backend.openPath(options.initialPath, "cli");
        else if (options.openDefaultSample) {
          const def = readSamples().find((s) => s.isDefault);
          if (def) initialTrace = backend.openSample(def.name);
        }
      }
      return {
        mode: options.mode, version: readVersion(root), trace: initialTrace, samples: backend.samples(), recent: recent.list(),
        ...(options.initialProgram ? { program: options.initialProgram } : {}),
      };
    },
    openSample(nameArg) {
      const name = requireSampleName(nameArg);
      const entry = readSamples().find((s) => s.name === name);
      if (!entry) throw new OpenError(`no sample named ${name}`);
      return register(path.join(samplesDir(root), path.basename(entry.file)), path.basename(entry.file), "sample");
    },
    openRecent(pathArg) {
      const p = requireString(pathArg, "path");
      if (!recent.list().some((r) => r.path === p)) throw new ApiInputError("not in the recent list");
      const d = register(p, path.basename(p), "recent");
      recent.add(p);
      return d;
    },
    openPath(pathArg, origin = "file") {
      const p = path.resolve(requireString(pathArg, "path"));
      const d = register(p, path.basename(p), origin);
      recent.add(p);
      return d;
    },
    fileOf(idArg) {
      const f = opened.get(requireTraceId(idArg));
      if (!f) throw new ApiInputError("unknown trace id");
      return f;
    },
    async readTrace(idArg) {
      const f = backend.fileOf(idArg);
      const buf = await fs.promises.readFile(f.path);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    readModel(idArg) {
      const f = backend.fileOf(idArg);
      return preparer.model(requireTraceId(idArg), f.path, f.name);
    },
    readAnalysis(idArg) {
      const f = backend.fileOf(idArg);
      return preparer.analysis(requireTraceId(idArg), f.path, f.name);
    },
    close: () => preparer.close(),
    noteOpened(arg) {
      const t = requireNoteOpened(arg);
      return t.path === undefined ? recent.list() : recent.add(t.path);
    },
  };
  return backend;
}

function readVersion(root: string): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}
