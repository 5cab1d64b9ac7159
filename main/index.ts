/**
 * Electron main process. Security: `contextIsolation` and `sandbox` on, `nodeIntegration` off,
 * the page's CSP (renderer/index.html and the response header below), navigation and
 * `window.open` refused, permission requests denied, and every IPC argument validated by the
 * shared backend before use. The window title names the open trace.
 *
 * Started by `npm start` / `goroscope view TRACE` when the Electron binary exists; the trace to
 * open arrives as the `GOROSCOPE_OPEN` environment variable or the last command-line argument.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from "electron";
import fs from "node:fs";
import path from "node:path";
import { API_ROUTES, type MenuCommand, type TraceDescriptor } from "./api/contract";
import { optionalString, requireExportJson, requireFileName, requirePng, requireString } from "./api/validate";
import { createBackend } from "./app/backend";
import { joinPrepared } from "./app/prepare-protocol";
import { createRunService } from "./app/runs";
import { CONTENT_SECURITY_POLICY } from "./app/server";
import { packageRoot } from "./app/paths";

const root = packageRoot(__dirname);
const initialPath = process.env.GOROSCOPE_OPEN || traceArgument(process.argv);
let win: BrowserWindow | null = null;
const runs = createRunService({ distDir: path.join(root, "dist"), onUpdate: (u) => win?.webContents.send(API_ROUTES.runUpdate, u) });
const initialProgram = process.env.GOROSCOPE_DEBUG ? runs.openProgram(process.env.GOROSCOPE_DEBUG) : undefined;
const backend = createBackend({
  mode: "electron", root, configDir: path.join(app.getPath("userData")), initialPath, openDefaultSample: !initialProgram, initialProgram,
  distDir: path.join(root, "dist"),
});

function traceArgument(argv: readonly string[]): string | undefined {
  const last = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith("-")).pop();
  return last && /\.(jsonl|trace|json|out)$/i.test(last) ? path.resolve(last) : undefined;
}

function send(command: MenuCommand): void {
  win?.webContents.send(API_ROUTES.menuCommand, command);
}

function showTrace(trace: TraceDescriptor): void {
  win?.webContents.send(API_ROUTES.traceOpened, trace);
}

function buildMenu(): void {
  const recent: MenuItemConstructorOptions[] = backend.initial().recent.map((r) => ({
    label: r.path,
    click: () => showTrace(backend.openRecent(r.path)),
  }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: "File",
      submenu: [
        { label: "Open Trace…", accelerator: "CmdOrCtrl+O", click: () => send("open-trace") },
        { label: "Open Program…", accelerator: "CmdOrCtrl+Shift+O", click: () => send("open-program") },
        { label: "Open Recent", submenu: recent.length > 0 ? recent : [{ label: "No recent files", enabled: false }] },
        { label: "Welcome", click: () => send("show-welcome") },
        { type: "separator" },
        { label: "Export Image…", accelerator: "CmdOrCtrl+E", click: () => send("export-image") },
        { label: "Export to Perfetto…", accelerator: "CmdOrCtrl+Shift+E", click: () => send("export-perfetto") },
        { type: "separator" },
        { role: "quit" },
      ],
    },
    {
      label: "View",
      submenu: [
        { label: "Zoom In", accelerator: "W", registerAccelerator: false, click: () => send("zoom-in") },
        { label: "Zoom Out", accelerator: "S", registerAccelerator: false, click: () => send("zoom-out") },
        { label: "Fit", accelerator: "F", registerAccelerator: false, click: () => send("fit") },
        { label: "Toggle Theme", accelerator: "CmdOrCtrl+Shift+T", click: () => send("toggle-theme") },
        { type: "separator" },
        { role: "togglefullscreen" },
        ...(app.isPackaged ? [] : [{ role: "toggleDevTools" } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: "Help",
      submenu: [
        { label: "Keyboard Shortcuts", accelerator: "?", registerAccelerator: false, click: () => send("show-help") },
        { label: `Goroscope ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Registers one IPC handler that accepts calls only from our own window's main frame. */
function handle(channel: string, fn: (...args: unknown[]) => unknown): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!win || event.sender !== win.webContents || event.senderFrame !== win.webContents.mainFrame) throw new Error("refused: not the app window");
    return fn(...args);
  });
}

