/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the sample world needs.
 *
 * Deterministic on every runtime: the same seed gives the same sequence. Not for cryptography.
 */

/** Hashes a seed (number or string) to 32 bits, so nearby seeds give unrelated sequences. */
export function hashSeed(seed: number | string, salt = 0): number {
  const text = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (from murmur3's fmix32) so short strings spread over all 32 bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seeded random draws. Every method advances the same mulberry32 sequence. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal draw with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Poisson count with mean `lambda` (normal approximation above 50). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/**
 * The floats of `new Random(seed)` as a plain function, for generators that need nothing else (synthetic series,
 * generated communities, benchmark data): the same seed always gives the same numbers.
 */
export function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** Picks a key of `weights` with probability proportional to its weight. Weights must not all be zero. */
export function weighted<K extends string>(rng: Random, weights: Readonly<Record<K, number>>): K {
  let total = 0;
  for (const key in weights) total += weights[key];
  let r = rng.next() * total;
  let last: K | undefined;
  for (const key in weights) {
    last = key;
    r -= weights[key];
    if (r < 0) return key;
  }
  return last!;
}
