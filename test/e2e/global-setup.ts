/**
 * Builds what the suite serves, once per `playwright test`: the CLI (dist/, when missing — `npm test`
 * has just built it) and the renderer (`electron-vite build` → out/renderer). E2E_SKIP_BUILD=1 skips
 * the renderer build (when iterating on specs against an out/ built by hand).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./server";

export default function globalSetup(): void {
  if (!fs.existsSync(path.join(repoRoot, "dist", "cli.cjs"))) {
    execFileSync(process.execPath, [path.join(repoRoot, "scripts", "build.mjs")], { cwd: repoRoot, stdio: "inherit" });
  }
  if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(path.join(repoRoot, "out", "renderer", "index.html"))) {
    execFileSync(process.execPath, [path.join(repoRoot, "node_modules", "electron-vite", "bin", "electron-vite.js"), "build"], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  fs.mkdirSync(path.join(repoRoot, "test-results", "screenshots"), { recursive: true });
}
