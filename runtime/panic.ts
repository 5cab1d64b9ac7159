/**
 * Go's panics and fatal errors. A `GoPanic` thrown into user code unwinds like a Go panic: a
 * `try/catch` around it is Go's `recover`. A fatal error (Go's `fatal error:` — unlocking an
 * unlocked mutex, a global deadlock) cannot be recovered: the scheduler has already ended the run
 * when it is thrown, so catching it changes nothing.
 *
 * The messages are Go's, word for word.
 */
export const MSG = {
  sendOnClosed: "send on closed channel",
  closeOfClosed: "close of closed channel",
  closeOfNil: "close of nil channel",
  negativeWaitGroup: "sync: negative WaitGroup counter",
  waitGroupReused: "sync: WaitGroup is reused before previous Wait has returned",
  unlockOfUnlockedMutex: "sync: unlock of unlocked mutex",
  unlockOfUnlockedRWMutex: "sync: Unlock of unlocked RWMutex",
  runlockOfUnlockedRWMutex: "sync: RUnlock of unlocked RWMutex",
  deadlock: "all goroutines are asleep - deadlock!",
  nonPositiveTicker: "non-positive interval for NewTicker",
  nonPositiveTickerReset: "non-positive interval for Ticker.Reset",
  nilContext: "cannot create context from nil parent",
} as const;

export class GoPanic extends Error {
  /** Fatal errors end the program even when caught. */
  readonly fatal: boolean;
  constructor(
    readonly value: unknown,
    fatal = false,
  ) {
    super(typeof value === "string" ? value : String(value));
    this.name = fatal ? "GoFatalError" : "GoPanic";
    this.fatal = fatal;
  }
}

/** Thrown into goroutines that are still running when the run has ended (a budget, a crash elsewhere); never user-visible. */
export class RunEnded extends Error {
  constructor() {
    super("goroscope: the program has ended");
    this.name = "RunEnded";
  }
}
