/** Where the app's files live on disk, for the CLI bundle (dist/) and the Electron bundle (out/) alike. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The folder holding goroscope's package.json, found by walking up from this bundle. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, "utf8")).name === "goroscope") return dir;
      } catch {
        // not ours; keep climbing
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find goroscope's package.json above ${from}`);
    dir = up;
  }
}

export const samplesDir = (root = packageRoot()): string => path.join(root, "traces", "samples");

/** The built renderer (electron-vite's output). */
export const rendererDir = (root = packageRoot()): string => path.join(root, "out", "renderer");

/** Per-user settings: $GOROSCOPE_CONFIG_DIR, else $XDG_CONFIG_HOME/goroscope, else ~/.config/goroscope. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GOROSCOPE_CONFIG_DIR) return env.GOROSCOPE_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "goroscope");
}
