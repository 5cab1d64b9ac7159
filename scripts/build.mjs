#!/usr/bin/env node
// Builds what `npx goroscope` and user programs load, with esbuild (CommonJS, Node 20, source maps):
//   dist/cli.cjs      the command line (main/cli/index.ts)
//   dist/worker.cjs   the worker thread that runs a program (main/services/worker-main.ts)
//   dist/prepare.cjs  the worker thread that loads a trace for the app (main/app/prepare-worker.ts)
//   dist/runtime.cjs  the runtime (runtime/index.ts): package.json `exports["./runtime"]`, and the
//                     one instance the worker loads and hands to programs as `goroscope/runtime`
// Dependencies stay external (resolved from node_modules at run time). The runtime is skipped,
// with a warning, while runtime/index.ts does not exist yet.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

const entries = [
  { in: "main/cli/index.ts", out: "cli" },
  { in: "main/services/worker-main.ts", out: "worker" },
  { in: "main/app/prepare-worker.ts", out: "prepare" },
  { in: "runtime/index.ts", out: "runtime", optional: true },
];

const options = {
  absWorkingDir: root,
  outdir: dist,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: true,
  packages: "external",
  logLevel: "warning",
};

/** Builds each entry on its own (one broken entry does not stop the others); rejects if any failed. */
export async function build() {
  const present = entries.filter((e) => fs.existsSync(path.join(root, e.in)));
  for (const e of entries) {
    if (!present.includes(e)) console.warn(`build: ${e.in} does not exist yet; dist/${e.out}.cjs not built`);
  }
  const results = await Promise.allSettled(present.map((e) => esbuild.build({ ...options, entryPoints: [{ in: e.in, out: e.out }] })));
  const failed = present.filter((_, i) => results[i].status === "rejected").map((e) => e.in);
  if (failed.length > 0) throw new Error(`build failed: ${failed.join(", ")}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((err) => {
    // esbuild has already printed why.
    console.error(err.message);
    process.exitCode = 1;
  });
}
