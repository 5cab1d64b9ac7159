/**
 * Event kinds as small integers, shared by the byte scanner (`fast-scan.ts`) and the model's
 * columns.
 */

/**
 * Flag bits stored above the kind: F1 = an optional boolean is present, or `ok` / `read` /
 * `default` / `ran` is true; F2 = that optional boolean's value.
 */
export const F1 = 64;
export const F2 = 128;
export const KIND_MASK = 63;
/**
 * Kind indices, as in `EVENT_KINDS` (a const enum, so that `switch` cases are literals and
 * compile to a jump table); test/traces/model/kinds.test.ts checks the two agree.
 */
export const enum Kind {
  GoCreate = 0,
  GoBlock = 1,
  GoUnblock = 2,
  GoEnd = 3,
  GoPanic = 4,
  GoYield = 5,
  MainReturn = 6,
  ChanMake = 7,
  ChanSend = 8,
  ChanRecv = 9,
  ChanClose = 10,
  SelectBegin = 11,
  SelectEnd = 12,
  MutexMake = 13,
  MutexLock = 14,
  MutexUnlock = 15,
  MutexTrylock = 16,
  RwmutexMake = 17,
  RwmutexLock = 18,
  RwmutexUnlock = 19,
  WgMake = 20,
  WgAdd = 21,
  WgWait = 22,
  CondMake = 23,
  CondWait = 24,
  CondSignal = 25,
  CondBroadcast = 26,
  OnceMake = 27,
  OnceDo = 28,
  AtomicMake = 29,
  AtomicOp = 30,
  TimerMake = 31,
  TimerFire = 32,
  TimerStop = 33,
  TimerReset = 34,
  CtxMake = 35,
  CtxCancel = 36,
  Log = 37,
}
