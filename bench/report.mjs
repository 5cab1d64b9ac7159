/**
 * Turns raw samples into rows (rates, ratios, targets), prints them as a table and writes them as
 * JSON. Ratios are time ratios (>1 = slower) and are medians of per-round ratios: cases in one round
 * ran back to back, so pairing by round cancels the machine's drift between rounds.
 *
 * Targets (reported, never asserted):
 * - tracing off: at most 1.00x the time of the fastest peer library of the same group;
 * - trace to a file: at most 1.50x the time of the same case with tracing off.
 * The bare promise hand-off is the floor, not a peer: it is shown for scale only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { median, pairedRatios, relativeMad } from "./stats.mjs";

export const MAX_UNTRACED_VS_PEER = 1.0;
export const MAX_TRACED_VS_UNTRACED = 1.5;

function fastestPeer(cases, results, group) {
  let best;
  for (const c of cases) {
    if (c.group !== group || c.role !== "peer") continue;
    const ns = median(results.get(c.id).samples);
    if (best === undefined || ns < best.ns) best = { c, ns };
  }
  return best?.c;
}

function ratio(results, id, baseId) {
  return median(pairedRatios(results.get(id).samples, results.get(baseId).samples));
}

const GROUP_ORDER = ["unbuffered", "buffered"];

/** One row per case, grouped (unbuffered, then buffered), in case order within a group. */
export function buildRows(cases, results, n) {
  const ordered = [...cases].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
  return ordered.map((c) => {
    const { samples, extras } = results.get(c.id);
    const ns = median(samples);
    const peer = fastestPeer(cases, results, c.group);
    const row = {
      name: c.label,
      id: c.id,
      group: c.group,
      role: c.role,
      roundTripsPerSec: 1e9 / ns,
      nsPerRoundTrip: ns,
      relativeMad: relativeMad(samples),
      fastestPeer: peer?.label,
      ratioToFastestPeer: peer === undefined ? undefined : ratio(results, c.id, peer.id),
      ratioTracedUntraced: c.traced ? ratio(results, c.id, c.untracedId) : undefined,
      target: undefined,
      pass: undefined,
      samplesNsPerRoundTrip: samples,
    };
    if (extras.traceBytes !== undefined) row.traceBytesPerRoundTrip = extras.traceBytes / n;
    if (c.role === "ours" && !c.traced) {
      row.target = `<= ${MAX_UNTRACED_VS_PEER.toFixed(2)}x fastest peer`;
      row.pass = row.ratioToFastestPeer <= MAX_UNTRACED_VS_PEER;
    } else if (c.traced) {
      row.target = `<= ${MAX_TRACED_VS_UNTRACED.toFixed(2)}x untraced`;
      row.pass = row.ratioTracedUntraced <= MAX_TRACED_VS_UNTRACED;
    }
    return row;
  });
}

function rate(perSec) {
  return perSec >= 1e6 ? `${(perSec / 1e6).toFixed(2)} M` : `${(perSec / 1e3).toFixed(0)} k`;
}
const times = (x) => (x === undefined ? "" : `${x.toFixed(2)}x`);

/** The table as text, one section per group. */
export function formatTable(rows) {
  const header = ["case", "round trips/s", "ns/rt", "± MAD", "vs fastest peer", "traced/untraced", "target", "result"];
  const body = rows.map((r) => [
    r.name,
    rate(r.roundTripsPerSec),
    r.nsPerRoundTrip.toFixed(0),
    `${(r.relativeMad * 100).toFixed(1)}%`,
    times(r.ratioToFastestPeer),
    times(r.ratioTracedUntraced),
    r.target ?? "",
    r.pass === undefined ? "" : r.pass ? "PASS" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const left = new Set([0, 6, 7]);
  const line = (cells) => cells.map((s, i) => (left.has(i) ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join("  ").trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  let group;
  rows.forEach((r, i) => {
    if (r.group !== group) {
      group = r.group;
      out.push(`[${group}]`);
    }
    out.push(line(body[i]));
  });
  return out.join("\n");
}

/** One sentence per target, missed ones first. */
export function formatVerdicts(rows) {
  const judged = rows.filter((r) => r.pass !== undefined);
  const ordered = [...judged.filter((r) => !r.pass), ...judged.filter((r) => r.pass)];
  return ordered
    .map((r) => {
      const traced = r.ratioTracedUntraced !== undefined;
      const value = traced ? r.ratioTracedUntraced : r.ratioToFastestPeer;
      const against = traced ? "the same case untraced" : `the fastest peer (${r.fastestPeer})`;
      return `target ${r.pass ? "met   " : "MISSED"}  ${r.name}: ${value.toFixed(2)}x the time of ${against}; target ${r.target}`;
    })
    .join("\n");
}

/** What the traced runs wrote, one line per traced case. */
export function formatTraceSizes(rows, n) {
  return rows
    .filter((r) => r.traceBytesPerRoundTrip !== undefined)
    .map((r) => `trace  ${r.name}: ${r.traceBytesPerRoundTrip.toFixed(0)} bytes per round trip, ${((r.traceBytesPerRoundTrip * n) / 2 ** 20).toFixed(1)} MiB per run`)
    .join("\n");
}

/** Writes the machine-readable results; returns the path written. */
export function writeJson(file, { rows, config, runtime }) {
  const doc = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    config,
    runtime,
    results: rows,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Absent values as null, so every row has the same keys.
  const json = JSON.stringify(doc, (_key, value) => (value === undefined ? null : value), 2);
  fs.writeFileSync(file, `${json}\n`);
  return file;
}
