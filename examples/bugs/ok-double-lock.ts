/**
 * Correct twin of double-lock.ts: the public `count` locks, and callers that already hold
 * `registry.mu` call the unlocked `countLocked` helper instead (Go's `...Locked` convention).
 * Schedule: none — every seed returns cleanly.
 */
import { Mutex, println } from "goroscope/runtime";

class Registry {
  readonly mu = new Mutex({ name: "registry.mu" });
  private readonly names = new Set<string>();

  /** The caller holds `mu`. */
  private countLocked(): number {
    return this.names.size;
  }

  async count(): Promise<number> {
    await this.mu.lock();
    try {
      return this.countLocked();
    } finally {
      this.mu.unlock();
    }
  }

  async register(name: string): Promise<void> {
    await this.mu.lock();
    try {
      this.names.add(name);
      println("registered", name, "total", this.countLocked());
    } finally {
      this.mu.unlock();
    }
  }
}

export default async function main() {
  const registry = new Registry();
  await registry.register("api");
  println("count", await registry.count());
}
