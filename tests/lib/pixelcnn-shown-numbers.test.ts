// Every computed number chapter 2.2 shows, pinned to the digits it shows and
// checked against an independent computation: the closed forms derived in the
// chapter, or brute force. Also the chapter's claims that hold "for every
// value a widget allows" or "on every image", checked over those ranges.
// All quantities are exact integers (or booleans): exact comparisons.
import { describe, expect, it } from "vitest";
import { formatFixed, formatInteger } from "../../lib/format";
import {
  MAX_PIXELCNN_DEPTH,
  maskSchedule,
  pixelCnnBlindSpot,
  pixelCnnConnections,
  pixelCnnReceptiveField,
  pixelCnnSequentialOperations,
  type Mask,
  type MaskSchedule,
} from "../../lib/pixelcnn";
import { EXAMPLE, FIELD_DEPTH, MAX_WIDGET_DEPTH, N } from "../../src/figures/pixelcnn/chapter-numbers";
import fieldSize from "../../src/figures/pixelcnn/field-size.figure";
import masks from "../../src/figures/pixelcnn/masks.figure";
import receptiveField, { IMAGE_COLS, IMAGE_ROWS } from "../../src/figures/pixelcnn/receptive-field.figure";
import { renderStatic } from "../../src/figures/render/render-static";

/** formatInteger groups with a narrow no-break space; the expectations below use a plain one. */
const shown = (n: number) => formatInteger(n).replace(/\u202F/g, " ");

const { height: H, width: W, channels: K, depth: D } = EXAMPLE;
const FIELD: Record<MaskSchedule, (d: number) => number> = { "A-then-B": (d) => (3 * d * d + 5 * d) / 2, "all-A": (d) => (d + 1) ** 2 };
const BLIND: Record<MaskSchedule, (d: number) => number> = { "A-then-B": (d) => (d * (d - 1)) / 2, "all-A": (d) => d * d - 1 };

