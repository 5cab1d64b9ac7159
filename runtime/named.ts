/** Every primitive takes an optional name for the UI and the trace. */
export interface Named {
  readonly name?: string;
}
