/**
 * Playback: while `playing`, the cursor moves forward at `playSpeed` events per second, checking
 * every event it passes against the breakpoints, and stops on the first one that matches (the
 * cursor on that event) or at the last event. During a live run it waits at the newest event for
 * more instead of stopping. Starting at the last event restarts from the first.
 */
import type { StoreApi } from "../store/store";
import { cursorOf, describeBreakpoint, matcherFor } from "./actions";
import { advance } from "./stepping";

/** Frame interval, ms: fast enough for smooth playback, slow enough to leave the renderer idle. */
const TICK_MS = 30;

export function installPlayer(store: StoreApi, now: () => number = () => performance.now()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  let owed = 0;

  const tick = (): void => {
    timer = undefined;
    const s = store.getState();
    const model = s.loaded?.model;
    if (!s.playing || !model) return;
    const t = now();
    owed += ((t - last) * s.playSpeed) / 1000;
    last = t;
    const count = Math.floor(owed);
    owed -= count;
    if (count > 0) {
      const r = advance(model, cursorOf(s), count, matcherFor(s));
      if (r.index !== undefined && r.index !== s.cursor) {
        if (s.follow) s.setFollow(false);
        s.setCursor(r.index);
      }
      if (r.hit) {
        s.setPlaying(false);
        s.setStopReason(`breakpoint: ${describeBreakpoint(r.hit, model)}`);
        return;
      }
      if (r.end && s.runState !== "running") {
        s.setPlaying(false);
        s.setStopReason("end of trace");
        return;
      }
    }
    timer = setTimeout(tick, TICK_MS);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing === prev.playing) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!s.playing) return;
    const n = s.loaded?.model.eventCount ?? 0;
    if (n > 0 && s.cursor !== null && s.cursor >= n - 1 && s.runState !== "running") s.setCursor(null);
    s.setStopReason(null);
    last = now();
    owed = 1; // the first step is immediate
    tick();
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
