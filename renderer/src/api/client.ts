/**
 * The renderer's handle on its backend. Electron's preload has put `window.goroscope` in place;
 * in browser mode there is none, and the HTTP client below implements the same contract against
 * the local server (main/app/server.ts). Everything else in the renderer uses `api` and cannot
 * tell the two apart.
 */
import type { GoroscopeApi, MenuCommand, RecentFile, RunUpdate, TraceDescriptor } from "../../../main/api/contract";
import { takeEarlyModel } from "./early-model-handle";
import { ApiError, errorText, readModelResponse } from "./model-response";

export { ApiError } from "./model-response";

declare global {
  interface Window {
    goroscope?: GoroscopeApi;
  }
}

async function request<T>(method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/${route}`, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(await errorText(res), res.status);
  return (await res.json()) as T;
}

/** Browser mode's client: HTTP for requests, one EventSource for what the server pushes. */
export function createHttpApi(): GoroscopeApi {
  const menuListeners = new Set<(c: MenuCommand) => void>();
  const traceListeners = new Set<(t: TraceDescriptor) => void>();
  const runListeners = new Set<(u: RunUpdate) => void>();
  let opened: Promise<void> | undefined;
  /** Resolves once the event stream is connected, so a run started afterwards loses no line. */
  const connectEvents = (): Promise<void> => {
    if (opened) return opened;
    if (typeof EventSource === "undefined") return (opened = Promise.resolve());
    const events = new EventSource("/api/events");
    events.addEventListener("trace-opened", (e) => {
      const trace = JSON.parse((e as MessageEvent<string>).data) as TraceDescriptor;
      for (const l of traceListeners) l(trace);
    });
    events.addEventListener("run-update", (e) => {
      const update = JSON.parse((e as MessageEvent<string>).data) as RunUpdate;
      for (const l of runListeners) l(update);
    });
    return (opened = new Promise((resolve) => events.addEventListener("open", () => resolve(), { once: true })));
  };
  return {
    initial: () => request("GET", "initial"),
    openSample: (name) => request("POST", "open-sample", { name }),
    openRecent: (path) => request("POST", "open-recent", { path }),
    async openFile(path) {
      if (path === undefined) return null; // browser mode picks files with <input type=file>
      return request("POST", "open-file", { path });
    },
    async readTrace(id) {
      const res = await fetch(`/api/trace/${encodeURIComponent(id)}`, { credentials: "same-origin" });
      if (!res.ok) throw new ApiError(`cannot read the trace: ${res.status}`, res.status);
      return new Uint8Array(await res.arrayBuffer());
    },
    async readModel(id) {
      // The page's initial trace was asked for before this script ran (early-model.ts); should
      // that have failed, the request below fails again with the reason or succeeds.
      const early = takeEarlyModel(id);
      if (early) {
        try {
          return await early;
        } catch {
          // asked again below
        }
      }
      return readModelResponse(await fetch(`/api/model/${encodeURIComponent(id)}`, { credentials: "same-origin" }));
    },
    readAnalysis: (id) => request("GET", `analysis/${encodeURIComponent(id)}`),
    noteOpened: (trace) => request<readonly RecentFile[]>("POST", "note-opened", trace),
    async saveImage() {
      return null; // the renderer downloads the image itself
    },
    async saveExport() {
      return null; // the renderer downloads the file itself
    },
    async setTitle(title) {
      document.title = title;
    },
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    onTraceOpened(listener) {
      void connectEvents();
      traceListeners.add(listener);
      return () => traceListeners.delete(listener);
    },
    async openProgram(path) {
      if (path === undefined) return null; // browser mode: the program is named on the command line or typed in
      return request("POST", "open-program", { path });
    },
    async runProgram(req) {
      await connectEvents();
      return request("POST", "run", req);
    },
    async stopRun(runId) {
      await request("POST", "stop", { runId });
    },
    async readSource(programId, file) {
      const q = new URLSearchParams({ program: programId, file });
      const res = await fetch(`/api/source?${q}`, { credentials: "same-origin" });
      if (!res.ok) throw new ApiError(`cannot read ${file}: ${res.status}`, res.status);
      return res.text();
    },
    onRunUpdate(listener) {
      void connectEvents();
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },
  };
}

export const api: GoroscopeApi = window.goroscope ?? createHttpApi();
export const isElectron = window.goroscope !== undefined;
