import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MASK_KERNELS,
  MAX_IMAGE_SIZE,
  MAX_PIXELCNN_DEPTH,
  convolutionConnections,
  fullKernelTaps,
  maskSchedule,
  maskTaps,
  pixelCnnBlindSpot,
  pixelCnnConnections,
  pixelCnnEmptyFieldRows,
  pixelCnnInteriorCounts,
  pixelCnnPixelByPixelSamplingSteps,
  pixelCnnReceptiveField,
  pixelCnnSamplingCriticalPath,
  pixelCnnSequentialOperations,
  pixelCnnView,
  type Mask,
  type MaskSchedule,
  type Tap,
} from "../../lib/pixelcnn";

// All quantities are exact integer counts or boolean grids: exact comparisons.

const SCHEDULES: readonly MaskSchedule[] = ["A-then-B", "all-A"];

function count(grid: boolean[][]): number {
  let n: number = 0;
  for (const row of grid) for (const v of row) if (v) n++;
  return n;
}

function cells(grid: boolean[][]): string[] {
  const out: string[] = [];
  grid.forEach((row, r) => row.forEach((v, c) => v && out.push(`${r},${c}`)));
  return out;
}

function before(r: number, c: number, row: number, col: number): boolean {
  return r < row || (r === row && c < col);
}

// Brute force by a different algorithm: walk every sequence of live taps
// from the output down to the input (5^d paths at most), abandoning a path as
// soon as it steps into the zero padding, and collect where they end.
function bruteForceField(masks: readonly Mask[], h: number, w: number, row: number, col: number): boolean[][] {
  const grid: boolean[][] = Array.from({ length: h }, () => new Array<boolean>(w).fill(false));
  const walk = (layer: number, r: number, c: number): void => {
    if (layer === 0) {
      grid[r][c] = true;
      return;
    }
    for (const [dr, dc] of maskTaps(masks[layer - 1])) {
      const rr: number = r + dr;
      const cc: number = c + dc;
      if (rr >= 0 && rr < h && cc >= 0 && cc < w) walk(layer - 1, rr, cc);
    }
  };
  walk(masks.length, row, col);
  return grid;
}

// A third view: run a real one-channel masked convolution stack with
// positive weights (so no sum cancels) on every unit impulse and see which
// outputs move. dep[p][q]: output pixel p depends on input pixel q.
function impulseFields(masks: readonly Mask[], h: number, w: number): boolean[][] {
  const weights: number[][] = [
    [0.3, 0.5, 0.7],
    [1.1, 1.3, 0.2],
    [0.4, 0.6, 0.8],
  ];
  const dep: boolean[][] = Array.from({ length: h * w }, () => new Array<boolean>(h * w).fill(false));
  for (let q = 0; q < h * w; q++) {
    let x: Float64Array = new Float64Array(h * w);
    x[q] = 1;
    for (const m of masks) {
      const y: Float64Array = new Float64Array(h * w);
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          let s: number = 0;
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              const rr: number = r + i - 1;
              const cc: number = c + j - 1;
              if (rr >= 0 && rr < h && cc >= 0 && cc < w) s += MASK_KERNELS[m][i][j] * weights[i][j] * x[rr * w + cc];
            }
          }
          y[r * w + c] = s;
        }
      }
      x = y;
    }
    for (let p = 0; p < h * w; p++) dep[p][q] = x[p] !== 0;
  }
  return dep;
}

const masksArb: fc.Arbitrary<Mask[]> = fc.array(fc.constantFrom<Mask>("A", "B"), { minLength: 1, maxLength: 5 });
const imageArb = fc
  .record({ h: fc.integer({ min: 1, max: 8 }), w: fc.integer({ min: 1, max: 8 }) })
  .chain(({ h, w }) =>
    fc.record({ h: fc.constant(h), w: fc.constant(w), row: fc.integer({ min: 0, max: h - 1 }), col: fc.integer({ min: 0, max: w - 1 }) }),
  );

