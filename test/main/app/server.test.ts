// Browser mode's server over real HTTP: the token (query → cookie, cookie, header), the Host
// check, static files confined to the renderer folder, JSON-only POSTs, the security headers,
// and the event stream that tells the page to show a trace.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunService } from "../../../main/app/runs";
import { createBackend } from "../../../main/app/backend";
import { CONTENT_SECURITY_POLICY, startServer, TOKEN_COOKIE, type BrowserServer } from "../../../main/app/server";
import { decodeModelSnapshot } from "../../../traces/model";
import { makeAppRoot, raw, SAMPLE_TRACE, type AppRoot } from "./app-fixture";

const TOKEN = "a".repeat(64);
let app: AppRoot;
let server: BrowserServer;

/** Runs are not under test here: a service that refuses everything. */
const noRuns: RunService = {
  openProgram: () => { throw new Error("no runs in this test"); },
  run: () => { throw new Error("no runs in this test"); },
  stop: () => undefined,
  readSource: async () => "",
  stopAll: () => undefined,
};

beforeAll(async () => {
  app = makeAppRoot();
  // The real dist/: traces are loaded by dist/prepare.cjs.
  const distDir = path.resolve(__dirname, "../../../dist");
  const backend = createBackend({ mode: "browser", root: app.root, configDir: app.configDir, openDefaultSample: true, distDir });
  server = await startServer({ backend, staticDir: app.staticDir, token: TOKEN, distDir: path.join(app.root, "dist"), runs: noRuns });
});

afterAll(async () => {
  await server.close();
  app.cleanup();
});

const auth = { "X-Goroscope-Token": TOKEN };
const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(server.port, { method: "POST", path: `/api/${route}`, headers: { ...auth, "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("browser-mode server: where it listens", () => {
  it("listens on 127.0.0.1 only and prints a URL carrying the token", () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it("refuses connections on the machine's other addresses", async () => {
    const others = Object.values(os.networkInterfaces()).flat().filter((i) => i && i.family === "IPv4" && !i.internal);
    for (const iface of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: iface!.address, port: server.port });
        s.once("connect", () => { s.destroy(); resolve(false); });
        s.once("error", () => resolve(true));
      });
      expect(refused, `reachable on ${iface!.address}`).toBe(true);
    }
  });
});

