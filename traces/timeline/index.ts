/**
 * The trace as intervals over time, or over event order (axis.ts), derived once per model and
 * axis: goroutine state segments, channel occupancy, lock holds, WaitGroup counters and the arrows
 * between goroutines. The app's timeline draws it; the Perfetto export (traces/export) and the
 * statistics read it (on the time axis). Pure data, no pixels.
 */
export { deriveTimeline, KIND_INDEX, type TimelineData } from "./derive";
export { defaultAxis, firstIndexAtOrAfter, indexAtX, lastIndexAtOrBefore, type TimelineAxis } from "./axis";
export { ARROW_CREATE, ARROW_SEND, ARROW_WAKE, type Arrows } from "./arrows";
export { cumulativeAt, segmentAt, stateTimes, type GoroutineLane } from "./goroutine-lanes";
export { rangeMax, valueAt, TRACK_KINDS, type ChannelTrack, type HolderIntervals, type LockTrack, type ObjectTrack, type StepSeries, type Ticks, type TrackKind, type WaitGroupTrack } from "./object-tracks";
export { BLOCKED, DONE, reasonCode, reasonName, RUNNABLE, RUNNING, SLEEPING, STATE_COUNT, STATUS_NAMES } from "./status";