describe("masks", () => {
  it("mask A keeps exactly the taps before the centre in raster order, B adds the centre", () => {
    const all: Tap[] = fullKernelTaps();
    expect(new Set(all.map((t) => t.join(","))).size).toBe(9);
    const strictlyBefore: string[] = all.filter(([dr, dc]) => dr < 0 || (dr === 0 && dc < 0)).map((t) => t.join(","));
    expect(maskTaps("A").map((t) => t.join(","))).toEqual(strictlyBefore);
    expect(maskTaps("B").map((t) => t.join(","))).toEqual([...strictlyBefore, "0,0"]);
    expect(maskTaps("A").length).toBe(4);
    expect(maskTaps("B").length).toBe(5);
  });

  it("builds the two schedules", () => {
    expect(maskSchedule(4, "A-then-B")).toEqual(["A", "B", "B", "B"]);
    expect(maskSchedule(3, "all-A")).toEqual(["A", "A", "A"]);
    expect(maskSchedule(1, "A-then-B")).toEqual(["A"]);
  });
});

describe("pixelCnnReceptiveField against independent algorithms", () => {
  it("equals brute-force path enumeration on random masks, image sizes and pixels (borders included)", () => {
    fc.assert(
      fc.property(masksArb, imageArb, (masks, { h, w, row, col }) => {
        expect(pixelCnnReceptiveField(masks, h, w, row, col)).toEqual(bruteForceField(masks, h, w, row, col));
      }),
      { seed: 1606, numRuns: 400 },
    );
  });

  it("equals the impulse response of a real masked convolution stack at every pixel", () => {
    for (const s of SCHEDULES) {
      for (let d = 1; d <= 4; d++) {
        const masks: Mask[] = maskSchedule(d, s);
        const [h, w] = [5, 7];
        const dep: boolean[][] = impulseFields(masks, h, w);
        for (let p = 0; p < h * w; p++) {
          const field: boolean[][] = pixelCnnReceptiveField(masks, h, w, Math.floor(p / w), p % w);
          expect(field.flat()).toEqual(dep[p]);
        }
      }
    }
  });
});

describe("receptive field and blind spot of an interior pixel", () => {
  // Hand derivation. A path takes one tap per layer; with j of them going up
  // a row, the row offset is −j. Column offsets: up-taps give −1, 0 or +1,
  // the left tap −1, the centre (B only) 0.
  // A then B: the A tap can be up-right, so row −j (1 ≤ j ≤ d) spans
  //   −d … +j (d + j + 1 pixels) and row 0 spans −d … −1 (A forces a step
  //   left): d + Σ_j (d + j + 1) = (3d² + 5d)/2. Bounding box rows −d…0,
  //   columns −d…d; the pixels before the output in it and not reached are
  //   the j + 1 … d columns of rows −j: Σ_j (d − j) = d(d − 1)/2.
  // All A: no centre tap, so the d − j non-up taps all go left; row −j spans
  //   −d … 2j − d (2j + 1 pixels): Σ_{j=0..d} (2j + 1) = (d + 1)². Same box,
  //   d(2d + 1) + d pixels before the output in it: blind spot
  //   2d² + 2d − (d + 1)² = d² − 1.
  function expectedShape(s: MaskSchedule, d: number, dr: number, dc: number): boolean {
    const j: number = -dr;
    if (j < 0 || j > d) return false;
    if (s === "all-A") return dc >= -d && dc <= 2 * j - d;
    return j === 0 ? dc >= -d && dc <= -1 : dc >= -d && dc <= j;
  }

  it("has the hand-derived shape for d = 1…12 on a 40×60 image", () => {
    const [h, w, row, col] = [40, 60, 30, 29];
    for (const s of SCHEDULES) {
      for (let d = 1; d <= 12; d++) {
        const field: boolean[][] = pixelCnnReceptiveField(maskSchedule(d, s), h, w, row, col);
        const expected: boolean[][] = Array.from({ length: h }, (_, r) =>
          Array.from({ length: w }, (_, c) => expectedShape(s, d, r - row, c - col)),
        );
        expect(field).toEqual(expected);
      }
    }
  });

  it("has (3d² + 5d)/2 pixels and a blind spot of d(d − 1)/2 with A then B; (d + 1)² and d² − 1 with A only", () => {
    for (let d = 1; d <= 12; d++) {
      const ab = pixelCnnInteriorCounts(maskSchedule(d, "A-then-B"));
      expect(ab.fieldSize).toBe((3 * d * d + 5 * d) / 2);
      expect(ab.blindSpotSize).toBe((d * (d - 1)) / 2);
      const aa = pixelCnnInteriorCounts(maskSchedule(d, "all-A"));
      expect(aa.fieldSize).toBe((d + 1) ** 2);
      expect(aa.blindSpotSize).toBe(d * d - 1);
      // The same numbers on a much larger image, so the minimal image used by
      // pixelCnnInteriorCounts is not what makes them come out.
      for (const s of SCHEDULES) {
        const v = pixelCnnView(maskSchedule(d, s), 40, 60, 25, 31);
        const small = pixelCnnInteriorCounts(maskSchedule(d, s));
        expect([v.fieldSize, v.blindSpotSize]).toEqual([small.fieldSize, small.blindSpotSize]);
      }
    }
  });

  it("needs a (d + 1)×(2d + 1) image with the pixel at (d, d), and nothing smaller, to be interior", () => {
    for (const s of SCHEDULES) {
      for (let d = 1; d <= 5; d++) {
        const target: number = s === "all-A" ? (d + 1) ** 2 : (3 * d * d + 5 * d) / 2;
        let best: number = Infinity;
        let where: string[] = [];
        for (let h = 1; h <= d + 2; h++) {
          for (let w = 1; w <= 2 * d + 3; w++) {
            if (h * w > best) continue;
            for (let r = 0; r < h; r++) {
              for (let c = 0; c < w; c++) {
                if (count(pixelCnnReceptiveField(maskSchedule(d, s), h, w, r, c)) !== target) continue;
                if (h * w < best) {
                  best = h * w;
                  where = [];
                }
                where.push(`${h}x${w}@${r},${c}`);
              }
            }
          }
        }
        expect(where).toEqual([`${d + 1}x${2 * d + 1}@${d},${d}`]);
      }
    }
  });
});

