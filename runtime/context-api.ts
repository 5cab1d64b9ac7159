/** `context` as a namespace: `context.background()`, `context.withCancel(parent)`, ... */
export { background, todo, withCancel, withDeadline, withTimeout, Canceled, DeadlineExceeded, type Context, type CancelFunc } from "./context";
