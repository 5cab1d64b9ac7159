/**
 * What the user pointed at: the selection (inspector), the hover (tooltip), the cursor (the event
 * whose state the panels show), the focused diagnostic and what it highlights, and the filter.
 */
import type { StateCreator } from "zustand";
import type { EventKind } from "../../../traces/format/schema";
import { defaultAxis } from "../../../traces/timeline/axis";
import type { Store } from "./store";
import { traceExtent, xOfEvent, xOfTime } from "./view-slice";

export type Selection =
  | { readonly kind: "event"; readonly index: number }
  | { readonly kind: "goroutine"; readonly id: number }
  | { readonly kind: "object"; readonly id: number }
  | { readonly kind: "diagnostic"; readonly index: number };

export interface Highlight {
  readonly goroutines: ReadonlySet<number>;
  readonly objects: ReadonlySet<number>;
}

export interface Filter {
  /** Case-insensitive substring of a goroutine's or object's name (or `#id`). Empty matches all. */
  readonly text: string;
  /** Event kinds to show ticks for; empty means all. */
  readonly kinds: ReadonlySet<EventKind>;
}

export interface SelectionSlice {
  selection: Selection | null;
  /** Index (0-based) of the event the state panels describe; null before any is chosen. */
  cursor: number | null;
  /** Set while a diagnostic is focused: its goroutines and objects; the rest is dimmed. */
  highlight: Highlight | null;
  filter: Filter;
  select(selection: Selection | null): void;
  setCursor(index: number | null): void;
  setFilterText(text: string): void;
  toggleFilterKind(kind: EventKind): void;
  clearFilter(): void;
  /** Selects a finding: moves the view to its moment, puts the cursor on it, highlights who is involved. */
  focusDiagnostic(index: number): void;
  clearHighlight(): void;
  /** Resets every per-trace slice for a newly loaded trace. */
  resetForTrace(loaded: NonNullable<Store["loaded"]>): void;
}

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  cursor: null,
  highlight: null,
  filter: { text: "", kinds: new Set() },
  select: (selection) => set({ selection }),
  setCursor: (cursor) => set({ cursor }),
  setFilterText: (text) => set({ filter: { ...get().filter, text } }),
  toggleFilterKind(kind) {
    const kinds = new Set(get().filter.kinds);
    if (!kinds.delete(kind)) kinds.add(kind);
    set({ filter: { ...get().filter, kinds } });
  },
  clearFilter: () => set({ filter: { text: "", kinds: new Set() } }),
  focusDiagnostic(index) {
    const loaded = get().loaded;
    const d = loaded?.diagnostics[index];
    if (!loaded || !d) return;
    const model = loaded.model;
    const cursor = model.indexOfSeq(d.seq);
    // Show the finding's moment with some history before it: at most a quarter of the trace, at
    // least 1 µs (or 20 events).
    const st = get();
    const [lo, hi] = traceExtent(st);
    const span = Math.max(st.axis === "events" ? 20 : 1000, Math.min(st.viewEnd - st.viewStart, (hi - lo) / 4));
    const x = cursor >= 0 ? xOfEvent(st, cursor) : xOfTime(st, d.t);
    get().setView(x - span * 0.7, x + span * 0.3);
    set({
      selection: { kind: "diagnostic", index },
      cursor: cursor >= 0 ? cursor : null,
      highlight: {
        goroutines: new Set(d.goroutines.map((g) => g.g)),
        objects: new Set(d.objects.map((o) => o.id)),
      },
    });
  },
  clearHighlight: () => set({ highlight: null }),
  resetForTrace(loaded) {
    // The axis is chosen per trace (the toggle changes it until the next trace loads).
    set({ selection: null, cursor: null, highlight: null, filter: { text: "", kinds: new Set() }, collapsed: new Set(), scrollY: 0, axis: defaultAxis(loaded.model), axisByUser: false });
    get().fit();
  },
});
