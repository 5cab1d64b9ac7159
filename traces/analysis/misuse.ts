/**
 * Go's misuse panics and fatal errors, by their exact message (runtime/panic.ts uses Go's words),
 * with what to call them and why they are bugs.
 */
export interface Misuse {
  readonly msg: string;
  /** Short name for the message line. */
  readonly label: string;
  /** What happened, as the start of a sentence (the object is appended in parentheses). */
  readonly what: string;
  readonly why: string;
  /** How to find the object involved in the pass state. */
  readonly object: "closed-chan" | "negative-wg" | "wg" | "unlocked-mutex" | "unlocked-rwmutex" | "unread-rwmutex" | "none";
}

export const MISUSES: readonly Misuse[] = [
  {
    msg: "send on closed channel", label: "misuse: send on closed channel", object: "closed-chan",
    what: "it sent on a channel that was already closed",
    why: "Only the sending side should close a channel, once every send is done; a send after close always panics.",
  },
  {
    msg: "close of closed channel", label: "misuse: double close", object: "closed-chan",
    what: "it closed a channel that was already closed",
    why: "A channel may be closed only once; let exactly one goroutine own the close (or guard it with a sync.Once).",
  },
  {
    msg: "close of nil channel", label: "misuse: close of nil channel", object: "none",
    what: "it closed a nil channel",
    why: "A nil channel cannot be closed: it was never made.",
  },
  {
    msg: "sync: negative WaitGroup counter", label: "misuse: negative WaitGroup counter", object: "negative-wg",
    what: "Done (or a negative Add) took a WaitGroup's counter below zero",
    why: "Every Done must match an Add made before it: count the Adds and the goroutines that call Done.",
  },
  {
    msg: "sync: WaitGroup is reused before previous Wait has returned", label: "misuse: WaitGroup reused too early", object: "wg",
    what: "Add was called on a WaitGroup whose previous Wait had not yet returned",
    why: "A WaitGroup may be reused only after every Wait of the previous round has returned.",
  },
  {
    msg: "sync: unlock of unlocked mutex", label: "misuse: unlock of unlocked mutex", object: "unlocked-mutex",
    what: "it unlocked a Mutex that was not locked",
    why: "Each Unlock must follow a Lock; an extra Unlock is a fatal error in Go that no recover can catch.",
  },
  {
    msg: "sync: Unlock of unlocked RWMutex", label: "misuse: unlock of unlocked RWMutex", object: "unlocked-rwmutex",
    what: "it called Unlock on an RWMutex that was not write-locked",
    why: "Unlock pairs with Lock and RUnlock with RLock; mixing them up is a fatal error in Go.",
  },
  {
    msg: "sync: RUnlock of unlocked RWMutex", label: "misuse: RUnlock of unlocked RWMutex", object: "unread-rwmutex",
    what: "it called RUnlock on an RWMutex that was not read-locked",
    why: "RUnlock pairs with RLock; an extra RUnlock is a fatal error in Go.",
  },
];
