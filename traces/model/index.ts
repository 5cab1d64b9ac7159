/** The trace model's public surface: load a trace into columns and query the state at any `seq`. */
export { EventColumns } from "./columns";
export { Kind } from "./kinds";
export { createModelBuilder, loadModel, DEFAULT_CHECKPOINT_INTERVAL } from "./builder";
export { decodeModelSnapshot, encodeModelSnapshot, SNAPSHOT_VERSION } from "./snapshot";
export type {
  BufferedValue, ChannelState, CondState, ContextState, OnceState, TimerState, GoroutineInfo, GoroutineState, GoroutineStatus, LoadResult, LockState,
  ModelBuilder, ModelBuilderOptions, ModelEntity, ModelState, ObjectInfo, SourceLocation, TraceModel, WaitGroupState,
} from "./types";
