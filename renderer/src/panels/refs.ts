/**
 * What a panel can link to, and how following a link moves the app: select the target, put the
 * cursor on an event and bring it into view. Shared by the inspector, the diagnostics panel and
 * the output panel so every link behaves the same.
 */
import type { StoreApi } from "../store/store";
import { xOfEvent } from "../store/view-slice";

export type Ref =
  | { readonly kind: "goroutine"; readonly id: number }
  | { readonly kind: "object"; readonly id: number }
  | { readonly kind: "event"; readonly index: number };

/** Puts the cursor on event `index` and pans (never zooms) so it is in view (on either axis). */
export function revealEvent(store: StoreApi, index: number): void {
  const s = store.getState();
  const model = s.loaded?.model;
  if (!model || index < 0 || index >= model.eventCount) return;
  s.setCursor(index);
  const t = xOfEvent(s, index);
  const span = s.viewEnd - s.viewStart;
  if (t < s.viewStart || t > s.viewEnd) s.setView(t - span / 2, t + span / 2);
}

/** Follows a link: selects its target; an event also becomes the cursor and is brought into view. */
export function followRef(store: StoreApi, ref: Ref): void {
  const s = store.getState();
  switch (ref.kind) {
    case "goroutine":
      s.select({ kind: "goroutine", id: ref.id });
      return;
    case "object":
      s.select({ kind: "object", id: ref.id });
      return;
    case "event":
      s.select({ kind: "event", index: ref.index });
      revealEvent(store, ref.index);
      return;
  }
}

/**
 * The next (dir 1) or previous (dir -1) entry of ascending `events` strictly after/before `from`;
 * with no `from`, the first or last. Undefined at either end.
 */
export function neighbourEvent(events: ArrayLike<number>, from: number | null | undefined, dir: 1 | -1): number | undefined {
  if (events.length === 0) return undefined;
  if (from === null || from === undefined) return dir === 1 ? events[0] : events[events.length - 1];
  // First position whose value is > from (dir 1) or ≥ from (dir -1).
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dir === 1 ? events[mid]! <= from : events[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return dir === 1 ? (lo < events.length ? events[lo] : undefined) : lo > 0 ? events[lo - 1] : undefined;
}
