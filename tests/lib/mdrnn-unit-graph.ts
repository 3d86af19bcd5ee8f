/**
 * The MDRNN's unit graph written out independently of lib/mdrnn.ts, for the
 * tests of chapter 2.3's lib: unit (l, r, c), 1 ≤ l ≤ d, reads west
 * (l, r, c − 1), north (l, r − 1, c) and below (l − 1, r, c), where layer 0
 * is the input image. Indices are 0-based here.
 */
import fc from "fast-check";

export function parents(l: number, r: number, c: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  if (c > 0) out.push([l, r, c - 1]);
  if (r > 0) out.push([l, r - 1, c]);
  if (l > 1) out.push([l - 1, r, c]);
  return out;
}

/** Grids and depths small enough to walk the graph by brute force. */
export const sizeArb = fc.record({
  h: fc.integer({ min: 1, max: 7 }),
  w: fc.integer({ min: 1, max: 7 }),
  d: fc.integer({ min: 1, max: 5 }),
});
