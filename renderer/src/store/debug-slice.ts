/**
 * Stepping through a program run from the app (issue 5): the program and its current run, run
 * controls, breakpoints and playback. The cursor itself lives in the selection slice (`cursor`,
 * an event index), shared with the timeline and the panels.
 */
import type { StateCreator } from "zustand";
import type { ProgramDescriptor, RunDescriptor, RunEnd } from "../../../main/api/contract";
import type { EventKind } from "../../../traces/format/schema";
import type { Store } from "./store";

export type Breakpoint =
  | { readonly kind: "event-kind"; readonly eventKind: EventKind }
  | { readonly kind: "object"; readonly id: number }
  | { readonly kind: "goroutine"; readonly id: number }
  | { readonly kind: "line"; readonly file: string; readonly line: number };

export interface DebugSlice {
  program: ProgramDescriptor | null;
  run: RunDescriptor | null;
  /** `running` while the program's events still arrive; `ended` once the run's end update came. */
  runState: "idle" | "running" | "ended";
  runEnd: RunEnd | null;
  /** Events of the current run shown so far (0 until its first model is in). */
  runEvents: number;
  /** Seed and clock for the next run. */
  seed: number;
  clock: "virtual" | "real";
  /** While running, the view follows the newest events. */
  follow: boolean;
  breakpoints: readonly Breakpoint[];
  playing: boolean;
  /** Events per second while playing. */
  playSpeed: number;
  /** Why playing or continuing last stopped ("breakpoint: chan.send", "end of trace"); cleared by the next move. */
  stopReason: string | null;
  /** The last failure of a debugger action (open program, run, read source), shown in the toolbar. */
  debugError: string | null;
  setProgram(program: ProgramDescriptor | null): void;
  setRun(run: RunDescriptor | null, state: DebugSlice["runState"]): void;
  setRunEnd(end: RunEnd): void;
  setRunEvents(count: number): void;
  setSeed(seed: number): void;
  setClock(clock: "virtual" | "real"): void;
  setFollow(follow: boolean): void;
  toggleBreakpoint(bp: Breakpoint): void;
  setPlaying(playing: boolean): void;
  setPlaySpeed(speed: number): void;
  removeBreakpoint(bp: Breakpoint): void;
  clearBreakpoints(): void;
  setStopReason(reason: string | null): void;
  setDebugError(message: string | null): void;
}

const sameBreakpoint = (a: Breakpoint, b: Breakpoint): boolean => JSON.stringify(a) === JSON.stringify(b);

export const createDebugSlice: StateCreator<Store, [], [], DebugSlice> = (set, get) => ({
  program: null,
  run: null,
  runState: "idle",
  runEnd: null,
  runEvents: 0,
  seed: 0,
  clock: "virtual",
  follow: true,
  breakpoints: [],
  playing: false,
  playSpeed: 20,
  stopReason: null,
  debugError: null,
  // A program opened for stepping opens the stepping panels.
  setProgram: (program) => set(program ? { program, stepPanels: true } : { program }),
  setRun: (run, runState) => set({ run, runState, runEnd: null, runEvents: 0 }),
  setRunEvents: (runEvents) => set({ runEvents }),
  setRunEnd: (runEnd) => set({ runEnd, runState: "ended" }),
  setSeed: (seed) => set({ seed }),
  setClock: (clock) => set({ clock }),
  setFollow: (follow) => set({ follow }),
  toggleBreakpoint(bp) {
    const list = get().breakpoints;
    set({ breakpoints: list.some((b) => sameBreakpoint(b, bp)) ? list.filter((b) => !sameBreakpoint(b, bp)) : [...list, bp] });
  },
  setPlaying: (playing) => set({ playing }),
  setPlaySpeed: (playSpeed) => set({ playSpeed: Math.max(1, Math.min(10_000, playSpeed)) }),
  removeBreakpoint: (bp) => set({ breakpoints: get().breakpoints.filter((b) => !sameBreakpoint(b, bp)) }),
  clearBreakpoints: () => set({ breakpoints: [] }),
  setStopReason: (stopReason) => set({ stopReason }),
  setDebugError: (debugError) => set({ debugError }),
});