describe("border pixels", () => {
  it("top row: A then B sees the d pixels to the left (fewer near the corner); A only sees the single pixel d to the left", () => {
    // Row 0: every up-tap reads padding, leaving the left tap (−1 column) and,
    // in B layers, the centre; A forces at least one step left.
    for (let d = 1; d <= 6; d++) {
      for (let c = 0; c < 10; c++) {
        const ab: string[] = cells(pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), 4, 10, 0, c));
        const expectedAb: string[] = [];
        for (let x = Math.max(0, c - d); x < c; x++) expectedAb.push(`0,${x}`);
        expect(ab).toEqual(expectedAb);
        expect(cells(pixelCnnReceptiveField(maskSchedule(d, "all-A"), 4, 10, 0, c))).toEqual(c >= d ? [`0,${c - d}`] : []);
      }
    }
  });

  it("A then B: the borders only cut the unbounded field (clipped field = unbounded field ∩ image)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), imageArb, (d, { h, w, row, col }) => {
        const big = pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), 20, 30, 10, 15);
        const field = pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), h, w, row, col);
        for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) expect(field[r][c]).toBe(big[r - row + 10][c - col + 15]);
      }),
      { seed: 2016, numRuns: 200 },
    );
  });

  it("A only: paths that leave the image are lost — on one column (0, 0) is outside the field of (1, 0) for d = 2", () => {
    // Unbounded, offset (−1, 0) is reached by two tap orders, left then
    // up-right (through (1, −1)) and up-right then left (through (0, 1)); on
    // one column both middle pixels are padding, and no other pair of A taps
    // sums to (−1, 0). On two columns the first order stays inside from the
    // right-hand pixel.
    expect(pixelCnnReceptiveField(["A", "A"], 2, 2, 1, 1)[0][1]).toBe(true);
    expect(pixelCnnReceptiveField(["A", "A"], 2, 1, 1, 0)[0][0]).toBe(false);
  });
});

