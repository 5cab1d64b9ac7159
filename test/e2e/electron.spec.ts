/**
 * The desktop app itself, in Electron, driven by Playwright's Electron support. The Electron
 * binary cannot be downloaded on these machines: without it the test is skipped and says why
 * (browser mode, tested by every other spec, serves the same renderer and API).
 */
import { _electron as electron, expect, test } from "@playwright/test";
import path from "node:path";
import { findElectronBinary } from "../../main/app/electron-binary";
import { repoRoot, samplesDir } from "./server";

const binary = findElectronBinary(repoRoot);

test("the Electron window opens a trace, names it in its title, and its page has no Node", async () => {
  if (!binary.found) console.log(`electron.spec: skipped: ${binary.why}`);
  test.skip(!binary.found, binary.found ? "" : binary.why);
  const trace = path.join(samplesDir, "leak.jsonl");
  const app = await electron.launch({ executablePath: binary.found ? binary.path : undefined, args: [repoRoot], env: { ...process.env, GOROSCOPE_OPEN: trace } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId("lane-label").first()).toBeVisible();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).toBe("leak.jsonl — Goroscope");
    // The page has the contract and nothing of Node or Electron.
    expect(await page.evaluate(() => typeof (window as unknown as { goroscope?: unknown }).goroscope)).toBe("object");
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe("undefined");
    expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe("undefined");
  } finally {
    await app.close();
  }
});
