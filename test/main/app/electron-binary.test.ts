// Finding the Electron binary without triggering the electron package's download.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findElectronBinary } from "../../../main/app/electron-binary";

let root: string;
const pkg = () => path.join(root, "node_modules", "electron");
beforeEach(() => void (root = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-electron-"))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function installPackage(pathTxt?: string): void {
  fs.mkdirSync(pkg(), { recursive: true });
  fs.writeFileSync(path.join(pkg(), "package.json"), "{}");
  if (pathTxt !== undefined) fs.writeFileSync(path.join(pkg(), "path.txt"), pathTxt);
}

describe("findElectronBinary", () => {
  it("reports a missing package", () => {
    expect(findElectronBinary(root, {})).toEqual({ found: false, why: "the electron package is not installed" });
  });

  it("reports a package whose binary was never downloaded (no path.txt)", () => {
    installPackage();
    expect(findElectronBinary(root, {})).toEqual({ found: false, why: "the Electron binary has not been downloaded (npx install-electron)" });
  });

  it("reports a path.txt that names a file which is not there", () => {
    installPackage("electron\n");
    const r = findElectronBinary(root, {});
    expect(r.found).toBe(false);
    expect(!r.found && r.why).toBe(`the Electron binary is missing (${path.join(pkg(), "dist", "electron")})`);
  });

  it("finds the binary that path.txt names under dist/", () => {
    installPackage("electron");
    fs.mkdirSync(path.join(pkg(), "dist"));
    fs.writeFileSync(path.join(pkg(), "dist", "electron"), "");
    expect(findElectronBinary(root, {})).toEqual({ found: true, path: path.join(pkg(), "dist", "electron") });
  });

  it("honours ELECTRON_OVERRIDE_DIST_PATH, with or without path.txt", () => {
    const override = path.join(root, "custom");
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(override, "electron"), "");
    installPackage();
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ found: true, path: path.join(override, "electron") });
    const empty = path.join(root, "empty");
    fs.mkdirSync(empty);
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: empty }).found).toBe(false);
  });
});
