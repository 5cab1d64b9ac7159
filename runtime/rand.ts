/**
 * The run's seeded random source (sfc32 seeded through splitmix32). Every random choice the
 * runtime makes — select among ready cases, the next goroutine under a randomized schedule,
 * preemption points, `rand.intn` — draws from one instance, so a seed replays a run exactly.
 */
export interface Rand {
  /** A uniform integer in [0, n); n ≥ 1. */
  intn(n: number): number;
  /** A uniform float in [0, 1). */
  float(): number;
}

export function createRand(seed: number): Rand {
  let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    intn(n) {
      // Rejection sampling keeps the choice exactly uniform for any n.
      const limit = 0x100000000 - (0x100000000 % n);
      let x = next();
      while (x >= limit) x = next();
      return x % n;
    },
    float() {
      return next() / 0x100000000;
    },
  };
}
