/**
 * Double locking — resource deadlock on a Mutex.
 *
 * Real-world pattern: the most common blocking bug Tu et al. found in Docker, Kubernetes and
 * etcd: a method takes its object's lock and calls another method of the same object that takes
 * the same lock. Go's sync.Mutex is not reentrant, so the goroutine waits for itself.
 *
 * What goes wrong: `register` holds `registry.mu` and calls `count`, which locks `registry.mu`
 * again; main blocks forever on a lock it holds itself: every goroutine is asleep.
 * Correct twin: ok-double-lock.ts calls an unlocked `countLocked` helper while holding the lock
 * (Go's `...Locked` naming convention: "the caller holds mu").
 * Schedule: none — one goroutine; every seed deadlocks.
 */
import { Mutex, println } from "goroscope/runtime";

class Registry {
  readonly mu = new Mutex({ name: "registry.mu" });
  private readonly names = new Set<string>();

  async count(): Promise<number> {
    await this.mu.lock();
    try {
      return this.names.size;
    } finally {
      this.mu.unlock();
    }
  }

  async register(name: string): Promise<void> {
    await this.mu.lock();
    try {
      this.names.add(name);
      println("registered", name, "total", await this.count()); // count() locks registry.mu again
    } finally {
      this.mu.unlock();
    }
  }
}

export default async function main() {
  const registry = new Registry();
  await registry.register("api");
}
