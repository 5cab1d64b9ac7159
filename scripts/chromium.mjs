/**
 * How the tests and benchmarks start Debian's Chromium (playwright.config.ts, scripts/bench-app.mjs).
 *
 * Chromium 156 builds its omnibox popup (the WebUI "AI mode" page chrome://omnibox-popup.top-chrome,
 * some hundred modules) in a renderer of its own in each new browser: in a Chrome trace of the app
 * benchmark it kept one of the machine's two CPUs busy through the whole first draw (~2.5 s),
 * adding 0.8-1 s to it. An omnibox is browser UI (Electron has none; a browser already running
 * built it long ago), so these features turn it off.
 */

/** Debian's Chromium; PLAYWRIGHT_CHROMIUM overrides it (e.g. a Playwright-downloaded build). */
export const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium";

const DISABLED_FEATURES = ["PreloadTopChromeWebUI", "WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxFullPopupV2"];

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
  `--disable-features=${DISABLED_FEATURES.join(",")}`,
];