describe("chapter 2.2: the numbers in the prose", () => {
  it("inputs: a 32 × 32 image, k = 64, 10 layers; the widget's default depth 3, largest 12, image 12 × 16", () => {
    expect([H, W, K, D]).toEqual([32, 32, 64, 10]);
    expect([FIELD_DEPTH, MAX_WIDGET_DEPTH, IMAGE_ROWS, IMAGE_COLS]).toEqual([3, 12, 12, 16]);
  });

  it("taps: 9, 4 and 5", () => {
    expect([N.tapsFull, N.tapsA, N.tapsB]).toEqual([9, 4, 5]);
  });

  it("connections of the example, against the chapter's formulas", () => {
    const hw = H * W;
    const k2 = K * K;
    // 9dHWk², (5d − 1)HWk², [(5d − 1)HW − d(3H + 3W − 2)]k², 4dHWk², d(4HW − 3H − 3W + 2)k².
    expect(N.sheetTotal).toBe(9 * D * hw * k2);
    expect(N.abPadded.total).toBe((5 * D - 1) * hw * k2);
    expect(N.abReal.total).toBe(((5 * D - 1) * hw - D * (3 * H + 3 * W - 2)) * k2);
    expect(N.aaPadded.total).toBe(4 * D * hw * k2);
    expect(N.aaReal.total).toBe(D * (4 * hw - 3 * H - 3 * W + 2) * k2);
    expect(N.oneTap).toBe(hw * k2);
    expect([N.abPadded.perLayer[0], N.abPadded.perLayer[1]]).toEqual([4 * hw * k2, 5 * hw * k2]);
    expect(N.ratio).toBe((5 * D - 1) / (9 * D));
    expect(
      [N.sheetTotal, N.abPadded.total, N.abReal.total, N.aaPadded.total, N.aaReal.total, N.oneTap, ...N.abPadded.perLayer.slice(0, 2)].map(
        shown,
      ),
    ).toEqual(["377 487 360", "205 520 896", "197 738 496", "167 772 160", "159 989 760", "4 194 304", "16 777 216", "20 971 520"]);
    expect(formatFixed(N.ratio, 2)).toBe("0.54");
  });

  it("sequential operations of the example: 10 steps (both schedules), 1 024 evaluations, 10 240 layer steps", () => {
    expect([N.seqAB.training, N.seqAA.training]).toEqual([D, D]);
    expect(N.seqAB.samplingNetworkEvaluations).toBe(H * W);
    expect(N.seqAB.samplingSteps).toBe(H * W * D);
    expect([shown(N.seqAB.samplingNetworkEvaluations), shown(N.seqAB.samplingSteps)]).toEqual(["1 024", "10 240"]);
  });

  it("interior sizes at d = 3: 21 and 3 (A then B), 16 and 8 (all A), from the closed forms", () => {
    expect([N.ab.fieldSize, N.ab.blindSpotSize]).toEqual([FIELD["A-then-B"](3), BLIND["A-then-B"](3)]);
    expect([N.aa.fieldSize, N.aa.blindSpotSize]).toEqual([FIELD["all-A"](3), BLIND["all-A"](3)]);
    expect([N.ab.fieldSize, N.ab.blindSpotSize, N.aa.fieldSize, N.aa.blindSpotSize]).toEqual([21, 3, 16, 8]);
  });

  it("the widget's image has an interior pixel only up to d = 7 (brute force over every pixel)", () => {
    expect(N.widgetInterior).toBe(7);
    for (const s of ["A-then-B", "all-A"] as const) {
      for (let d = 1; d <= MAX_WIDGET_DEPTH; d++) {
        let interiorSized = false;
        for (let r = 0; r < IMAGE_ROWS; r++) {
          for (let c = 0; c < IMAGE_COLS; c++) {
            const f = pixelCnnReceptiveField(maskSchedule(d, s), IMAGE_ROWS, IMAGE_COLS, r, c);
            if (f.flat().filter(Boolean).length === FIELD[s](d)) interiorSized = true;
          }
        }
        expect(interiorSized, `${s}, d = ${d}`).toBe(d <= 7);
      }
    }
  });

  it("exercise 1: 6 + 8 + 6 + 9 + 12 = 41 for mask B on 3 × 4, 29 for mask A, 60 with padding", () => {
    expect(N.exerciseB.terms.join(" + ")).toBe("6 + 8 + 6 + 9 + 12");
    expect([N.exerciseB.total, N.exerciseA.total, N.exerciseB.padded]).toEqual([41, 29, 60]);
    expect(N.exerciseA.total).toBe(4 * 12 - 9 - 12 + 2);
    expect(N.exerciseB.total).toBe(N.exerciseA.total + 12);
  });

  it("exercise 2: offset (−1, +2) is never in the field of A then B, and in the blind spot from d = 2 (checked to d = 64)", () => {
    expect(N.neverSeenUpToDepth).toBe(MAX_PIXELCNN_DEPTH);
    // Independently, on one large image where the pixel is interior up to d = 20.
    const [h, w, row, col] = [24, 46, 22, 22];
    for (let d = 1; d <= 20; d++) {
      expect(pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), h, w, row, col)[row - 1][col + 2]).toBe(false);
      expect(pixelCnnBlindSpot(maskSchedule(d, "A-then-B"), h, w, row, col)[row - 1][col + 2]).toBe(d >= 2);
    }
    // Every earlier pixel at least as close (distance ≤ √5) is seen from d = 2 on.
    for (let d = 2; d <= 20; d++) {
      const f = pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), h, w, row, col);
      for (let dr = -2; dr <= 0; dr++) {
        for (let dc = -2; dc <= 2; dc++) {
          const before = dr < 0 || dc < 0;
          if (before && dr * dr + dc * dc <= 5 && !(dr === -1 && dc === 2))
            expect(f[row + dr][col + dc], `d=${d} (${dr},${dc})`).toBe(true);
        }
      }
    }
  });

  it("exercise 3: with mask A everywhere the pixel above is in the field only for d ≤ 2", () => {
    expect(N.aboveDropsAt).toBe(3);
  });

  it("exercise 5: B, A, B does not leak the output's own pixel; B, B does", () => {
    expect([N.leaksBAB, N.leaksBB]).toEqual([false, true]);
  });
});

