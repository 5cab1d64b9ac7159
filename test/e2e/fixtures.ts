/**
 * Playwright fixtures: `serve(trace?)` starts a browser-mode server for the test (stopped after it),
 * `app` is the page object on the default sample's server, and `dialogs` records every dialog the
 * page opens (a trace string interpreted as code would open one); a test fails if any fired.
 */
import { test as base, expect } from "@playwright/test";
import { AppPage } from "./app-page";
import { serveApp, type ServedApp } from "./server";

interface Fixtures {
  serve: (trace?: string) => Promise<ServedApp>;
  /** The page object on a server of `traceFile` (option; default: the default sample). */
  app: AppPage;
  traceFile: string | undefined;
  dialogs: string[];
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  traceFile: [undefined, { option: true }],
  serve: async ({}, use) => {
    const started: ServedApp[] = [];
    await use(async (trace?: string) => {
      const s = await serveApp(trace);
      started.push(s);
      return s;
    });
    await Promise.all(started.map((s) => s.stop()));
  },
  dialogs: async ({ page }, use) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await use(dialogs);
    expect(dialogs, "the page opened a dialog").toEqual([]);
  },
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      // On failure, say what the page complained about (a blank page is otherwise a mystery).
      if (testInfo.status !== testInfo.expectedStatus && errors.length > 0) {
        await testInfo.attach("page-errors", { body: errors.join("\n"), contentType: "text/plain" });
        console.log(`page errors in "${testInfo.title}":\n  ${errors.join("\n  ")}`);
      }
    },
    { auto: true },
  ],
  app: async ({ page, serve, traceFile, dialogs }, use) => {
    void dialogs;
    const server = await serve(traceFile);
    const app = new AppPage(page, server);
    await app.goto();
    await use(app);
  },
});

export { expect };
