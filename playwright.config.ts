/**
 * The app's end-to-end suite: the built renderer served in browser mode (`goroscope view --browser`)
 * and driven in Debian's Chromium. `npx playwright test` builds the app once (test/e2e/global-setup.ts);
 * each test starts its own server on a free 127.0.0.1 port. Screenshots go to
 * test-results/screenshots/ (git-ignored), named after the view they show.
 */
import { defineConfig } from "@playwright/test";

import { CHROMIUM, CHROMIUM_ARGS } from "./scripts/chromium.mjs";

export { CHROMIUM, CHROMIUM_ARGS };

export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  globalSetup: "./test/e2e/global-setup.ts",
  // Generous: software rendering on a small, shared machine can be slow; passing tests take a few seconds.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
