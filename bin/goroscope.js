#!/usr/bin/env node
// The `goroscope` command (package.json `bin`): runs dist/cli.cjs, building dist/ first when a
// checkout has not been built yet (an installed package is built by its `prepare` script).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const built = ["cli.cjs", "worker.cjs", "runtime.cjs"].every((f) => fs.existsSync(path.join(root, "dist", f)));
if (!built) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0 || !fs.existsSync(path.join(root, "dist", "cli.cjs"))) {
    process.stderr.write("goroscope: the build failed (npm run build shows why)\n");
    process.exit(2);
  }
}
require(path.join(root, "dist", "cli.cjs"));
