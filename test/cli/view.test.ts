// `goroscope view`: a missing trace is exit 2 with one clear line; browser mode prints a URL with
// the token and serves the app behind it; without an Electron binary it says so and falls back.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goroscope, repoRoot, tempDir } from "./cli-helpers";

const bin = path.join(repoRoot, "bin", "goroscope.js");
const sample = path.join("traces", "samples", "worker-pools.jsonl");
const dir = tempDir();
const children: ChildProcess[] = [];

beforeAll(() => {
  // Browser mode serves the built renderer; build it if nobody has (the build takes a second or two).
  if (!fs.existsSync(path.join(repoRoot, "out", "renderer", "index.html"))) {
    execFileSync(process.execPath, [path.join(repoRoot, "node_modules", "electron-vite", "bin", "electron-vite.js"), "build"], { cwd: repoRoot, stdio: "ignore" });
  }
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Served {
  readonly child: ChildProcess;
  readonly url: URL;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `goroscope view ARGS` and resolves once it has printed its URL. */
function serve(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Served> {
  const child = spawn(process.execPath, [bin, "view", ...args], { cwd: repoRoot, env: { ...env, GOROSCOPE_CONFIG_DIR: dir } });
  children.push(child);
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 20 s; stdout: ${stdout} stderr: ${stderr}`)), 20_000);
    child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
    child.stdout!.on("data", (b: Buffer) => {
      stdout += b.toString();
      const m = /(http:\/\/\S+)/.exec(stdout);
      if (m && stdout.includes("\n")) {
        clearTimeout(timer);
        resolve({ child, url: new URL(m[1]!), stdout, stderr });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`view exited ${code}; stdout: ${stdout} stderr: ${stderr}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill();
  });
}

describe("goroscope view", () => {
  it("exits 2 with one clear line for a trace that does not exist", () => {
    const r = goroscope(["view", "missing.jsonl", "--browser", "--no-open"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.jsonl: no such file/);
  });

  it("exits 2 for a folder named as the trace", () => {
    const r = goroscope(["view", "traces", "--browser", "--no-open"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^goroscope: traces: (no such file|not a file)/m);
  });

  it("refuses a port that is not a port", () => {
    const r = goroscope(["view", "--browser", "--no-open", "--port", "70000"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/port/);
  });

  it("--browser --no-open --port 0 prints a 127.0.0.1 URL with a token, and serves the app and the trace behind it", async () => {
    const s = await serve([sample, "--browser", "--no-open", "--port", "0"]);
    try {
      expect(s.stdout).toMatch(/^Goroscope is serving worker-pools\.jsonl at http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}\n/);
      expect(s.url.hostname).toBe("127.0.0.1");
      expect(Number(s.url.port)).toBeGreaterThan(0);
      const token = s.url.searchParams.get("token")!;
      const page = await fetch(s.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect((await fetch(new URL("/", s.url))).status).toBe(403);

      const initial = await (await fetch(new URL("/api/initial", s.url), { headers: { "X-Goroscope-Token": token } })).json();
      expect(initial.mode).toBe("browser");
      expect(initial.trace).toMatchObject({ name: "worker-pools.jsonl", origin: "cli" });
      const bytes = await (await fetch(new URL(`/api/trace/${initial.trace.id}`, s.url), { headers: { "X-Goroscope-Token": token } })).text();
      expect(bytes).toBe(fs.readFileSync(path.join(repoRoot, sample), "utf8"));
    } finally {
      await stop(s.child);
    }
  });

  it("without a trace, serves the default sample", async () => {
    const s = await serve(["--browser", "--no-open", "--port", "0"]);
    try {
      expect(s.stdout).toContain("Goroscope is serving the default sample at http://127.0.0.1:");
      const token = s.url.searchParams.get("token")!;
      const initial = await (await fetch(new URL("/api/initial", s.url), { headers: { "X-Goroscope-Token": token } })).json();
      const def = JSON.parse(fs.readFileSync(path.join(repoRoot, "traces", "samples", "index.json"), "utf8")).find((e: { isDefault: boolean }) => e.isDefault);
      expect(initial.trace).toMatchObject({ name: def.file, origin: "sample" });
    } finally {
      await stop(s.child);
    }
  });

  it("says why it falls back to browser mode when the Electron binary is missing", async () => {
    const empty = fs.mkdtempSync(path.join(dir, "no-electron-"));
    const s = await serve([sample, "--no-open", "--port", "0"], { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty });
    try {
      // stderr may arrive just after stdout: give it a moment.
      for (let i = 0; i < 50 && !s.stderr.includes("\n"); i++) await new Promise((r) => setTimeout(r, 20));
      const stderr = s.stderr + (await drain(s.child));
      expect(stderr).toMatch(/^goroscope: the Electron binary is missing \(.*\); opening in browser mode instead$/m);
      expect(s.url.hostname).toBe("127.0.0.1");
    } finally {
      await stop(s.child);
    }
  });

  it("exits 2 when the port is taken", async () => {
    const s = await serve([sample, "--browser", "--no-open", "--port", "0"]);
    try {
      const r = goroscope(["view", sample, "--browser", "--no-open", "--port", s.url.port]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${s.url.port}`));
    } finally {
      await stop(s.child);
    }
  });
});

/** Whatever more the child writes to stderr in the next 100 ms. */
function drain(child: ChildProcess): Promise<string> {
  let more = "";
  const on = (b: Buffer) => (more += b.toString());
  child.stderr!.on("data", on);
  return new Promise((resolve) => setTimeout(() => {
    child.stderr!.off("data", on);
    resolve(more);
  }, 100));
}
