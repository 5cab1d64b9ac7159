/**
 * Browser mode: serves the built renderer and `GoroscopeApi` over HTTP, for machines without an
 * Electron binary and for the Playwright suite.
 *
 * Security invariants:
 * - binds 127.0.0.1 only;
 * - every request must carry the per-run token (the `token` query parameter, which also sets a
 *   SameSite=Strict HttpOnly cookie for the page's later requests, or that cookie, or an
 *   `X-Goroscope-Token` header); without it: 403, and no file is served;
 * - the Host header must name this server (127.0.0.1 or localhost with our port): a foreign Host
 *   is refused, which defeats DNS rebinding;
 * - responses carry a strict Content-Security-Policy and `nosniff`; static files are served only
 *   from the renderer folder (no `..`, no symlink escape).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { LoadHeader, RunUpdate, TraceDescriptor } from "../api/contract";
import { ApiInputError } from "../api/validate";
import { OpenError, type Backend } from "./backend";
import type { PreparedParts } from "./prepare-protocol";
import { createRunService, type RunService } from "./runs";

export const TOKEN_COOKIE = "goroscope_token";
export const TOKEN_HEADER = "x-goroscope-token";
const LOAD_HEADER: LoadHeader = "x-goroscope-load";
const MAX_BODY = 64 * 1024;

/** The page's policy; Electron's index.html carries the same one in a meta tag. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

export interface ServerOptions {
  readonly backend: Backend;
  /** The built renderer (out/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed token (tests); by default 32 random bytes. */
  readonly token?: string;
  /** Where dist/worker.cjs and dist/runtime.cjs are: programs run from the app use them. */
  readonly distDir: string;
  /** The run service (tests); by default one that pushes its updates over `/api/events`. */
  readonly runs?: RunService;
}

