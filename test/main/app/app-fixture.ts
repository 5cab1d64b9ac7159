// A throwaway package root for the app's backend and server: package.json, two samples and a
// built-renderer stand-in (out/renderer/index.html), plus a raw HTTP client that can set any Host.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export const SAMPLE_TRACE = [
  '{"format":"goroscope","version":1,"program":"p.ts","clock":"virtual","seed":0,"timeUnit":"ns","epoch":1257894000000}',
  '{"seq":1,"t":0,"g":1,"k":"main.return"}',
  '{"end":"main-returned","t":0,"seq":1,"exitCode":0,"goroutines":[]}',
  "",
].join("\n");

export interface AppRoot {
  readonly root: string;
  readonly staticDir: string;
  readonly configDir: string;
  /** A trace outside the samples folder. */
  readonly tracePath: string;
  cleanup(): void;
}

export function makeAppRoot(): AppRoot {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-app-"));
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "goroscope", version: "9.8.7" }));
  const samples = path.join(root, "traces", "samples");
  fs.mkdirSync(samples, { recursive: true });
  fs.writeFileSync(path.join(samples, "first.jsonl"), SAMPLE_TRACE);
  fs.writeFileSync(path.join(samples, "second.jsonl"), SAMPLE_TRACE);
  fs.writeFileSync(
    path.join(samples, "index.json"),
    JSON.stringify([
      { name: "first", file: "first.jsonl", title: "First", description: "d1", events: 1, goroutines: 1, isDefault: false },
      { name: "second", file: "second.jsonl", title: "Second", description: "d2", events: 1, goroutines: 1, isDefault: true },
      // An index entry whose file tries to climb out: the backend keeps only its base name.
      { name: "climber", file: "../../package.json", title: "x", description: "x", events: 0, goroutines: 0, isDefault: false },
    ]),
  );
  const staticDir = path.join(root, "out", "renderer");
  fs.mkdirSync(path.join(staticDir, "assets"), { recursive: true });
  fs.writeFileSync(path.join(staticDir, "index.html"), "<!doctype html><title>stand-in</title>");
  fs.writeFileSync(path.join(staticDir, "assets", "app.js"), "console.log(1)");
  // A secret beside the static folder that no URL may reach.
  fs.writeFileSync(path.join(root, "out", "secret.txt"), "top secret");
  const configDir = path.join(root, "config");
  const tracePath = path.join(root, "elsewhere.jsonl");
  fs.writeFileSync(tracePath, SAMPLE_TRACE);
  return { root, staticDir, configDir, tracePath, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly bytes: Uint8Array;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Host header; default `127.0.0.1:PORT`. */
  readonly host?: string;
}

/** One HTTP request with full control over the path (no normalization) and the Host header. */
export function raw(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port,
        method: req.method ?? "GET",
        path: req.path,
        headers: { Host: req.host ?? `127.0.0.1:${port}`, ...(req.headers ?? {}) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString("utf8"), bytes: new Uint8Array(bytes) });
        });
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