function registerIpc(): void {
  handle(API_ROUTES.initial, () => backend.initial());
  handle(API_ROUTES.openSample, (name) => backend.openSample(name));
  handle(API_ROUTES.openRecent, (p) => {
    const d = backend.openRecent(p);
    buildMenu();
    return d;
  });
  handle(API_ROUTES.openFile, async (p) => {
    let file = optionalString(p, "path");
    if (file === undefined) {
      const choice = await dialog.showOpenDialog(win!, {
        title: "Open Trace",
        properties: ["openFile"],
        filters: [{ name: "Traces", extensions: ["jsonl", "trace", "json", "out"] }, { name: "All files", extensions: ["*"] }],
      });
      if (choice.canceled || choice.filePaths.length === 0) return null;
      file = choice.filePaths[0]!;
    }
    const d = backend.openPath(file, "file");
    buildMenu();
    return d;
  });
  handle(API_ROUTES.readTrace, (id) => backend.readTrace(id));
  // IPC's structured clone sends one snapshot, not the backend's parts: joined once here.
  handle(API_ROUTES.readModel, async (id) => joinPrepared(await backend.readModel(id)));
  handle(API_ROUTES.readAnalysis, (id) => backend.readAnalysis(id));
  handle(API_ROUTES.noteOpened, (t) => {
    const list = backend.noteOpened(t);
    buildMenu();
    return list;
  });
  handle(API_ROUTES.saveImage, async (name, png) => {
    const bytes = requirePng(png);
    const choice = await dialog.showSaveDialog(win!, { title: "Export Image", defaultPath: requireFileName(name, "file name"), filters: [{ name: "PNG", extensions: ["png"] }] });
    if (choice.canceled || !choice.filePath) return null;
    await fs.promises.writeFile(choice.filePath, bytes);
    return choice.filePath;
  });
  handle(API_ROUTES.openProgram, async (p) => {
    let file = optionalString(p, "path");
    if (file === undefined) {
      const choice = await dialog.showOpenDialog(win!, {
        title: "Open Program",
        properties: ["openFile"],
        filters: [{ name: "Programs", extensions: ["ts", "mts", "js", "mjs"] }],
      });
      if (choice.canceled || choice.filePaths.length === 0) return null;
      file = choice.filePaths[0]!;
    }
    return runs.openProgram(file);
  });
  handle(API_ROUTES.runProgram, (req) => runs.run(req));
  handle(API_ROUTES.stopRun, (id) => runs.stop(id));
  handle(API_ROUTES.readSource, (programId, file) => runs.readSource(programId, file));
  handle(API_ROUTES.saveExport, async (name, json) => {
    const text = requireExportJson(json);
    const choice = await dialog.showSaveDialog(win!, { title: "Export to Perfetto", defaultPath: requireFileName(name, "file name"), filters: [{ name: "Trace-event JSON", extensions: ["json"] }] });
    if (choice.canceled || !choice.filePath) return null;
    await fs.promises.writeFile(choice.filePath, text);
    return choice.filePath;
  });
  handle(API_ROUTES.setTitle, (title) => {
    win?.setTitle(requireString(title, "title", 512));
  });
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: "Goroscope",
    backgroundColor: "#15171c",
    webPreferences: {
      preload: path.join(__dirname, "../preload/preload.js"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const contents = win.webContents;
  // Navigation away from the app and new windows are refused; http(s) links open in the user's browser.
  contents.on("will-navigate", (event) => event.preventDefault());
  contents.on("will-redirect", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: "deny" };
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(path.join(__dirname, "../renderer/index.html"));
  win.on("closed", () => {
    win = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second `goroscope view FILE` hands its file to the running window.
  app.on("second-instance", (_event, argv) => {
    const file = traceArgument(argv);
    if (file && win) {
      showTrace(backend.openPath(file, "cli"));
      win.focus();
    }
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [CONTENT_SECURITY_POLICY] } });
    });
    registerIpc();
    buildMenu();
    createWindow();
  });
  app.on("window-all-closed", () => {
    runs.stopAll();
    app.quit();
  });
}
