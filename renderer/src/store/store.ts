/**
 * The renderer's one zustand store, in slices: trace (what is open), view (time range, scroll,
 * theme), selection (selection, cursor, highlight, filter), debug (program runs, breakpoints,
 * playback). Components subscribe with selectors; the canvas views read `useStore.getState()`
 * when they draw and subscribe to redraw.
 */
import { create } from "zustand";
import { createDebugSlice, type DebugSlice } from "./debug-slice";
import { createSelectionSlice, type SelectionSlice } from "./selection-slice";
import { createTraceSlice, type TraceSlice } from "./trace-slice";
import { createViewSlice, type ViewSlice } from "./view-slice";

export type Store = TraceSlice & ViewSlice & SelectionSlice & DebugSlice;

/** A fresh store (tests make their own; the app uses `useStore`). */
export const createStore = () =>
  create<Store>()((...a) => ({
    ...createTraceSlice(...a),
    ...createViewSlice(...a),
    ...createSelectionSlice(...a),
    ...createDebugSlice(...a),
  }));

export const useStore = createStore();
export type StoreApi = typeof useStore;
