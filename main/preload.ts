/**
 * Electron preload (sandboxed, context-isolated): exposes `GoroscopeApi` as `window.goroscope`
 * and nothing else — no ipcRenderer, no Node. Each method forwards to one IPC channel; main
 * validates the arguments.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { API_ROUTES, type GoroscopeApi, type MenuCommand, type RunUpdate, type TraceDescriptor } from "./api/contract";

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T): void => listener(value);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const api: GoroscopeApi = {
  initial: () => ipcRenderer.invoke(API_ROUTES.initial),
  openSample: (name) => ipcRenderer.invoke(API_ROUTES.openSample, name),
  openRecent: (path) => ipcRenderer.invoke(API_ROUTES.openRecent, path),
  openFile: (path) => ipcRenderer.invoke(API_ROUTES.openFile, path),
  readTrace: (id) => ipcRenderer.invoke(API_ROUTES.readTrace, id),
  readModel: (id) => ipcRenderer.invoke(API_ROUTES.readModel, id),
  readAnalysis: (id) => ipcRenderer.invoke(API_ROUTES.readAnalysis, id),
  noteOpened: (trace) => ipcRenderer.invoke(API_ROUTES.noteOpened, trace),
  saveImage: (name, png) => ipcRenderer.invoke(API_ROUTES.saveImage, name, png),
  saveExport: (name, json) => ipcRenderer.invoke(API_ROUTES.saveExport, name, json),
  setTitle: (title) => ipcRenderer.invoke(API_ROUTES.setTitle, title),
  onMenuCommand: (listener) => subscribe<MenuCommand>(API_ROUTES.menuCommand, listener),
  onTraceOpened: (listener) => subscribe<TraceDescriptor>(API_ROUTES.traceOpened, listener),
  openProgram: (path) => ipcRenderer.invoke(API_ROUTES.openProgram, path),
  runProgram: (request) => ipcRenderer.invoke(API_ROUTES.runProgram, request),
  stopRun: (runId) => ipcRenderer.invoke(API_ROUTES.stopRun, runId),
  readSource: (programId, file) => ipcRenderer.invoke(API_ROUTES.readSource, programId, file),
  onRunUpdate: (listener) => subscribe<RunUpdate>(API_ROUTES.runUpdate, listener),
};

contextBridge.exposeInMainWorld("goroscope", api);