describe("chapter 2.2: claims over ranges", () => {
  it("every stack's connections lie in [2dHWk², 5dHWk²] on images at least 3 pixels on a side", () => {
    for (const s of ["A-then-B", "all-A"] as const) {
      for (const pad of [true, false]) {
        for (let h = 3; h <= 12; h++) {
          for (let w = 3; w <= 12; w++) {
            for (let d = 1; d <= 6; d++) {
              const total = pixelCnnConnections({ height: h, width: w, channels: 1, masks: maskSchedule(d, s), countPadding: pad }).total;
              expect(total).toBeLessThanOrEqual(5 * d * h * w);
              expect(total).toBeGreaterThanOrEqual(2 * d * h * w);
            }
          }
        }
      }
    }
    // And the lower bound fails on a 2 × 3 image, so "at least 3 on a side" is needed.
    expect(pixelCnnConnections({ height: 2, width: 3, channels: 1, masks: ["A"], countPadding: false }).total).toBeLessThan(2 * 6);
  });

  it("with mask A everywhere the training critical path is d on any image with at least d rows or at least d columns", () => {
    for (let d = 1; d <= 8; d++) {
      for (let h = 1; h <= 10; h++) {
        for (let w = 1; w <= 10; w++) {
          if (h >= d || w >= d) expect(pixelCnnSequentialOperations(maskSchedule(d, "all-A"), h, w).training, `${h}×${w}, d=${d}`).toBe(d);
        }
      }
    }
    // Smaller images can fall short (1 × 3, five layers), but need not: on 2 × 2 a chain of
    // four units steps left, up and to the right, then left again.
    expect(pixelCnnSequentialOperations(maskSchedule(5, "all-A"), 1, 3).training).toBe(3);
    expect(pixelCnnSequentialOperations(maskSchedule(4, "all-A"), 2, 2).training).toBe(4);
  });

  it("near the border the field is the unbounded field cut to the image, except with all A on one-column images", () => {
    const cutOnly = (masks: Mask[], h: number, w: number): boolean => {
      const big = pixelCnnReceptiveField(masks, 40, 50, 20, 25);
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          const f = pixelCnnReceptiveField(masks, h, w, r, c);
          for (let rr = 0; rr < h; rr++) for (let cc = 0; cc < w; cc++) if (f[rr][cc] !== big[rr - r + 20][cc - c + 25]) return false;
        }
      }
      return true;
    };
    for (let d = 1; d <= 6; d++) {
      for (let h = 1; h <= 8; h++) {
        for (let w = 2; w <= 8; w++) expect(cutOnly(maskSchedule(d, "all-A"), h, w), `all A ${h}×${w} d=${d}`).toBe(true);
      }
    }
    for (let d = 1; d <= MAX_WIDGET_DEPTH; d++) {
      expect(cutOnly(maskSchedule(d, "all-A"), IMAGE_ROWS, IMAGE_COLS)).toBe(true);
      expect(cutOnly(maskSchedule(d, "A-then-B"), IMAGE_ROWS, IMAGE_COLS)).toBe(true);
    }
    // The one-column case of the chapter: row 2 misses the pixel above at d = 2.
    expect(cutOnly(maskSchedule(2, "all-A"), 2, 1)).toBe(false);
    expect(pixelCnnReceptiveField(maskSchedule(2, "all-A"), 2, 1, 1, 0)[0][0]).toBe(false);
  });

  it("all A: the left neighbour is in the field only at d = 1, the pixel above only for d ≤ 2; A then B keeps both", () => {
    for (let d = 1; d <= MAX_WIDGET_DEPTH; d++) {
      const aa = pixelCnnReceptiveField(maskSchedule(d, "all-A"), 14, 30, 13, 15);
      expect([aa[13][14], aa[12][15]]).toEqual([d === 1, d <= 2]);
      const ab = pixelCnnReceptiveField(maskSchedule(d, "A-then-B"), 14, 30, 13, 15);
      expect([ab[13][14], ab[12][15]]).toEqual([true, true]);
    }
  });
});

describe("chapter 2.2: the numbers the figures show by default", () => {
  it("the grid's description: 21 of the 119 earlier pixels, blind spot 3, interior", () => {
    const { description } = renderStatic(receptiveField, {});
    expect(description).toContain("It depends on 21 pixels of the 119 generated before it.");
    expect(description).toContain("never reaches, has 3 pixels.");
    expect(description).toContain("This pixel is interior");
  });

  it("the plot's description at 12 layers: 246 and 66 (A then B), 169 and 143 (all A), from the closed forms", () => {
    const { description } = renderStatic(fieldSize, {});
    expect([FIELD["A-then-B"](12), BLIND["A-then-B"](12), FIELD["all-A"](12), BLIND["all-A"](12)]).toEqual([246, 66, 169, 143]);
    expect(description).toContain("a field of 246 pixels and a blind spot of 66");
    expect(description).toContain("a field of 169 pixels and a blind spot of 143");
  });

  it("the masks figure: 9, 4 and 5 live taps, from the 0/1 matrices", () => {
    const { table } = renderStatic(masks, {});
    expect(table.rows.map((r) => r.at(-1))).toEqual(["9", "4", "5"]);
  });
});
