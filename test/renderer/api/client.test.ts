// @vitest-environment happy-dom
// The browser-mode client's model download: the snapshot bytes arrive whole and in one buffer
// (decodable in place), the load summary comes from its header, and a body that is cut short or
// longer than announced is an error, not a model.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpApi } from "../../../renderer/src/api/client";

afterEach(() => vi.unstubAllGlobals());

/** A response whose body arrives in `chunks`, announcing `length` bytes. */
function response(chunks: Uint8Array[], length: number, load: unknown): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Length": String(length), "x-goroscope-load": encodeURIComponent(JSON.stringify(load)) } });
}

function serve(res: Response): void {
  vi.stubGlobal("fetch", vi.fn(async () => res));
}

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 255);
const pieces = [bytes.subarray(0, 3), bytes.subarray(3, 500), bytes.subarray(500)];

describe("readModel over HTTP", () => {
  it("reassembles the body in order into one buffer that starts at offset 0", async () => {
    serve(response(pieces, 1000, { ok: true, warnings: ["w"] }));
    const got = await createHttpApi().readModel("t1");
    if (!got.ok) throw new Error("expected a model");
    expect(got.warnings).toEqual(["w"]);
    expect(got.snapshot.byteOffset).toBe(0);
    expect(got.snapshot.byteLength).toBe(1000);
    expect(Array.from(got.snapshot)).toEqual(Array.from(bytes));
  });

  it("passes a load failure through without a body", async () => {
    serve(response([], 0, { ok: false, message: "line 1: not a Goroscope trace", line: 1 }));
    expect(await createHttpApi().readModel("t1")).toEqual({ ok: false, message: "line 1: not a Goroscope trace", line: 1 });
  });

  it("refuses a body cut short or longer than announced", async () => {
    serve(response(pieces.slice(0, 2), 1000, { ok: true, warnings: [] }));
    await expect(createHttpApi().readModel("t1")).rejects.toThrow("the model arrived cut short (500 of 1000 bytes)");
    serve(response(pieces, 999, { ok: true, warnings: [] }));
    await expect(createHttpApi().readModel("t1")).rejects.toThrow("the backend sent more than it announced");
  });
});

describe("readModel of the page's initial trace", () => {
  const prepared = { ok: true as const, warnings: [], snapshot: bytes };
  afterEach(() => {
    window.goroscopeEarlyModel = undefined;
  });

  it("takes the early download once, for its own id only", async () => {
    const fetchSpy = vi.fn(async () => response(pieces, 1000, { ok: true, warnings: ["fetched"] }));
    vi.stubGlobal("fetch", fetchSpy);
    window.goroscopeEarlyModel = { id: "t2", result: Promise.resolve(prepared) };
    const api = createHttpApi();
    expect(await api.readModel("t1")).toMatchObject({ ok: true, warnings: ["fetched"] });
    expect(window.goroscopeEarlyModel).toBeDefined();
    expect(await api.readModel("t2")).toBe(prepared);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(window.goroscopeEarlyModel).toBeUndefined();
    expect(await api.readModel("t2")).toMatchObject({ ok: true, warnings: ["fetched"] });
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it("asks again when the early download failed, and reports the server's reason", async () => {
    window.goroscopeEarlyModel = { id: "t1", result: Promise.reject(new Error("network went away")) };
    serve(new Response(JSON.stringify({ error: "no such trace" }), { status: 404 }));
    await expect(createHttpApi().readModel("t1")).rejects.toThrow("cannot load the trace: no such trace");
  });
});

describe("the early model worker", () => {
  it("posts the prepared trace with its buffer transferred, or why there is none", async () => {
    const posted: [unknown, Transferable[] | undefined][] = [];
    vi.stubGlobal("postMessage", (m: unknown, transfer?: Transferable[]) => posted.push([m, transfer]));
    const fetchSpy = vi.fn(async () => response(pieces, 1000, { ok: true, warnings: [] }));
    vi.stubGlobal("fetch", fetchSpy);
    await import("../../../renderer/src/api/early-model.worker");
    const onmessage = self.onmessage as unknown as (e: { data: string }) => Promise<void>;
    await onmessage({ data: "t7" });
    expect(fetchSpy).toHaveBeenCalledWith("/api/model/t7", { credentials: "same-origin" });
    const [message, transfer] = posted[0]!;
    const m = message as { ok: true; prepared: { ok: true; snapshot: Uint8Array }; timing: { requested: number; headers: number; received: number } };
    expect(m.ok && m.prepared.ok).toBe(true);
    expect(m.timing.requested).toBeGreaterThan(1e12); // epoch ms: the page converts them to its own clock
    expect(m.timing.requested).toBeLessThanOrEqual(m.timing.headers);
    expect(m.timing.headers).toBeLessThanOrEqual(m.timing.received);
    expect(Array.from(m.prepared.snapshot)).toEqual(Array.from(bytes));
    expect(transfer).toEqual([m.prepared.snapshot.buffer]);

    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: "missing or wrong token" }), { status: 403 })));
    await onmessage({ data: "t7" });
    expect(posted[1]).toEqual([{ ok: false, message: "cannot load the trace: missing or wrong token", status: 403 }, []]);
  });
});
