// Vitest global setup: builds dist/ once, so the CLI tests run the current sources.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const script = fileURLToPath(new URL("../scripts/build.mjs", import.meta.url));
  execFileSync(process.execPath, [script], { stdio: ["ignore", "inherit", "inherit"] });
}
