// Seeded randomness for every random figure on the site. A figure drawn at
// build time and redrawn in the browser must be the same picture, and a test
// must see the numbers a reader sees, so nothing here touches Math.random.
//
// The generator is SFC32 (Chris Doty-Humphrey's "small fast chaotic" PRNG,
// 128 bits of state, passes PractRand to at least 2^40 bytes), seeded through
// SplitMix32 so that nearby seeds (1, 2, 3, …) give unrelated streams.

import { describeValue } from "./validate";

/** A seeded source of random numbers. */
export interface Rng {
  /** Uniform on [0, 1), with 53 random bits (every double of the form k/2^53). */
  uniform(): number;
  /** Standard normal N(0, 1), by the Box–Muller transform. */
  normal(): number;
}

// SplitMix32 finaliser: a bijection on 32-bit integers that mixes every input
// bit into every output bit.
function splitMix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * A deterministic random number generator for an integer seed (any safe integer; equal seeds give equal streams). Used in chapters 1.2 and 1.3.
 *
 * Throws RangeError for a seed that is not a safe integer.
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${describeValue(seed)}`);
  }
  // Fold the seed's high bits (seeds up to 2^53) into the low ones before mixing.
  const high = Math.floor(Math.abs(seed) / 2 ** 32) ^ (seed < 0 ? 0x5bd1e995 : 0);
  let s = splitMix32((seed >>> 0) ^ Math.imul(high, 0x85ebca6b));
  let a = s;
  s = splitMix32(s);
  let b = s;
  s = splitMix32(s);
  let c = s;
  let counter = 1;

  const next32 = (): number => {
    // SFC32 step; all arithmetic is on 32-bit integers.
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of a freshly seeded SFC32 are still correlated with the seed.
  for (let i = 0; i < 12; i++) next32();

  let spare: number | undefined;
  const uniform = (): number => {
    // 27 + 26 bits → an exact multiple of 2^-53 in [0, 1).
    const hi = next32() >>> 5;
    const lo = next32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  const normal = (): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    // 1 − u ∈ (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { uniform, normal };
}