describe("invariants", () => {
  it("causality: with mask A first the field lies strictly before the pixel in raster order", () => {
    fc.assert(
      fc.property(masksArb, imageArb, (rest, { h, w, row, col }) => {
        const field = pixelCnnReceptiveField(["A", ...rest].slice(0, 6) as Mask[], h, w, row, col);
        for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) if (field[r][c]) expect(before(r, c, row, col)).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("mask B first leaks the pixel itself when every layer is B, and nothing after it ever", () => {
    fc.assert(
      fc.property(masksArb, imageArb, (masks, { h, w, row, col }) => {
        const field = pixelCnnReceptiveField(masks, h, w, row, col);
        expect(field[row][col]).toBe(masks.every((m) => m === "B"));
        for (let r = 0; r < h; r++)
          for (let c = 0; c < w; c++) if (field[r][c]) expect(before(r, c, row, col) || (r === row && c === col)).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(pixelCnnReceptiveField(["B", "B", "B"], 5, 5, 3, 2)[3][2]).toBe(true);
  });

  it("A then B grows with depth (each B layer keeps the centre)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), imageArb, (d, { h, w, row, col }) => {
        const small = pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), h, w, row, col);
        const large = pixelCnnReceptiveField(maskSchedule(d + 1, "A-then-B"), h, w, row, col);
        for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) if (small[r][c]) expect(large[r][c]).toBe(true);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it("A only does not: the left neighbour drops out after 1 layer, the pixel above after 2", () => {
    // From the shape above: row 0 holds only column −d; row −1 spans
    // −d … 2 − d, which contains 0 only while d ≤ 2.
    for (let d = 1; d <= 8; d++) {
      const field = pixelCnnReceptiveField(maskSchedule(d, "all-A"), 12, 20, 10, 10);
      expect(field[10][9]).toBe(d === 1);
      expect(field[9][10]).toBe(d <= 2);
    }
  });

  it("blind spot: disjoint from the field, before the pixel, inside the field's bounding box", () => {
    fc.assert(
      fc.property(masksArb, imageArb, (masks, { h, w, row, col }) => {
        const field = pixelCnnReceptiveField(masks, h, w, row, col);
        const blind = pixelCnnBlindSpot(masks, h, w, row, col);
        const rows: number[] = [];
        const cols: number[] = [];
        field.forEach((line, r) => line.forEach((v, c) => v && (rows.push(r), cols.push(c))));
        for (let r = 0; r < h; r++) {
          for (let c = 0; c < w; c++) {
            const inBox: boolean =
              rows.length > 0 && r >= Math.min(...rows) && r <= Math.max(...rows) && c >= Math.min(...cols) && c <= Math.max(...cols);
            expect(blind[r][c]).toBe(inBox && before(r, c, row, col) && !field[r][c]);
          }
        }
        const view = pixelCnnView(masks, h, w, row, col);
        expect(view.field).toEqual(field);
        expect(view.blindSpot).toEqual(blind);
        expect([view.fieldSize, view.blindSpotSize]).toEqual([count(field), count(blind)]);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it("empty field at the top-left corner under mask A (every tap reads padding)", () => {
    const v = pixelCnnView(["A", "B"], 4, 4, 0, 0);
    expect([v.fieldSize, v.blindSpotSize]).toEqual([0, 0]);
  });
});

describe("connections", () => {
  // Brute force: every (output pixel, live tap) pair, kept if the input pixel
  // is inside the image or padding is counted; k² weights each.
  function brute(masks: readonly Mask[], h: number, w: number, k: number, countPadding: boolean): number {
    let n: number = 0;
    for (const m of masks) {
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              if (MASK_KERNELS[m][i][j] === 0) continue;
              const inside: boolean = r + i - 1 >= 0 && r + i - 1 < h && c + j - 1 >= 0 && c + j - 1 < w;
              if (countPadding || inside) n += k * k;
            }
          }
        }
      }
    }
    return n;
  }

  it("matches brute force, with and without padding", () => {
    fc.assert(
      fc.property(
        masksArb,
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (masks, h, w, k, pad) => {
          const c = pixelCnnConnections({ height: h, width: w, channels: k, masks, countPadding: pad });
          expect(c.total).toBe(brute(masks, h, w, k, pad));
          expect(c.perLayer.length).toBe(masks.length);
        },
      ),
      { seed: 99, numRuns: 200 },
    );
  });

  it("is 4HWk² per A layer and 5HWk² per B layer with padding, below the answer sheet's 9HWk²", () => {
    const [h, w, k, d] = [32, 32, 64, 10];
    const c = pixelCnnConnections({ height: h, width: w, channels: k, masks: maskSchedule(d, "A-then-B"), countPadding: true });
    expect(c.perLayer[0]).toBe(4 * h * w * k * k);
    expect(c.perLayer[1]).toBe(5 * h * w * k * k);
    expect(c.total).toBe((4 + 5 * (d - 1)) * h * w * k * k);
    const sheet: number = d * convolutionConnections(fullKernelTaps(), h, w, k, true);
    expect(sheet).toBe(9 * d * h * w * k * k);
    expect(c.total).toBeLessThan(sheet);
  });

  it("without padding a tap [dr, dc] connects (H − |dr|)(W − |dc|) outputs", () => {
    // Mask A on 3×4, k = 1: taps (−1,−1), (−1,0), (−1,1), (0,−1) give
    // 2·3 + 2·4 + 2·3 + 3·3 = 29 (hand count).
    expect(convolutionConnections(maskTaps("A"), 3, 4, 1, false)).toBe(29);
  });
});

describe("sequential operations", () => {
  // Independent: memoised DFS for the longest chain of units in the explicit
  // unit graph (a unit with only padding inputs still takes one step).
  function longest(masks: readonly Mask[], h: number, w: number): number {
    const memo: Map<string, number> = new Map<string, number>();
    const chain = (l: number, r: number, c: number): number => {
      if (l === 0) return 0;
      const key: string = `${l},${r},${c}`;
      const hit: number | undefined = memo.get(key);
      if (hit !== undefined) return hit;
      let best: number = 0;
      for (const [dr, dc] of maskTaps(masks[l - 1])) {
        const rr: number = r + dr;
        const cc: number = c + dc;
        if (rr >= 0 && rr < h && cc >= 0 && cc < w) best = Math.max(best, chain(l - 1, rr, cc));
      }
      memo.set(key, best + 1);
      return best + 1;
    };
    // Every unit of every layer is computed, so the chain may end anywhere
    // (with [A, B, A] on 1×1 the top unit reads only padding: 1 step, while
    // the B unit below it sits at step 2).
    let out: number = 0;
    for (let l = 1; l <= masks.length; l++) for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) out = Math.max(out, chain(l, r, c));
    return out;
  }

  it("training takes the longest chain in the unit graph: d for A then B", () => {
    fc.assert(
      fc.property(masksArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (masks, h, w) => {
        expect(pixelCnnSequentialOperations(masks, h, w).training).toBe(longest(masks, h, w));
      }),
      { seed: 17, numRuns: 200 },
    );
    for (let d = 1; d <= 12; d++) expect(pixelCnnSequentialOperations(maskSchedule(d, "A-then-B"), 1, 1).training).toBe(d);
  });

  it("A only on a tiny image: the chain is capped by the pixels it can step through", () => {
    // On 1×3 a chain must step left each layer: (0,0) → (0,1) → (0,2), 3 units.
    expect(pixelCnnSequentialOperations(maskSchedule(5, "all-A"), 1, 3).training).toBe(3);
    expect(pixelCnnSequentialOperations(maskSchedule(5, "all-A"), 8, 8).training).toBe(5);
  });

  it("sampling takes H·W network evaluations", () => {
    const s = pixelCnnSequentialOperations(maskSchedule(10, "A-then-B"), 32, 32);
    expect(s.samplingNetworkEvaluations).toBe(1024);
    expect(s.samplingSteps).toBe(10_240);
  });
});

describe("pixelCnnSamplingCriticalPath", () => {
  // Independent: the graph of draws and unit updates written out with its own
  // tap lists, run as a parallel machine would run it: at each step every
  // node whose inputs are all done runs. Returns the step at which the last
  // pixel is drawn (units no draw needs may still be running).
  const HAND_TAPS: Record<Mask, Array<[number, number]>> = {
    A: [
      [-1, -1],
      [-1, 0],
      [-1, 1],
      [0, -1],
    ],
    B: [
      [-1, -1],
      [-1, 0],
      [-1, 1],
      [0, -1],
      [0, 0],
    ],
  };
  function simulate(masks: readonly Mask[], h: number, w: number): number {
    const d: number = masks.length;
    // Node (l, r, c): l = 0 is the draw of x(r, c), l ≥ 1 the unit of layer l.
    const inputs = (l: number, r: number, c: number): Array<[number, number, number]> => {
      if (l === 0) return [[d, r, c]];
      const out: Array<[number, number, number]> = [];
      for (const [dr, dc] of HAND_TAPS[masks[l - 1]]) {
        if (r + dr >= 0 && r + dr < h && c + dc >= 0 && c + dc < w) out.push([l - 1, r + dr, c + dc]);
      }
      return out;
    };
    const done: Set<string> = new Set<string>();
    const key = (l: number, r: number, c: number): string => `${l},${r},${c}`;
    let drawn: number = 0;
    for (let step = 1; ; step++) {
      const ready: string[] = [];
      for (let l = 0; l <= d; l++) {
        for (let r = 0; r < h; r++) {
          for (let c = 0; c < w; c++) {
            if (done.has(key(l, r, c))) continue;
            if (inputs(l, r, c).every(([a, b, e]) => done.has(key(a, b, e)))) ready.push(key(l, r, c));
          }
        }
      }
      for (const k of ready) done.add(k);
      drawn += ready.filter((k) => k.startsWith("0,")).length;
      if (drawn === h * w) return step;
    }
  }

  it("equals a step-by-step parallel run of the graph, for any masks with A first", () => {
    const firstA: fc.Arbitrary<Mask[]> = masksArb.map((ms) => ["A", ...ms.slice(1)]);
    fc.assert(
      fc.property(firstA, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (masks, h, w) => {
        expect(pixelCnnSamplingCriticalPath(masks, h, w)).toBe(simulate(masks, h, w));
      }),
      { seed: 1606, numRuns: 150 },
    );
  });

  it("is (2H + W − 2)(d + 1) with A then B (H(d + 1) on one column), against H·W·(d + 1) pixel by pixel", () => {
    for (let d = 1; d <= 5; d++) {
      for (let h = 1; h <= 7; h++) {
        for (let w = 1; w <= 7; w++) {
          const n: number = pixelCnnSamplingCriticalPath(maskSchedule(d, "A-then-B"), h, w);
          expect(n).toBe(w === 1 ? h * (d + 1) : (2 * h + w - 2) * (d + 1));
          expect(n).toBeLessThanOrEqual(h * w * (d + 1));
        }
      }
    }
    expect(pixelCnnSamplingCriticalPath(maskSchedule(8, "A-then-B"), 32, 32)).toBe(846);
  });

  it("every pixel of a field has a smaller 2r + c than the output, so a front 2r + c can be drawn at once", () => {
    fc.assert(
      fc.property(masksArb, imageArb, (masks, { h, w, row, col }) => {
        const field = pixelCnnReceptiveField(["A", ...masks.slice(1)], h, w, row, col);
        for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) if (field[r][c]) expect(2 * r + c).toBeLessThan(2 * row + col);
      }),
      { seed: 1606, numRuns: 200 },
    );
  });

  it("rejects a mask B first layer and bad sizes", () => {
    expect(() => pixelCnnSamplingCriticalPath(["B", "B"], 4, 4)).toThrow('masks[0] must be "A" to sample');
    expect(() => pixelCnnSamplingCriticalPath(["A"], 0, 4)).toThrow("height must be an integer ≥ 1, got 0");
    expect(() => pixelCnnSamplingCriticalPath(["A"], 4, 1.5)).toThrow("width must be an integer, got 1.5");
    expect(() => pixelCnnSamplingCriticalPath([], 4, 4)).toThrow("masks must hold 1 to 64 layers, got 0");
  });
});

describe("pixelCnnPixelByPixelSamplingSteps", () => {
  it("is the layer steps of pixel-by-pixel sampling plus one draw per pixel, H·W·(d + 1), never below drawing fronts", () => {
    const firstA: fc.Arbitrary<Mask[]> = masksArb.map((ms) => ["A", ...ms.slice(1)]);
    fc.assert(
      fc.property(firstA, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (masks, h, w) => {
        const n: number = pixelCnnPixelByPixelSamplingSteps(masks, h, w);
        const s = pixelCnnSequentialOperations(masks, h, w);
        expect(n).toBe(s.samplingSteps + s.samplingNetworkEvaluations);
        expect(n).toBe(h * w * (masks.length + 1));
        expect(n).toBeGreaterThanOrEqual(pixelCnnSamplingCriticalPath(masks, h, w));
      }),
      { seed: 1606, numRuns: 150 },
    );
    expect(() => pixelCnnPixelByPixelSamplingSteps(["B"], 4, 4)).toThrow('masks[0] must be "A" to sample');
    expect(() => pixelCnnPixelByPixelSamplingSteps(["A"], 4, 0)).toThrow("width must be an integer ≥ 1, got 0");
  });
});

describe("pixelCnnEmptyFieldRows", () => {
  // By path enumeration, pixel by pixel.
  function bruteRows(masks: readonly Mask[], h: number, w: number): number[] {
    const rows: number[] = [];
    for (let r = 0; r < h; r++) {
      let n: number = 0;
      for (let c = 0; c < w; c++) if (count(bruteForceField(masks, h, w, r, c)) === 0) n++;
      rows.push(n);
    }
    return rows.slice(0, rows.findLastIndex((n) => n > 0) + 1);
  }

  it("counts, row by row, the outputs every path of taps leads out of the image (path enumeration)", () => {
    fc.assert(
      fc.property(masksArb, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 8 }), (masks, h, w) => {
        expect(pixelCnnEmptyFieldRows(masks, h, w)).toEqual(bruteRows(masks, h, w));
      }),
      { seed: 1606, numRuns: 300 },
    );
  });

  it("is empty for a stack of mask B alone (the centre tap always stays inside), and [1] for one mask A layer", () => {
    expect(pixelCnnEmptyFieldRows(["B", "B", "B"], 6, 6)).toEqual([]);
    expect(pixelCnnEmptyFieldRows(["A"], 6, 6)).toEqual([1]);
  });
});

describe("validation", () => {
  it("rejects bad masks, sizes and pixels with a message naming the value", () => {
    expect(() => pixelCnnReceptiveField(["A", "C" as Mask], 5, 5, 2, 2)).toThrow('masks[1] must be "A" or "B", got "C"');
    expect(() => pixelCnnReceptiveField([], 5, 5, 2, 2)).toThrow("masks must hold 1 to 64 layers, got 0");
    expect(() => pixelCnnReceptiveField(new Array<Mask>(MAX_PIXELCNN_DEPTH + 1).fill("B"), 5, 5, 2, 2)).toThrow(/got 65/);
    expect(() => pixelCnnReceptiveField(["A"], 0, 5, 0, 0)).toThrow("height must be an integer ≥ 1, got 0");
    expect(() => pixelCnnReceptiveField(["A"], 5, 2.5, 0, 0)).toThrow("width must be an integer, got 2.5");
    expect(() => pixelCnnReceptiveField(["A"], MAX_IMAGE_SIZE + 1, 5, 0, 0)).toThrow("height must be at most 256, got 257");
    expect(() => pixelCnnBlindSpot(["A"], 5, 5, 5, 0)).toThrow("row must be at most 4, got 5");
    expect(() => pixelCnnBlindSpot(["A"], 5, 5, 0, -1)).toThrow("col must be a non-negative integer, got -1");
    expect(() => pixelCnnView(["A"], 5, 5, 0, Number.NaN)).toThrow("col must be a non-negative integer, got NaN");
    expect(() => maskTaps("C" as Mask)).toThrow('mask must be "A" or "B", got "C"');
    expect(() => maskSchedule(0, "all-A")).toThrow("depth must be an integer ≥ 1, got 0");
    expect(() => maskSchedule(3, "all-B" as MaskSchedule)).toThrow('schedule must be "A-then-B" or "all-A", got "all-B"');
    expect(() => convolutionConnections([], 3, 3, 1, true)).toThrow(/taps must be a non-empty array/);
    expect(() => convolutionConnections([[0, 0.5]], 3, 3, 1, true)).toThrow("taps[0][1] must be an integer, got 0.5");
    expect(() => pixelCnnConnections({ height: 3, width: 3, channels: 0, masks: ["A"], countPadding: true })).toThrow(
      "channels must be an integer ≥ 1, got 0",
    );
    expect(() => pixelCnnSequentialOperations(["A"], 3, 0)).toThrow("width must be an integer ≥ 1, got 0");
  });
});