describe("browser-mode server: the token", () => {
  it("refuses a request without a token, or with a wrong one, and serves nothing", async () => {
    const cases: Record<string, string>[] = [{}, { "X-Goroscope-Token": "b".repeat(64) }, { "X-Goroscope-Token": "short" }, { Cookie: `${TOKEN_COOKIE}=nope` }];
    for (const headers of cases) {
      for (const p of ["/", "/index.html", "/api/initial"]) {
        const r = await raw(server.port, { path: p, headers });
        expect(r.status, `${p} ${JSON.stringify(headers)}`).toBe(403);
        expect(r.body).not.toContain("stand-in");
      }
    }
    expect((await raw(server.port, { path: "/?token=wrong" })).status).toBe(403);
  });

  it("accepts the token in the query and sets a strict, HttpOnly cookie for the page's later requests", async () => {
    const r = await raw(server.port, { path: `/?token=${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.body).toContain("stand-in");
    const cookie = String(r.headers["set-cookie"]);
    expect(cookie).toContain(`${TOKEN_COOKIE}=${TOKEN}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
  });

  it("accepts the cookie alone", async () => {
    const r = await raw(server.port, { path: "/assets/app.js", headers: { Cookie: `other=1; ${TOKEN_COOKIE}=${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/javascript/);
  });

  it("accepts the X-Goroscope-Token header", async () => {
    const r = await raw(server.port, { path: "/api/initial", headers: auth });
    expect(r.status).toBe(200);
    const initial = JSON.parse(r.body);
    expect(initial.mode).toBe("browser");
    expect(initial.version).toBe("9.8.7");
    expect(initial.trace).toMatchObject({ name: "second.jsonl", origin: "sample" });
    expect(initial.samples.map((s: { name: string }) => s.name)).toEqual(["first", "second", "climber"]);
  });

  it("does not let a wrong query token override a good cookie into a cookie reset", async () => {
    const r = await raw(server.port, { path: "/?token=wrong", headers: { Cookie: `${TOKEN_COOKIE}=${TOKEN}` } });
    expect(r.status).toBe(403);
    expect(r.headers["set-cookie"]).toBeUndefined();
  });
});

describe("browser-mode server: the Host header", () => {
  it("refuses a foreign Host even with the token (DNS rebinding)", async () => {
    for (const host of ["evil.example", `evil.example:${server.port}`, "127.0.0.1", `127.0.0.1:${server.port + 1}`, `localhost.evil:${server.port}`]) {
      const r = await raw(server.port, { path: `/?token=${TOKEN}`, host, headers: auth });
      expect(r.status, host).toBe(403);
      expect(r.body).not.toContain("stand-in");
    }
  });

  it("accepts localhost with our port", async () => {
    expect((await raw(server.port, { path: "/", host: `localhost:${server.port}`, headers: auth })).status).toBe(200);
  });
});

describe("browser-mode server: static files", () => {
  it("serves nothing outside the renderer folder", async () => {
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fpackage.json", "/../package.json", "/%2e%2e/%2e%2e/package.json"]) {
      const r = await raw(server.port, { path: p, headers: auth });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body, p).not.toContain("top secret");
      expect(r.body, p).not.toContain("9.8.7");
    }
  });

  it("refuses a NUL byte and a malformed escape", async () => {
    expect((await raw(server.port, { path: "/index.html%00.js", headers: auth })).status).toBe(400);
    expect((await raw(server.port, { path: "/%E0%A4%A", headers: auth })).status).toBe(400);
  });

  it("answers 404 for a folder or a missing file, and 405 for other methods", async () => {
    expect((await raw(server.port, { path: "/assets", headers: auth })).status).toBe(404);
    expect((await raw(server.port, { path: "/nope.js", headers: auth })).status).toBe(404);
    expect((await raw(server.port, { method: "PUT", path: "/index.html", headers: auth })).status).toBe(405);
  });

  it("sends the CSP, nosniff, no-referrer and no-store on every response, refusals included", async () => {
    for (const headers of [auth, {}]) {
      const r = await raw(server.port, { path: "/", headers });
      expect(r.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
      expect(r.headers["cache-control"]).toBe("no-store");
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe("browser-mode server: the API", () => {
  it("refuses a POST that is not JSON (415), whatever its body", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const r = await raw(server.port, { method: "POST", path: "/api/open-sample", headers: { ...auth, ...(type ? { "Content-Type": type } : {}) }, body: '{"name":"first"}' });
      expect(r.status, type).toBe(415);
    }
  });

  it("refuses a body that is not a JSON object, and one that is too large (400)", async () => {
    for (const body of ["not json", "[1]", "null", '"x"']) {
      const r = await raw(server.port, { method: "POST", path: "/api/open-sample", headers: { ...auth, "Content-Type": "application/json" }, body });
      expect(r.status, body).toBe(400);
    }
    const big = await post("open-sample", { name: "x".repeat(70 * 1024) });
    expect(big.status).toBe(400);
  });

  it("opens a sample and streams its bytes by handle", async () => {
    const r = await post("open-sample", { name: "first" });
    expect(r.status).toBe(200);
    const d = JSON.parse(r.body);
    expect(d).toMatchObject({ name: "first.jsonl", origin: "sample", bytes: SAMPLE_TRACE.length });
    expect(d.path).toBeUndefined();
    const bytes = await raw(server.port, { path: `/api/trace/${d.id}`, headers: auth });
    expect(bytes.status).toBe(200);
    expect(bytes.body).toBe(SAMPLE_TRACE);
  });

  it("sends an opened trace as a model snapshot (its parts in one body) with its load summary in a header, then its findings", async () => {
    const d = JSON.parse((await post("open-sample", { name: "first" })).body);
    const r = await raw(server.port, { path: `/api/model/${d.id}`, headers: auth });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("application/octet-stream");
    expect(JSON.parse(decodeURIComponent(String(r.headers["x-goroscope-load"])))).toEqual({ ok: true, warnings: [] });
    // The body is the snapshot's parts written one after another, with their total as its length.
    expect(Number(r.headers["content-length"])).toBe(r.bytes.length);
    const model = decodeModelSnapshot(r.bytes);
    expect(model.eventCount).toBe(1);
    expect(model.event(0)).toEqual({ seq: 1, t: 0, g: 1, k: "main.return" });
    const a = await raw(server.port, { path: `/api/analysis/${d.id}`, headers: auth });
    expect(JSON.parse(a.body)).toEqual({ diagnostics: [], output: [] });
    for (const route of ["model", "analysis"]) {
      expect((await raw(server.port, { path: `/api/${route}/t999`, headers: auth })).status).toBe(400);
      expect((await raw(server.port, { path: `/api/${route}/${d.id}` })).status).toBe(403);
    }
  });

  it("has the page start downloading the initial trace's model early, by its handle", async () => {
    const page = path.join(app.staticDir, "index.html");
    const standIn = fs.readFileSync(page, "utf8");
    fs.writeFileSync(page, "<!doctype html><html><head><title>stand-in</title></head><body></body></html>");
    try {
      const r = await raw(server.port, { path: "/", headers: auth });
      const id = JSON.parse((await raw(server.port, { path: "/api/initial", headers: auth })).body).trace.id;
      expect(id).toMatch(/^t\d+$/);
      expect(r.body).toContain(`<head>\n    <meta name="goroscope-initial-model" content="${id}" />\n    <script type="module" async src="./assets/early-model.js"></script>`);
      expect(Number(r.headers["content-length"])).toBe(Buffer.byteLength(r.body));
      expect(r.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      fs.writeFileSync(page, standIn);
    }
  });

  it("validates sample names and trace ids (400) and reports unknown ones (404)", async () => {
    for (const name of ["../package", "..", "a/b", "", 7, null]) expect((await post("open-sample", { name })).status, String(name)).toBe(400);
    expect((await post("open-sample", { name: "nope" })).status).toBe(404);
    // The index names ../../package.json; only its base name is looked up, inside the samples folder.
    expect((await post("open-sample", { name: "climber" })).status).toBe(404);
    expect((await raw(server.port, { path: "/api/trace/t999", headers: auth })).status).toBe(400);
    expect((await raw(server.port, { path: "/api/trace/..%2f..%2fpackage.json", headers: auth })).status).toBe(400);
  });

  it("opens only recent files that are in the recent list", async () => {
    expect((await post("open-recent", { path: path.join(app.root, "package.json") })).status).toBe(400);
  });

  it("answers 404 for an unknown route and 405 for a GET of a POST route", async () => {
    expect((await post("format-disk", {})).status).toBe(404);
    expect((await raw(server.port, { path: "/api/show", headers: auth })).status).toBe(405);
  });

  it("pushes trace-opened on /api/events after POST /api/show, and adds the file to the recent list", async () => {
    const events = await openEventStream(server.port);
    try {
      const shown = await post("show", { path: app.tracePath });
      expect(shown.status).toBe(200);
      const descriptor = JSON.parse(shown.body);
      expect(descriptor).toMatchObject({ name: "elsewhere.jsonl", path: app.tracePath, origin: "file" });
      const pushed = await events.next("trace-opened");
      expect(pushed).toEqual(descriptor);
      const initial = JSON.parse((await raw(server.port, { path: "/api/initial", headers: auth })).body);
      expect(initial.recent[0].path).toBe(app.tracePath);
      expect((await post("open-recent", { path: app.tracePath })).status).toBe(200);
    } finally {
      events.close();
    }
  });

  it("answers 404 with a readable message for a missing file shown through the API", async () => {
    const r = await post("show", { path: path.join(app.root, "missing.jsonl") });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).error).toMatch(/no such file/);
  });

  it("refuses the event stream without the token", async () => {
    expect((await raw(server.port, { path: "/api/events" })).status).toBe(403);
  });
});

interface EventStream {
  next(event: string): Promise<unknown>;
  close(): void;
}

/** Opens /api/events and resolves once the server's greeting has arrived. */
function openEventStream(port: number): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const waiting: { event: string; resolve: (v: unknown) => void }[] = [];
    const req = http.request({ host: "127.0.0.1", port, path: "/api/events", headers: auth, agent: false }, (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/event-stream");
      res.setEncoding("utf8");
      let greeted = false;
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!greeted) {
            greeted = true;
            resolve({ next, close: () => req.destroy() });
            continue;
          }
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const i = waiting.findIndex((w) => w.event === event);
          if (i !== -1 && data !== undefined) waiting.splice(i, 1)[0]!.resolve(JSON.parse(data));
        }
      });
    });
    req.on("error", (err) => (err.message.includes("socket hang up") ? undefined : reject(err)));
    req.end();
    const next = (event: string) => new Promise<unknown>((res) => waiting.push({ event, resolve: res }));
  });
}
