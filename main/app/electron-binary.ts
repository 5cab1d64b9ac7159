/**
 * Finds the Electron binary without triggering the `electron` package's lazy download (which
 * cannot work offline and would hang `goroscope view`): the binary exists when the package's
 * path.txt names a file that is present under dist/ (or under $ELECTRON_OVERRIDE_DIST_PATH).
 */
import fs from "node:fs";
import path from "node:path";

export type ElectronLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly why: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const pkg = path.join(root, "node_modules", "electron");
  if (!fs.existsSync(path.join(pkg, "package.json"))) return { found: false, why: "the electron package is not installed" };
  let rel = "electron";
  try {
    rel = fs.readFileSync(path.join(pkg, "path.txt"), "utf8").trim();
  } catch {
    if (!env.ELECTRON_OVERRIDE_DIST_PATH) return { found: false, why: "the Electron binary has not been downloaded (npx install-electron)" };
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel) : path.join(pkg, "dist", rel);
  return fs.existsSync(binary) ? { found: true, path: binary } : { found: false, why: `the Electron binary is missing (${binary})` };
}
