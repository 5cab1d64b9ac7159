/**
 * Entry of the worker thread that prepares one trace file for the app (built to dist/prepare.cjs):
 * reads it and sends the model as snapshot parts (prepare-trace.ts), then, when asked, the findings.
 * The renderer thus receives a model ready to draw instead of text to parse, and the work runs
 * beside the window's start-up rather than after it; the analysis waits for the renderer to ask
 * (after its first draw), since on a small machine it would slow that draw down.
 */
import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { PrepareCommand, PrepareMessage, PrepareRequest } from "./prepare-protocol";
import { prepareTraceSource, transferList, type TraceSource } from "./prepare-trace";

function send(message: PrepareMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

const CHUNK = 8 << 20;

/** The file at `path`, read through one reused buffer (see `TraceSource`). */
function fileSource(path: string): TraceSource {
  const fd = fs.openSync(path, "r");
  try {
    const head = new Uint8Array(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return {
      head: head.subarray(0, n),
      size: fs.fstatSync(fd).size,
      *chunks() {
        const fd = fs.openSync(path, "r");
        try {
          const buf = new Uint8Array(CHUNK);
          for (let r; (r = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) yield buf.subarray(0, r);
        } finally {
          fs.closeSync(fd);
        }
      },
      whole() {
        const file = fs.readFileSync(path);
        return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
      },
    };
  } finally {
    fs.closeSync(fd);
  }
}

try {
  const request = workerData as PrepareRequest;
  const { prepared, analyze } = prepareTraceSource(fileSource(request.path), request.name);
  // The parts move, not copied: they view the model's arrays, which this thread never reads again
  // (`prepareTraceSource` keeps no model); no part views the file's bytes.
  send({ kind: "model", prepared }, transferList(prepared));
  if (analyze) {
    parentPort!.once("message", (_: PrepareCommand) => {
      try {
        send({ kind: "analysis", result: analyze() });
        parentPort!.close();
      } catch (err) {
        send({ kind: "crashed", message: err instanceof Error ? err.message : String(err) });
      }
    });
  }
} catch (err) {
  send({ kind: "crashed", message: err instanceof Error ? err.message : String(err) });
}
