/**
 * The step-through debugger (issue 5): run a program from the app, move a cursor over its events
 * both ways, and see the source, the state of every object and the wait-for graph at the cursor.
 *
 * Mount `DebugToolbar`, `SourcePanel`, `StatePanel` and `WaitForPanel` (each fills its parent) and
 * call `installDebugger(useStore)` once at start-up; keys are listed in keys.ts.
 */
import "./debugger.css";

export { DebugToolbar } from "./debug-toolbar";
export { SourcePanel } from "./source-panel";
export { StatePanel } from "./state-panel";
export { WaitForPanel } from "./wait-for-panel";
export { BreakpointList } from "./breakpoint-list";
export { installDebugger, openFailingSchedule, canOpenFailingSchedule, openProgramAndRun, runControllerOf } from "./install";
export { DEBUGGER_KEYS, handleDebuggerKey } from "./keys";
