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