export interface BrowserServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly runs: RunService;
  /** Sends an event to every page connected to `/api/events`. */
  push(event: string, data: unknown): void;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(32).toString("hex");
  const tokenBytes = Buffer.from(token);
  const staticRoot = fs.realpathSync(options.staticDir);
  const listeners = new Set<http.ServerResponse>();
  let port = 0;
  const runs = options.runs ?? createRunService({ distDir: options.distDir, onUpdate: (u) => pushRunUpdate(u) });

  const tokenOk = (candidate: string | undefined): boolean => {
    if (candidate === undefined) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBytes.length && crypto.timingSafeEqual(b, tokenBytes);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => fail(res, 500, err instanceof Error ? err.message : String(err)));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cache-Control", "no-store");
    const host = req.headers.host ?? "";
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return fail(res, 403, "foreign Host header");
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get("token") ?? undefined;
    const presented = [queryToken, header(req, TOKEN_HEADER), cookie(req, TOKEN_COOKIE)].find((t) => t !== undefined);
    if (!tokenOk(presented)) return fail(res, 403, "missing or wrong token");
    if (tokenOk(queryToken)) res.setHeader("Set-Cookie", `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);

    if (url.pathname.startsWith("/api/")) return api(req, res, url);
    if (req.method !== "GET" && req.method !== "HEAD") return fail(res, 405, "method not allowed");
    return serveStatic(res, url.pathname);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice("/api/".length);
    const backend = options.backend;
    try {
      if (req.method === "GET" && route === "initial") return json(res, backend.initial());
      if (req.method === "GET" && route === "events") return subscribe(res);
      if (req.method === "GET" && route.startsWith("trace/")) return streamTrace(res, route.slice("trace/".length));
      if (req.method === "GET" && route.startsWith("model/")) return sendModel(res, await backend.readModel(route.slice("model/".length)));
      if (req.method === "GET" && route.startsWith("analysis/")) return json(res, await backend.readAnalysis(route.slice("analysis/".length)));
      if (req.method === "GET" && route === "source") {
        res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
        return void res.end(await runs.readSource(url.searchParams.get("program") ?? undefined, url.searchParams.get("file") ?? undefined));
      }
      if (req.method !== "POST") return fail(res, 405, "method not allowed");
      // A cross-site form can POST text/plain without a preflight; we accept only JSON.
      if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) return fail(res, 415, "expected application/json");
      const body = await readJson(req);
      switch (route) {
        case "open-sample":
          return json(res, backend.openSample(body.name));
        case "open-recent":
          return json(res, backend.openRecent(body.path));
        case "open-file":
          return json(res, backend.openPath(body.path, "file"));
        case "show": {
          const trace = backend.openPath(body.path, "file");
          broadcast(trace);
          return json(res, trace);
        }
        case "note-opened":
          return json(res, backend.noteOpened(body));
        case "open-program":
          return json(res, runs.openProgram(body.path));
        case "run":
          return json(res, runs.run(body));
        case "stop":
          runs.stop(body.runId);
          return json(res, null);
        default:
          return fail(res, 404, `no such API: ${route}`);
      }
    } catch (err) {
      if (err instanceof ApiInputError) return fail(res, 400, err.message);
      if (err instanceof OpenError) return fail(res, 404, err.message);
      throw err;
    }
  }

  function streamTrace(res: http.ServerResponse, id: string): void {
    const file = options.backend.fileOf(id);
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(file.bytes) });
    // 1 MiB reads: a large trace reaches the page several times faster than with 64 KiB ones.
    fs.createReadStream(file.path, { highWaterMark: 1 << 20 }).on("error", () => res.destroy()).pipe(res);
  }

  /**
   * A prepared trace as one binary body (the snapshot) with the rest as JSON in a header,
   * URI-encoded so that any warning text stays within a header's ASCII. The snapshot's parts are
   * written one after another (the body is their concatenation), each as a Buffer view: no copy.
   */
  function sendModel(res: http.ServerResponse, prepared: PreparedParts): void {
    const { parts, ...rest } = prepared.ok ? prepared : { ...prepared, parts: [] };
    let total = 0;
    for (const p of parts) total += p.byteLength;
    res.writeHead(200, {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(total),
      [LOAD_HEADER]: encodeURIComponent(JSON.stringify(rest)),
    });
    for (const p of parts) res.write(Buffer.from(p.buffer, p.byteOffset, p.byteLength));
    res.end();
  }

  function subscribe(res: http.ServerResponse): void {
    res.writeHead(200, { "Content-Type": "text/event-stream", Connection: "keep-alive" });
    res.write(": goroscope\n\n");
    listeners.add(res);
    res.on("close", () => listeners.delete(res));
  }

  function push(event: string, data: unknown): void {
    // JSON has no raw newlines, so one `data:` line carries it whole.
    const msg = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const l of listeners) l.write(msg);
  }
  const broadcast = (trace: TraceDescriptor): void => push("trace-opened", trace);
  function pushRunUpdate(update: RunUpdate): void {
    push("run-update", update);
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return fail(res, 400, "bad path");
    }
    if (rel.includes("\0")) return fail(res, 400, "bad path");
    if (rel === "/" || rel === "") rel = "/index.html";
    const candidate = path.resolve(staticRoot, "." + path.posix.normalize(rel));
    let real: string;
    try {
      real = fs.realpathSync(candidate);
    } catch {
      return fail(res, 404, "not found");
    }
    if (real !== staticRoot && !real.startsWith(staticRoot + path.sep)) return fail(res, 404, "not found");
    if (!fs.statSync(real).isFile()) return fail(res, 404, "not found");
    if (real === path.join(staticRoot, "index.html")) return servePage(res, real);
    res.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(real)] ?? "application/octet-stream" });
    fs.createReadStream(real).pipe(res);
  }

  /**
   * The page, told which trace's model to start downloading while the app's bundle loads: a meta
   * naming it and the early-model script (renderer/src/api/early-model.ts), which downloads it in
   * a worker and hands it to the app. The id is ours (`t<digits>`), never user text.
   */
  function servePage(res: http.ServerResponse, file: string): void {
    let html = fs.readFileSync(file, "utf8");
    let id: string | undefined;
    try {
      id = options.backend.initial().trace?.id;
    } catch {
      // the initial trace cannot be opened: the page will say why when it asks
    }
    if (id !== undefined && /^t\d+$/.test(id)) {
      html = html.replace("<head>", `<head>\n    <meta name="goroscope-initial-model" content="${id}" />\n    <script type="module" async src="./assets/early-model.js"></script>`);
    }
    res.writeHead(200, { "Content-Type": CONTENT_TYPES[".html"]!, "Content-Length": String(Buffer.byteLength(html)) });
    res.end(html);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    runs,
    push,
    close: () =>
      new Promise<void>((resolve) => {
        runs.stopAll();
        for (const l of listeners) l.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

function fail(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ error: message }));
}

function json(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify(value));
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiInputError("request body too large");
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiInputError("request body is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiInputError("request body must be a JSON object");
  return value as Record<string, unknown>;
}
