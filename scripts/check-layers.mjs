#!/usr/bin/env node
// Enforces the dependency direction of docs/architecture.md: who may import whom.
//   traces/**   → traces/** only (no runtime, main, renderer; no node:* — it runs in the renderer too)
//   runtime/**  → runtime/**, traces/format, traces/writer (no node:*, no main, no renderer)
//   main/**     → anything but renderer/
//   renderer/** → renderer/**, traces/**, and `import type` from main/api; never node:* or electron
// Exits 1 listing every violation.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname, sep } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(e) && !/\.test\.tsx?$/.test(e)) yield p;
  }
}

const layerOf = (file) => relative(root, file).split(sep)[0];

function allowed(layer, file, spec, typeOnly) {
  const isNode = spec.startsWith("node:") || ["fs", "path", "os", "child_process", "worker_threads", "electron"].includes(spec);
  if (!spec.startsWith(".")) {
    if (layer === "traces" || layer === "runtime") return !isNode;
    if (layer === "renderer") return !isNode;
    return true;
  }
  const target = relative(root, resolve(dirname(file), spec)).split(sep);
  const to = target[0];
  switch (layer) {
    case "traces":
      return to === "traces";
    case "runtime":
      return to === "runtime" || (to === "traces" && ["format", "writer"].includes(target[1]));
    case "main":
      return to !== "renderer";
    case "renderer":
      return to === "renderer" || to === "traces" || (typeOnly && to === "main" && target[1]?.startsWith("api"));
    default:
      return true;
  }
}

const problems = [];
for (const layer of ["traces", "runtime", "main", "renderer"]) {
  for (const file of files(join(root, layer))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4] ?? m[5] ?? m[6];
      if (spec && !allowed(layer, file, spec, Boolean(m[2]))) problems.push(`${relative(root, file)}: ${layer}/ may not import "${spec}"`);
    }
  }
}
if (problems.length > 0) {
  console.error(`layer check: ${problems.length} violation(s)\n` + problems.join("\n"));
  process.exit(1);
}
console.log("layer check: ok");
