import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_MDRNN_DEPTH,
  MAX_MDRNN_SIZE,
  MDRNN_INPUTS,
  mdrnnConnections,
  mdrnnContext,
  mdrnnCriticalPath,
  mdrnnScheduleSteps,
  mdrnnUnitSteps,
  mdrnnWavefront,
} from "../../lib/mdrnn";
import { maskSchedule, pixelCnnReceptiveField, type MaskSchedule } from "../../lib/pixelcnn";
import { parents, sizeArb } from "./mdrnn-unit-graph";

// Everything here is an exact integer or a boolean grid: exact comparisons.

// Brute-force longest chain of units (counted in units), by memoised DFS
// that follows the edges backwards from every unit.
function bruteLongestChain(h: number, w: number, d: number): number {
  const memo: Map<string, number> = new Map<string, number>();
  const chain = (l: number, r: number, c: number): number => {
    const key: string = `${l},${r},${c}`;
    const hit: number | undefined = memo.get(key);
    if (hit !== undefined) return hit;
    let best: number = 0;
    for (const [pl, pr, pc] of parents(l, r, c)) best = Math.max(best, chain(pl, pr, pc));
    memo.set(key, best + 1);
    return best + 1;
  };
  let out: number = 0;
  for (let l = 1; l <= d; l++) for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) out = Math.max(out, chain(l, r, c));
  return out;
}

