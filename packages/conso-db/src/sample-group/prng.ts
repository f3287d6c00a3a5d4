// Deterministic randomness for the sample group. Math.random cannot be seeded, and a single
// sequential stream would make every value depend on how many were drawn before it; so each
// concern (a company's bundle, an intercompany pair) derives its own stream from a hash of
// (seed, tag, indexes), and changing one part of the generator leaves the rest unchanged.

/** A seeded pseudo-random stream (mulberry32: 32-bit state, fast, good enough for test data). */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/** A stream seeded with `seed` (any integer; only its low 32 bits matter). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() from an empty array');
      return item;
    },
  };
}

/** Unsigned 32-bit hash of a string tag (FNV-1a), to name streams. */
export function tagOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Unsigned 32-bit hash of integers (murmur3 finaliser after each part): the seed of a sub-stream. */
export function hashInts(...parts: readonly number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    // Split values above 32 bits so large seeds still differ.
    hash = fmix(hash ^ (part >>> 0));
    hash = fmix(hash ^ Math.floor(part / 4294967296));
  }
  return hash >>> 0;
}

/** A stream for one concern: `streamOf(seed, 'bundle', companyIndex)`. */
export function streamOf(seed: number, tag: string, ...indexes: readonly number[]): Prng {
  return createPrng(hashInts(seed, tagOf(tag), ...indexes));
}

function fmix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
