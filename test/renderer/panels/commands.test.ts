// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../../renderer/src/api/client";
import { ZOOM_STEP } from "../../../renderer/src/keyboard";
import { exportImage, hideWelcome, imageName, runMenuCommand } from "../../../renderer/src/panels/commands";
import { useUi } from "../../../renderer/src/panels/ui-store";
import { useStore } from "../../../renderer/src/store/store";
import * as timeline from "../../../renderer/src/timeline";
import { openIn } from "./helpers";

describe("menu commands", () => {
  afterEach(() => vi.restoreAllMocks());

  it("zoom, fit, theme, welcome and help act on the store", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    const s = useStore.getState();
    s.setView(0, 1e6);
    runMenuCommand(useStore, "zoom-in");
    expect(useStore.getState().viewEnd - useStore.getState().viewStart).toBeCloseTo(1e6 / ZOOM_STEP);
    runMenuCommand(useStore, "zoom-out");
    expect(useStore.getState().viewEnd - useStore.getState().viewStart).toBeCloseTo(1e6);
    runMenuCommand(useStore, "fit");
    expect(useStore.getState().viewEnd).toBeCloseTo(15e6 * 1.01);
    const theme = useStore.getState().theme;
    runMenuCommand(useStore, "toggle-theme");
    expect(useStore.getState().theme).not.toBe(theme);
    runMenuCommand(useStore, "show-welcome");
    expect(useStore.getState().status).toBe("welcome");
    hideWelcome(useStore);
    expect(useStore.getState().status).toBe("ready");
    runMenuCommand(useStore, "show-help");
    expect(useUi.getState().helpOpen).toBe(true);
  });

  it("names the image after the trace", () => {
    expect(imageName("worker-pools.jsonl")).toBe("worker-pools.png");
    expect(imageName(undefined)).toBe("goroscope.png");
    expect(imageName(".jsonl")).toBe("goroscope.png");
  });

  it("export in browser mode downloads the PNG when the backend does not save it", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    const png = new Uint8Array([137, 80, 78, 71]);
    vi.spyOn(timeline, "exportTimelinePng").mockResolvedValue(png);
    const save = vi.spyOn(api, "saveImage").mockResolvedValue(null);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await exportImage(useStore);
    expect(save).toHaveBeenCalledWith("mixed.png", png);
    expect(clicked).toEqual(["mixed.png"]);
  });
});