// Brute-force context: breadth-first search over the explicit edges from the
// top-layer unit; the input pixels reached are those of the layer-1 units.
function bruteContext(h: number, w: number, row: number, col: number, d: number): boolean[][] {
  const grid: boolean[][] = Array.from({ length: h }, () => new Array<boolean>(w).fill(false));
  const seen: Set<string> = new Set<string>();
  const queue: Array<[number, number, number]> = [[d, row, col]];
  while (queue.length > 0) {
    const [l, r, c] = queue.shift() as [number, number, number];
    const key: string = `${l},${r},${c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (l === 1) grid[r][c] = true; // h_1(r, c) reads x(r, c)
    for (const p of parents(l, r, c)) queue.push(p);
  }
  return grid;
}

describe("mdrnnCriticalPath", () => {
  it("equals the brute-force longest chain on small grids", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        expect(mdrnnCriticalPath(h, w, d)).toBe(bruteLongestChain(h, w, d));
      }),
      { seed: 705, numRuns: 150 },
    );
  });

  it("is H + W + d − 2 (both algorithms, d = 1…12, several image sizes)", () => {
    // Closed form: along any chain each step raises l, r or c by one, from
    // (1, 0, 0) to at most (d, H − 1, W − 1), so at most (d − 1) + (H − 1) +
    // (W − 1) steps, i.e. H + W + d − 2 units; the staircase path attains it.
    for (const [h, w] of [
      [1, 1],
      [1, 9],
      [4, 4],
      [5, 8],
      [16, 16],
      [28, 28],
    ]) {
      for (let d = 1; d <= 12; d++) {
        expect(mdrnnCriticalPath(h, w, d)).toBe(h + w + d - 2);
        if (h * w * d <= 2000) expect(bruteLongestChain(h, w, d)).toBe(h + w + d - 2);
      }
    }
  });
});

describe("wavefront schedule", () => {
  it("runs unit (l, r, c) at step l + r + c (0-based), a valid and earliest schedule", () => {
    const [h, w, d] = [5, 7, 4];
    const steps: Int32Array = mdrnnUnitSteps(h, w, d);
    for (let l = 1; l <= d; l++) {
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          const s: number = steps[((l - 1) * h + r) * w + c];
          expect(s).toBe(l - 1 + r + c);
          // Valid: every unit it reads ran strictly earlier. Earliest: one of
          // them ran just before (or it reads only the image and runs at 0).
          const ps: number[] = parents(l, r, c).map(([pl, pr, pc]) => steps[((pl - 1) * h + pr) * w + pc]);
          for (const p of ps) expect(p).toBeLessThan(s);
          expect(ps.length === 0 ? 0 : Math.max(...ps) + 1).toBe(s);
        }
      }
    }
  });

  it("counts the units per step like a direct count of l + r + c = s", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        const wf = mdrnnWavefront(h, w, d);
        const direct: number[] = new Array<number>(h + w + d - 2).fill(0);
        for (let l = 0; l < d; l++) for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) direct[l + r + c]++;
        expect(wf.unitsPerStep).toEqual(direct);
        expect(wf.stepCount).toBe(mdrnnCriticalPath(h, w, d));
        expect(wf.unitsPerStep.reduce((a, b) => a + b, 0)).toBe(h * w * d);
      }),
      { seed: 1_999, numRuns: 100 },
    );
  });

  it("compares the three schedules: H + W + d − 2 ≤ d(H + W − 1) ≤ dHW", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        const s = mdrnnScheduleSteps(h, w, d);
        expect(s.wavefront).toBe(h + w + d - 2);
        expect(s.layerByLayer).toBe(d * (h + w - 1));
        expect(s.rasterScan).toBe(d * h * w);
        expect(s.wavefront).toBeLessThanOrEqual(s.layerByLayer);
        expect(s.layerByLayer).toBeLessThanOrEqual(s.rasterScan);
      }),
      { seed: 2007, numRuns: 100 },
    );
    // 32×32, 8 layers: 70 wavefront steps against 504 and 8192.
    expect(mdrnnScheduleSteps(32, 32, 8)).toEqual({ wavefront: 70, layerByLayer: 504, rasterScan: 8192 });
  });

  it("reaches the formula at the caps (4.2·10⁶ units)", () => {
    expect(mdrnnCriticalPath(MAX_MDRNN_SIZE, MAX_MDRNN_SIZE, MAX_MDRNN_DEPTH)).toBe(2 * MAX_MDRNN_SIZE + MAX_MDRNN_DEPTH - 2);
  });
});

describe("mdrnnContext", () => {
  it("equals a breadth-first search over the explicit unit graph, for any depth", () => {
    fc.assert(
      fc.property(
        sizeArb.chain(({ h, w, d }) =>
          fc.record({
            h: fc.constant(h),
            w: fc.constant(w),
            d: fc.constant(d),
            row: fc.integer({ min: 0, max: h - 1 }),
            col: fc.integer({ min: 0, max: w - 1 }),
          }),
        ),
        ({ h, w, d, row, col }) => {
          expect(mdrnnContext(h, w, row, col, d)).toEqual(bruteContext(h, w, row, col, d));
        },
      ),
      { seed: 2_2007, numRuns: 150 },
    );
  });

  it("is the whole upper-left quadrant r ≤ row, c ≤ col, the pixel included", () => {
    for (const [h, w, row, col] of [
      [1, 1, 0, 0],
      [6, 9, 0, 8],
      [6, 9, 5, 0],
      [6, 9, 3, 4],
      [32, 32, 31, 31],
    ]) {
      const ctx: boolean[][] = mdrnnContext(h, w, row, col);
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) expect(ctx[r][c]).toBe(r <= row && c <= col);
    }
  });

  it("grows without bound with the image, unlike the answer sheet's '3' (the fan-in)", () => {
    expect(MDRNN_INPUTS.length).toBe(3);
    for (const n of [4, 16, 64])
      expect(
        mdrnnContext(n, n, n - 1, n - 1)
          .flat()
          .filter((v) => v).length,
      ).toBe(n * n);
  });
});

describe("MDRNN context against the PixelCNN receptive field", () => {
  // The true relation, checked at every pixel: the PixelCNN field (mask A
  // first) lies in the past (rows ≤ row), so its pixels with c ≤ col are
  // inside the MDRNN quadrant; the others are up-right (r < row, c > col),
  // which the MDRNN never sees. So "context ⊇ field" fails exactly when the
  // field reaches up-right — with A then B at every pixel that has a row
  // above and a column to the right (the A tap (−1, +1)).
  function upRight(r: number, c: number, row: number, col: number): boolean {
    return r < row && c > col;
  }

  it("field ⊆ context ∪ up-right, and the field reaches up-right whenever there is room", () => {
    for (const s of ["A-then-B", "all-A"] as MaskSchedule[]) {
      for (let d = 1; d <= 6; d++) {
        const [h, w] = [6, 8];
        for (let row = 0; row < h; row++) {
          for (let col = 0; col < w; col++) {
            const field = pixelCnnReceptiveField(maskSchedule(d, s), h, w, row, col);
            const ctx = mdrnnContext(h, w, row, col);
            let reachesUpRight: boolean = false;
            for (let r = 0; r < h; r++) {
              for (let c = 0; c < w; c++) {
                if (!field[r][c]) continue;
                expect(ctx[r][c] || upRight(r, c, row, col)).toBe(true);
                if (upRight(r, c, row, col)) reachesUpRight = true;
              }
            }
            // A then B always keeps (row − 1, col + 1): the A tap is (−1, +1)
            // and the B centres preserve it. All A shifts left d − j times on
            // row −j, so its up-right part needs j > d/2 rows of room above
            // (row −j spans up to 2j − d): check it against that rule.
            const room: boolean = s === "A-then-B" ? row >= 1 && col <= w - 2 : upRightRoomAllA(d, row, col, w);
            expect(reachesUpRight).toBe(room);
            // Conversely the context is never inside the field: it holds the
            // pixel itself, which a causal field excludes.
            expect(ctx[row][col] && !field[row][col]).toBe(true);
          }
        }
      }
    }
  });

  // All A, row offset −j (1 ≤ j ≤ min(d, row)) spans columns −d … 2j − d on
  // an unbounded image (the shape derived in pixelcnn.test.ts), so up-right
  // needs some j with 2j − d ≥ 1, and col + 1 inside the image. (The borders
  // could in principle cut paths; the loop over every pixel of a 6×8 image
  // checks that they do not change this rule there.)
  function upRightRoomAllA(d: number, row: number, col: number, w: number): boolean {
    if (col > w - 2) return false;
    for (let j = 1; j <= Math.min(d, row); j++) if (2 * j - d >= 1) return true;
    return false;
  }

  it("so 'MDRNN context ⊇ PixelCNN field' is false: a concrete pixel", () => {
    const field = pixelCnnReceptiveField(maskSchedule(3, "A-then-B"), 8, 8, 4, 4);
    const ctx = mdrnnContext(8, 8, 4, 4);
    expect(field[3][5]).toBe(true);
    expect(ctx[3][5]).toBe(false);
  });
});

describe("mdrnnConnections", () => {
  it("is 3k² per position per layer with border zeros counted: 3dHWk²", () => {
    const c = mdrnnConnections({ height: 32, width: 32, channels: 16, depth: 5, countPadding: true });
    expect(c.total).toBe(3 * 5 * 32 * 32 * 16 * 16);
    expect(c.perLayer).toEqual(new Array<number>(5).fill(3 * 32 * 32 * 16 * 16));
  });

  it("matches a brute-force count of real edges without the border zeros", () => {
    fc.assert(
      fc.property(sizeArb, fc.integer({ min: 1, max: 4 }), ({ h, w, d }, k) => {
        let edges: number = 0;
        // Every unit reads its input (pixel or unit below) plus its real
        // west and north neighbours; each edge carries k² weights.
        for (let l = 1; l <= d; l++) for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) edges += 1 + (c > 0 ? 1 : 0) + (r > 0 ? 1 : 0);
        expect(mdrnnConnections({ height: h, width: w, channels: k, depth: d, countPadding: false }).total).toBe(edges * k * k);
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});

describe("validation", () => {
  it("rejects bad sizes and pixels with a message naming the value", () => {
    expect(() => mdrnnCriticalPath(0, 4, 2)).toThrow("height must be an integer ≥ 1, got 0");
    expect(() => mdrnnCriticalPath(4, 1.5, 2)).toThrow("width must be an integer, got 1.5");
    expect(() => mdrnnCriticalPath(4, 4, MAX_MDRNN_DEPTH + 1)).toThrow("depth must be at most 64, got 65");
    expect(() => mdrnnWavefront(MAX_MDRNN_SIZE + 1, 4, 2)).toThrow("height must be at most 256, got 257");
    expect(() => mdrnnContext(4, 4, 4, 0)).toThrow("row must be at most 3, got 4");
    expect(() => mdrnnContext(4, 4, 0, -1)).toThrow("col must be a non-negative integer, got -1");
    expect(() => mdrnnContext(4, 4, 0, 0, 0)).toThrow("depth must be an integer ≥ 1, got 0");
    expect(() => mdrnnScheduleSteps(4, Number.NaN, 2)).toThrow("width must be an integer, got NaN");
    expect(() => mdrnnConnections({ height: 4, width: 4, channels: 0, depth: 2, countPadding: true })).toThrow(
      "channels must be an integer ≥ 1, got 0",
    );
    expect(() => mdrnnConnections({ height: 4, width: 4, channels: 2, depth: 2, countPadding: 1 as unknown as boolean })).toThrow(
      "countPadding must be true or false, got 1",
    );
  });
});
