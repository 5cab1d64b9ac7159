// The browser-mode server as a browser and other local programs see it: the token, the Host
// check, and 127.0.0.1 only.
import http from "node:http";
import net from "node:net";
import os from "node:os";
import { test, expect } from "./fixtures";

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers: { Host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
}

test("the server wants the token and our Host, and listens on 127.0.0.1 only", async ({ serve, page }) => {
  const app = await serve();
  expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  expect(await get(app.port, "/")).toBe(403);
  expect(await get(app.port, "/api/initial")).toBe(403);
  expect(await get(app.port, "/?token=" + "0".repeat(64))).toBe(403);
  expect(await get(app.port, "/api/initial", { "X-Goroscope-Token": "0".repeat(64) })).toBe(403);
  expect(await get(app.port, `/?token=${app.token}`, { Host: "attacker.example" })).toBe(403);
  expect(await get(app.port, "/api/initial", { Host: `attacker.example:${app.port}`, "X-Goroscope-Token": app.token })).toBe(403);
  expect(await get(app.port, `/?token=${app.token}`)).toBe(200);
  expect(await get(app.port, "/api/initial", { "X-Goroscope-Token": app.token })).toBe(200);
  for (const iface of Object.values(os.networkInterfaces()).flat()) {
    if (!iface || iface.internal || iface.family !== "IPv4") continue;
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: iface.address, port: app.port });
      s.once("connect", () => { s.destroy(); resolve(false); });
      s.once("error", () => resolve(true));
    });
    expect(refused, `reachable on ${iface.address}`).toBe(true);
  }
  // A browser without the token gets the refusal, not the app.
  const denied = await page.goto(app.origin + "/");
  expect(denied?.status()).toBe(403);
  expect(await page.content()).not.toContain("timeline");
  // With it, the page loads and keeps working on the cookie alone (the URL's token is not needed again).
  await page.goto(app.url);
  await expect(page.getByTestId("timeline")).toBeVisible();
  const withCookie = await page.evaluate(async () => (await fetch("/api/initial")).status);
  expect(withCookie).toBe(200);
});
