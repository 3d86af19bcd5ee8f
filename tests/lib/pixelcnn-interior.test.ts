// The interior-pixel helpers added for chapter 2.2's widgets: which pixels of
// an image show the interior formulas, and the sizes against depth from one
// incremental propagation. Exact integer comparisons throughout.
import { describe, expect, it } from "vitest";
import {
  MAX_PIXELCNN_DEPTH,
  isInteriorPixel,
  largestInteriorDepth,
  maskSchedule,
  pixelCnnInteriorCountSeries,
  pixelCnnInteriorCounts,
  pixelCnnView,
  type MaskSchedule,
} from "../../lib/pixelcnn";

const SCHEDULES: readonly MaskSchedule[] = ["A-then-B", "all-A"];
// The closed forms derived in the chapter (and in pixelcnn.test.ts).
const FIELD: Record<MaskSchedule, (d: number) => number> = { "A-then-B": (d) => (3 * d * d + 5 * d) / 2, "all-A": (d) => (d + 1) ** 2 };
const BLIND: Record<MaskSchedule, (d: number) => number> = { "A-then-B": (d) => (d * (d - 1)) / 2, "all-A": (d) => d * d - 1 };

describe("isInteriorPixel", () => {
  it("holds exactly where the propagated field has the interior size, on the chapter's 12 × 16 image, every depth 1…12", () => {
    for (const s of SCHEDULES) {
      for (let d = 1; d <= 12; d++) {
        for (let r = 0; r < 12; r++) {
          for (let c = 0; c < 16; c++) {
            const v = pixelCnnView(maskSchedule(d, s), 12, 16, r, c);
            const interior = isInteriorPixel(d, 12, 16, r, c);
            expect(v.fieldSize === FIELD[s](d), `${s} d=${d} (${r},${c})`).toBe(interior);
            // Off the interior the field is strictly smaller, never larger.
            expect(v.fieldSize).toBeLessThanOrEqual(FIELD[s](d));
            if (interior) expect(v.blindSpotSize).toBe(BLIND[s](d));
          }
        }
      }
    }
  });

  it("rejects a pixel outside the image and a bad depth", () => {
    expect(() => isInteriorPixel(2, 4, 4, 4, 0)).toThrow("row must be at most 3, got 4");
    expect(() => isInteriorPixel(0, 4, 4, 0, 0)).toThrow("depth must be an integer ≥ 1, got 0");
  });
});

describe("largestInteriorDepth", () => {
  it("is the largest d with an interior pixel, found by search", () => {
    for (let h = 1; h <= 14; h++) {
      for (let w = 1; w <= 18; w++) {
        let best = 0;
        for (let d = 1; d <= 12; d++) {
          let any = false;
          for (let r = 0; r < h && !any; r++) for (let c = 0; c < w && !any; c++) any = isInteriorPixel(d, h, w, r, c);
          if (any) best = d;
        }
        expect(largestInteriorDepth(h, w), `${h}×${w}`).toBe(best);
      }
    }
    // The chapter's image: the 16 columns, not the 12 rows, are the limit.
    expect(largestInteriorDepth(12, 16)).toBe(7);
    expect(largestInteriorDepth(256, 256)).toBe(MAX_PIXELCNN_DEPTH);
  });
});

describe("pixelCnnInteriorCountSeries", () => {
  it("equals pixelCnnInteriorCounts (a fresh propagation per depth) and the closed forms, d = 1…32", () => {
    for (const s of SCHEDULES) {
      const series = pixelCnnInteriorCountSeries(s, 32);
      expect(series.map((e) => e.depth)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
      for (const e of series) {
        const one = pixelCnnInteriorCounts(maskSchedule(e.depth, s));
        expect([e.fieldSize, e.blindSpotSize]).toEqual([one.fieldSize, one.blindSpotSize]);
        expect([e.fieldSize, e.blindSpotSize]).toEqual([FIELD[s](e.depth), BLIND[s](e.depth)]);
      }
    }
  });

  it("does not depend on how far it goes: the first entries of a longer series are the shorter series", () => {
    for (const s of SCHEDULES) expect(pixelCnnInteriorCountSeries(s, 40).slice(0, 9)).toEqual(pixelCnnInteriorCountSeries(s, 9));
  });

  it("matches the lib author's table for d = 1…8", () => {
    const ab = pixelCnnInteriorCountSeries("A-then-B", 8);
    expect(ab.map((e) => e.fieldSize)).toEqual([4, 11, 21, 34, 50, 69, 91, 116]);
    expect(ab.map((e) => e.blindSpotSize)).toEqual([0, 1, 3, 6, 10, 15, 21, 28]);
  });

  it("rejects a bad schedule or depth", () => {
    expect(() => pixelCnnInteriorCountSeries("all-B" as MaskSchedule, 3)).toThrow(/schedule must be/);
    expect(() => pixelCnnInteriorCountSeries("all-A", 0)).toThrow("depth must be an integer ≥ 1, got 0");
    expect(() => pixelCnnInteriorCountSeries("all-A", MAX_PIXELCNN_DEPTH + 1)).toThrow(/at most 64/);
  });
});
