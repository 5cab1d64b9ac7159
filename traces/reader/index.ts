/** The trace reader's public surface: read and validate format-v1 traces from chunks or whole text. */
export { createTraceReader, readTrace, DEFAULT_MAX_LINE_BYTES, EMPTY_FILE_MESSAGE, NO_END_MESSAGE } from "./reader";
export type {
  ReadFailure, ReadResult, ReadSuccess, TraceError, TraceReader, TraceReaderOptions, TraceWarning,
} from "./types";
