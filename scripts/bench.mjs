#!/usr/bin/env node
/**
 * `npm run bench`: channel ping-pong round trips per second on Goroscope's runtime (tracing off,
 * trace to a file) beside async-channel, @thi.ng/csp and a bare promise hand-off, all in one run.
 * Prints a table and writes bench-results/runtime.json. Targets are reported, not enforced: the
 * exit code is 0 whether they are met or missed, and 1 only when a case itself failed.
 *
 * Options: --n <round trips per case> (200000)  --rounds <timed rounds> (5)  --warmups <n> (2)
 *          --cap <buffered capacity> (1)  --only <substring of case ids>  --out <json path>
 * See docs/benchmarks.md.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { peerCases } from "../bench/peers.mjs";
import { loadRuntime, ourCases, scratchTracePath } from "../bench/ours.mjs";
import { measure } from "../bench/measure.mjs";
import { buildRows, formatTable, formatTraceSizes, formatVerdicts, writeJson } from "../bench/report.mjs";

const USAGE = "usage: node scripts/bench.mjs [--n 200000] [--rounds 5] [--warmups 2] [--cap 1] [--only ID] [--out FILE]";
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      n: { type: "string", default: "200000" },
      rounds: { type: "string", default: "5" },
      warmups: { type: "string", default: "2" },
      cap: { type: "string", default: "1" },
      only: { type: "string" },
      out: { type: "string", default: fileURLToPath(new URL("../bench-results/runtime.json", import.meta.url)) },
    },
  }));
} catch (err) {
  console.error(`bench: ${err.message}\n${USAGE}`);
  process.exit(2);
}
const config = {
  n: Number(args.n),
  rounds: Number(args.rounds),
  warmups: Number(args.warmups),
  bufferedCap: Number(args.cap),
};
for (const [key, value] of Object.entries(config)) {
  if (!Number.isInteger(value) || value < (key === "warmups" ? 0 : 1)) {
    console.error(`bench: --${key === "bufferedCap" ? "cap" : key} must be an integer >= ${key === "warmups" ? 0 : 1}\n${USAGE}`);
    process.exit(2);
  }
}

const { rt, reason } = loadRuntime();
const tracePath = scratchTracePath();
const cases = selectCases([...peerCases(config.bufferedCap), ...(rt ? ourCases(rt, config.bufferedCap, tracePath) : [])], args.only);

/** Cases whose id contains `only`, plus what their ratios need: their group's peers, untraced twins. */
function selectCases(all, only) {
  if (!only) return all;
  const picked = all.filter((c) => c.id.includes(only));
  const needed = (c) =>
    picked.includes(c) ||
    (c.role === "peer" && picked.some((p) => p.group === c.group)) ||
    picked.some((p) => p.untracedId === c.id);
  return all.filter(needed);
}

console.log(`goroscope bench: ping-pong, ${config.n} round trips per case, ${config.warmups} warm-ups, median of ${config.rounds} interleaved rounds; buffered cap ${config.bufferedCap}; node ${process.version}`);
if (!rt) console.log(`${reason}: measuring the peers only`);

const started = Date.now();
let results;
try {
  results = await measure(cases, {
    ...config,
    onProgress: (round, total) => console.log(`  round ${round}/${total}${round <= config.warmups ? " (warm-up)" : ""} done, ${((Date.now() - started) / 1000).toFixed(1)} s`),
  });
} catch (err) {
  console.error(`bench: a case failed, no results written\n${err?.stack ?? err}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tracePath, { force: true });
}

if (results) {
  const rows = buildRows(cases, results, config.n);
  console.log(`\n${formatTable(rows)}\n`);
  const sizes = formatTraceSizes(rows, config.n);
  if (sizes) console.log(`${sizes}\n`);
  const verdicts = formatVerdicts(rows);
  console.log(verdicts || "targets not measured: runtime not built");
  const out = writeJson(args.out, { rows, config: { ...config, only: args.only }, runtime: rt ? { built: true } : { built: false, reason } });
  console.log(`\nwrote ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
