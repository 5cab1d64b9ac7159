/**
 * Starts the app in browser mode exactly as a user would (`node bin/goroscope.js view TRACE
 * --browser --no-open --port 0`), parses the URL it prints, and stops it. Each server gets its
 * own config folder, so the recent list starts empty and the user's own is never touched.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadModel, type TraceModel } from "../../traces/model";
import { openAnyTrace } from "../../traces/import/any-trace";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const samplesDir = path.join(repoRoot, "traces", "samples");
export const fixturesDir = path.join(__dirname, "fixtures");
const bin = path.join(repoRoot, "bin", "goroscope.js");

export interface ServedApp {
  /** The URL the CLI printed: origin + `/?token=…`. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly configDir: string;
  readonly stdout: string;
  stop(): Promise<void>;
}

/** `trace` undefined serves the default sample. Resolves once the URL is printed. */
export function serveApp(trace?: string, extraArgs: readonly string[] = []): Promise<ServedApp> {
  return serveCli(["view", ...(trace ? [trace] : []), ...extraArgs]);
}

/** `goroscope debug PROGRAM`: the app runs the program and opens on its run. */
export function serveDebug(program: string): Promise<ServedApp> {
  return serveCli(["debug", program]);
}

/** Runs `goroscope <args> --browser --no-open --port 0` with a throwaway config folder; resolves once the URL is printed. */
async function serveCli(command: readonly string[]): Promise<ServedApp> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-e2e-"));
  const args = [bin, ...command, "--browser", "--no-open", "--port", "0"];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, GOROSCOPE_CONFIG_DIR: configDir }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`goroscope ${command[0]} printed no URL in 20 s\n${stdout}${stderr}`)), 20_000);
    child.stdout!.on("data", (b: Buffer) => {
      stdout += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`goroscope ${command[0]} exited ${code}\n${stdout}${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get("token")!,
    configDir,
    stdout,
    stop: () => stopChild(child).then(() => fs.rmSync(configDir, { recursive: true, force: true })),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The trace model of a file, as the app builds it (the tests' source of truth). */
/** The model of a trace file as the app loads it (a Go trace imported first). */
export function modelOf(file: string): TraceModel {
  const any = openAnyTrace(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  if (!any.ok) throw new Error(`${file}: ${any.message}`);
  const r = loadModel(any.bytes);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.model;
}

export interface Finding {
  readonly kind: string;
  readonly message: string;
  readonly seq: number;
  readonly t: number;
  readonly goroutines: readonly { readonly g: number; readonly name: string }[];
}

/** What `goroscope analyze --json` finds in a trace. */
export function findingsOf(file: string): Finding[] {
  const r = spawnSync(process.execPath, [bin, "analyze", "--json", file], { cwd: repoRoot, encoding: "utf8" });
  return (JSON.parse(r.stdout) as { diagnostics: Finding[] }).diagnostics;
}

/** A bundled sample's file, by its name in index.json. */
export const sample = (name: string): string => path.join(samplesDir, samples().find((s) => s.name === name)?.file ?? `${name}.jsonl`);

export interface SampleEntry {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly isDefault: boolean;
}

export function samples(): SampleEntry[] {
  return JSON.parse(fs.readFileSync(path.join(samplesDir, "index.json"), "utf8")) as SampleEntry[];
}
