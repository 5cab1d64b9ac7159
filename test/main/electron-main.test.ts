/**
 * The Electron main process, run against a fake `electron` module (the binary cannot be
 * downloaded here): the window's security settings, refused navigation and pop-ups, IPC that
 * answers only our window and validates its input, denied permissions, the CSP header.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeModelSnapshot, loadModel } from "../../traces/model";

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    handlers: new Map<string, Handler>(),
    windows: [] as any[],
    webContentsHandlers: new Map<string, (...a: any[]) => void>(),
    windowOpenHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
    permissionHandler: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    headersHandler: undefined as undefined | ((details: any, cb: (r: any) => void) => void),
    ready: undefined as undefined | Promise<void>,
    resolveReady: () => {},
    menu: undefined as unknown,
    userData: "",
  };
  state.ready = new Promise<void>((r) => (state.resolveReady = r));
  return state;
});

vi.mock("electron", () => {
  class BrowserWindow {
    webContents: any;
    options: any;
    constructor(options: any) {
      this.options = options;
      const mainFrame = { id: "main" };
      this.webContents = {
        mainFrame,
        on: (name: string, fn: any) => fake.webContentsHandlers.set(name, fn),
        setWindowOpenHandler: (fn: any) => (fake.windowOpenHandler = fn),
        send: vi.fn(),
      };
      fake.windows.push(this);
    }
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
    on = vi.fn();
    setTitle = vi.fn();
    focus = vi.fn();
  }
  return {
    app: {
      getPath: () => fake.userData,
      isPackaged: false,
      getVersion: () => "0.0.0-test",
      requestSingleInstanceLock: () => true,
      on: vi.fn(),
      quit: vi.fn(),
      whenReady: () => fake.ready!.then(() => undefined),
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, fn: Handler) => fake.handlers.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (fake.menu = m) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: any) => (fake.permissionHandler = fn),
        webRequest: { onHeadersReceived: (fn: any) => (fake.headersHandler = fn) },
      },
    },
    shell: { openExternal: vi.fn() },
  };
});

let win: any;
const invoke = (channel: string, ...args: unknown[]) =>
  fake.handlers.get(channel)!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, ...args);

beforeAll(async () => {
  fake.userData = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-electron-"));
  delete process.env.GOROSCOPE_OPEN;
  await import("../../main/index");
  fake.resolveReady();
  await fake.ready;
  await new Promise((r) => setTimeout(r, 0));
  win = fake.windows[0];
});

describe("Electron main", () => {
  it("creates one window with context isolation and the sandbox on and no Node integration", () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = win.options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.preload).toMatch(/preload[\\/]preload\.js$/);
  });

  it("refuses navigation, redirects, webviews and new windows", () => {
    for (const name of ["will-navigate", "will-redirect", "will-attach-webview"]) {
      const event = { preventDefault: vi.fn() };
      fake.webContentsHandlers.get(name)!(event, "https://example.com");
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(fake.windowOpenHandler!({ url: "https://example.com" })).toEqual({ action: "deny" });
    expect(fake.windowOpenHandler!({ url: "file:///etc/passwd" })).toEqual({ action: "deny" });
  });

  it("denies every permission request and sets the strict CSP header on every response", () => {
    const cb = vi.fn();
    fake.permissionHandler!({}, "media", cb);
    expect(cb).toHaveBeenCalledWith(false);
    let headers: any;
    fake.headersHandler!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    const csp = headers["Content-Security-Policy"][0] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("answers IPC only from its own window's main frame", async () => {
    const handler = fake.handlers.get("goroscope:initial")!;
    await expect(handler({ sender: {}, senderFrame: {} })).rejects.toThrow(/refused/);
    await expect(handler({ sender: win.webContents, senderFrame: { id: "child" } })).rejects.toThrow(/refused/);
    const initial = (await invoke("goroscope:initial")) as { mode: string };
    expect(initial.mode).toBe("electron");
  });

  it("validates IPC input before touching the disk", async () => {
    await expect(invoke("goroscope:open-sample", "../../etc/passwd")).rejects.toThrow(/not a sample name/);
    await expect(invoke("goroscope:open-sample", { name: "x" })).rejects.toThrow(/must be a string/);
    await expect(invoke("goroscope:read-trace", "t999")).rejects.toThrow(/unknown trace id/);
    await expect(invoke("goroscope:read-trace", "/etc/passwd")).rejects.toThrow(/not a trace id/);
    await expect(invoke("goroscope:open-recent", "/etc/passwd")).rejects.toThrow(/not in the recent list/);
    await expect(invoke("goroscope:save-image", "x.png", new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a PNG/);
    await expect(invoke("goroscope:save-image", "../x.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).rejects.toThrow(/file name/);
    await expect(invoke("goroscope:set-title", 42)).rejects.toThrow(/must be a string/);
    await expect(invoke("goroscope:save-export", "x.json", "<html>")).rejects.toThrow(/not a JSON object/);
    await expect(invoke("goroscope:save-export", "a/x.json", "{}")).rejects.toThrow(/file name/);
  });

  it("hands over an opened trace as one model snapshot, then its findings, by validated handle", async () => {
    const initial = (await invoke("goroscope:initial")) as { trace: { id: string; name: string } | null };
    const id = initial.trace!.id;
    const prepared = (await invoke("goroscope:read-model", id)) as { ok: boolean; snapshot: Uint8Array; warnings: string[] };
    expect(prepared.ok).toBe(true);
    expect(prepared.snapshot).toBeInstanceOf(Uint8Array);
    const model = decodeModelSnapshot(prepared.snapshot);
    const local = loadModel(fs.readFileSync(path.join(__dirname, "../../traces/samples", initial.trace!.name))).model;
    expect(model.eventCount).toBe(local.eventCount);
    expect(model.goroutines).toEqual(local.goroutines);
    const analysis = (await invoke("goroscope:read-analysis", id)) as { diagnostics: unknown[]; output: unknown[] };
    expect(Array.isArray(analysis.diagnostics) && Array.isArray(analysis.output)).toBe(true);
    await expect(invoke("goroscope:read-model", "t999")).rejects.toThrow(/unknown trace id/);
    await expect(invoke("goroscope:read-analysis", "../x")).rejects.toThrow(/not a trace id/);
  });

  it("has File, View and Help menus with the commands the issue names", () => {
    const labels = (fake.menu as any[]).map((m) => m.label);
    expect(labels).toEqual(["File", "View", "Help"]);
    const file = (fake.menu as any[])[0].submenu.map((i: any) => i.label).filter(Boolean);
    expect(file).toEqual(expect.arrayContaining(["Open Trace…", "Open Program…", "Open Recent", "Export Image…", "Export to Perfetto…"]));
    const viewItems = (fake.menu as any[])[1].submenu.map((i: any) => i.label).filter(Boolean);
    expect(viewItems).toEqual(expect.arrayContaining(["Zoom In", "Zoom Out", "Fit", "Toggle Theme"]));
  });

  it("sends menu commands to the renderer", () => {
    const open = (fake.menu as any[])[0].submenu.find((i: any) => i.label === "Open Trace…");
    open.click();
    expect(win.webContents.send).toHaveBeenCalledWith("goroscope:menu-command", "open-trace");
  });
});
