// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { LoadErrorBanner, LoadWarningBanner, stripLinePrefix } from "../../../renderer/src/panels/banners";
import { useStore } from "../../../renderer/src/store/store";
import { click, loadBytes, one, render, update, type Rendered } from "./helpers";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ROOT } from "./helpers";

const fixture = readFileSync(resolve(ROOT, "test/renderer/panels/fixtures/mixed.jsonl"), "utf8");

describe("load banners", () => {
  let view: Rendered;
  afterEach(() => view.unmount());
  const mount = () => {
    view = render(
      <>
        <LoadErrorBanner />
        <LoadWarningBanner />
      </>,
    );
    return view.container;
  };
  /** `text` loaded as the file `name`, with the banners mounted. */
  const open = async (name: string, text: string) => {
    const loaded = await loadBytes(new TextEncoder().encode(text));
    const root = mount();
    update(() => {
      useStore.getState().beginLoad({ name, bytes: text.length });
      useStore.getState().finishLoad(loaded);
    });
    return { loaded, root };
  };

  it("a trace that cannot open says which file, what and which line, and can be dismissed", () => {
    useStore.setState({ loaded: null, status: "welcome", loadError: null });
    const root = mount();
    expect(root.querySelector('[data-testid="load-error"]')).toBeNull();
    update(() => useStore.getState().failLoad("bad.jsonl", "line 1: not a Goroscope trace (not valid JSON)", 1));
    const banner = one(root, "load-error");
    expect(banner.textContent).toContain("Could not open bad.jsonl");
    expect(banner.querySelector(".banner-line")!.textContent).toBe("line 1: ");
    expect(banner.textContent).toContain("not a Goroscope trace (not valid JSON)");
    click(one(root, "dismiss-error"));
    expect(root.querySelector('[data-testid="load-error"]')).toBeNull();
  });

  it("a trace broken after a valid prefix opens with a warning naming the line", async () => {
    const lines = fixture.split("\n");
    const broken = [...lines.slice(0, 20), '{"seq":99,"t":0,"g":1,"k":"chan.send" oops', ...lines.slice(20)].join("\n");
    const { loaded, root } = await open("broken.jsonl", broken);
    expect(loaded.error?.line).toBe(21);
    const banner = one(root, "load-warning");
    expect(banner.textContent).toContain("line 21");
    expect(banner.textContent).toContain(`showing the ${loaded.model.eventCount} events before it`);
    click(one(root, "dismiss-warning"));
    expect(root.querySelector('[data-testid="load-warning"]')).toBeNull();
  });

  it("counts a prefix of one event in the singular", async () => {
    const lines = fixture.split("\n");
    const first = lines.findIndex((l) => l.includes('"seq":1,'));
    const broken = [...lines.slice(0, first + 1), '{"seq":2,"t":0,"g":1,"k":"chan.send" oops', ...lines.slice(first + 1)].join("\n");
    const { loaded, root } = await open("one.jsonl", broken);
    expect(loaded.model.eventCount).toBe(1);
    expect(one(root, "load-warning").textContent).toContain("showing the 1 event before it");
  });

  it("a truncated trace opens with a warning", async () => {
    const cut = fixture.slice(0, fixture.length - 40);
    const { loaded, root } = await open("cut.jsonl", cut);
    expect(loaded.warnings.length).toBeGreaterThan(0);
    expect(one(root, "load-warning").textContent).toMatch(/Opened with \d+ warning/);
  });

  it.each([
    ["line 3: bad", 3, "bad"],
    ["line 3: bad", undefined, "line 3: bad"],
    ["other", 3, "other"],
  ] as const)("stripLinePrefix(%s, %s)", (message, line, expected) => {
    expect(stripLinePrefix(message, line)).toBe(expected);
  });
});
