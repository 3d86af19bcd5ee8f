/**
 * Every number chapter 2.3 prints, pinned to the text it shows, against an
 * independent computation: closed forms the lib does not use, or direct
 * counts over explicit sets. The lib calls are the ones the chapter makes
 * (content/chapters/2-3-multidimensional-rnn.mdx), with the same arguments.
 */
import { describe, expect, it } from "vitest";
import { formatFixed, formatInteger } from "../../lib/format";
import {
  compareContexts,
  MDRNN_INPUTS,
  mdrnnActivationCount,
  mdrnnConnections,
  mdrnnCriticalPath,
  mdrnnPixelByPixelSampling,
  mdrnnSamplingCriticalPath,
  mdrnnScheduleSteps,
  mdrnnWavefront,
} from "../../lib/mdrnn";
import {
  maskSchedule,
  maskTaps,
  pixelCnnConnections,
  pixelCnnEmptyFieldRows,
  pixelCnnInteriorCounts,
  pixelCnnPixelByPixelSamplingSteps,
  pixelCnnSamplingCriticalPath,
  pixelCnnSequentialOperations,
  pixelCnnView,
} from "../../lib/pixelcnn";
import { COMPARE_COLS, COMPARE_ROWS } from "../../src/figures/mdrnn/mdrnn-vs-pixelcnn.figure";
import wavefront from "../../src/figures/mdrnn/wavefront.figure";

// The chapter's example: a 32 × 32 image, 8 layers, k = 64; and 256 × 256.
const [H, W, d, k] = [32, 32, 8, 64];
const big = 256;
const aThenB = maskSchedule(d, "A-then-B");
const shown = (n: number) => formatInteger(n).replace(/\u202F/g, " ");

describe("chapter 2.3: the numbers in the prose", () => {
  it("fan-in and live taps", () => {
    expect(MDRNN_INPUTS.length).toBe(3);
    expect(maskTaps("A").length).toBe(4);
    expect(maskTaps("B").length).toBe(5);
  });

  it("connections: 3dHWk², k²d(3HW − H − W), and PixelCNN's (4 + 5(d − 1))HWk²", () => {
    const padded = mdrnnConnections({ height: H, width: W, channels: k, depth: d, countPadding: true }).total;
    const unpadded = mdrnnConnections({ height: H, width: W, channels: k, depth: d, countPadding: false }).total;
    const pixelCnn = pixelCnnConnections({ height: H, width: W, channels: k, masks: aThenB, countPadding: true }).total;
    expect(shown(padded)).toBe("100 663 296");
    expect(padded).toBe(3 * d * H * W * k * k);
    expect(shown(unpadded)).toBe("98 566 144");
    expect(unpadded).toBe(k * k * d * (3 * H * W - H - W));
    expect(shown(padded - unpadded)).toBe("2 097 152");
    expect(padded - unpadded).toBe(d * k * k * (H + W));
    expect(shown(pixelCnn)).toBe("163 577 856");
    expect(pixelCnn).toBe((4 + 5 * (d - 1)) * H * W * k * k);
  });

  it("sequential steps: 70, 504 and 8 192 for the MDRNN; 8 for PixelCNN; 518 on 256 × 256", () => {
    const s = mdrnnScheduleSteps(H, W, d);
    expect([shown(s.wavefront), shown(s.layerByLayer), shown(s.rasterScan)]).toEqual(["70", "504", "8 192"]);
    expect([s.wavefront, s.layerByLayer, s.rasterScan]).toEqual([H + W + d - 2, d * (H + W - 1), d * H * W]);
    expect(shown(mdrnnScheduleSteps(big, big, d).wavefront)).toBe("518");
    expect(pixelCnnSequentialOperations(aThenB, H, W).training).toBe(d);
    expect(pixelCnnSequentialOperations(aThenB, big, big).training).toBe(d);
    expect(pixelCnnSequentialOperations(aThenB, H, W).samplingNetworkEvaluations).toBe(1024);
    expect(shown(mdrnnPixelByPixelSampling(H, W, d).draws)).toBe("1 024");
    expect(mdrnnPixelByPixelSampling(H, W, d).draws).toBe(H * W);
  });

  it("the wavefront figure's default takes H + W + d − 2 = 12 steps", () => {
    const { rows, cols, layers } = wavefront.params;
    expect(mdrnnCriticalPath(rows.default, cols.default, layers.default)).toBe(12);
    expect(rows.default + cols.default + layers.default - 2).toBe(12);
  });

  it("activations: dHWk = 524 288", () => {
    const n = mdrnnActivationCount({ height: H, width: W, channels: k, depth: d });
    expect(shown(n)).toBe("524 288");
    expect(n).toBe(d * H * W * k);
  });

  it("PixelCNN's interior field: (3d² + 5d)/2 = 116 pixels, blind spot d(d − 1)/2 = 28", () => {
    const c = pixelCnnInteriorCounts(aThenB);
    expect(c.fieldSize).toBe((3 * d * d + 5 * d) / 2);
    expect(c.fieldSize).toBe(116);
    expect(c.blindSpotSize).toBe((d * (d - 1)) / 2);
    expect(c.blindSpotSize).toBe(28);
  });

  it("contexts at pixel (16, 16), at the last pixel and at the first pixel of the last row", () => {
    // Independent shape of the A-then-B field at an interior pixel: row −j
    // (1 ≤ j ≤ d) spans columns −d … +j, the pixel's own row −d … −1. Up-right
    // is columns +1 … +j on row −j: 1 + 2 + … + d pixels.
    const middle = compareContexts(aThenB, H, W, 15, 15);
    expect(middle.mdrnnSize).toBe(16 * 16 - 1);
    expect(shown(middle.mdrnnSize)).toBe("255");
    expect(middle.fieldSize).toBe(116);
    expect(middle.pixelCnnOnly).toBe((d * (d + 1)) / 2);
    expect(middle.pixelCnnOnly).toBe(36);
    expect(middle.mdrnnOnly).toBe(255 - (116 - 36));
    expect(middle.mdrnnOnly).toBe(175);

    const last = compareContexts(aThenB, H, W, H - 1, W - 1);
    expect(shown(last.mdrnnSize)).toBe("1 023");
    expect(last.mdrnnSize).toBe(H * W - 1);

    // First pixel of the last row: the MDRNN sees column 1 above it; the
    // up-right past is (H − 1)(W − 1). At column 0 the field's row −j keeps
    // columns 0 … +j (the left part is cut by the border): Σ (j + 1).
    const rowStart = compareContexts(aThenB, H, W, H - 1, 0);
    expect(rowStart.mdrnnSize).toBe(H - 1);
    expect(rowStart.upRightPast).toBe((H - 1) * (W - 1));
    expect(shown(rowStart.upRightPast)).toBe("961");
    expect(rowStart.past).toBe((H - 1) * W);
    expect(shown(rowStart.past)).toBe("992");
    let field = 0;
    let upRight = 0;
    for (let j = 1; j <= d; j++) {
      field += j + 1;
      upRight += j;
    }
    expect(rowStart.fieldSize).toBe(field);
    expect(rowStart.fieldSize).toBe(44);
    expect(rowStart.pixelCnnOnly).toBe(upRight);
    expect(rowStart.pixelCnnOnly).toBe(36);
    expect(shown(rowStart.mdrnnSize)).toBe("31");
  });

  it("which context is larger depends on the pixel: the MDRNN's away from the left edge, the PixelCNN's near it", () => {
    // The MDRNN's size is the closed form rc − 1 (1-based); the field comes
    // from lib, tested against path enumeration in pixelcnn.test.ts.
    const fieldLarger: Array<[number, number]> = [];
    for (let r = 1; r <= H; r++) {
      for (let c = 1; c <= W; c++) {
        const field = pixelCnnView(aThenB, H, W, r - 1, c - 1).fieldSize;
        if (field > r * c - 1) fieldLarger.push([r, c]);
        if (c > 12) expect(field).toBeLessThanOrEqual(r * c - 1);
      }
    }
    expect(fieldLarger).toContainEqual([H, 1]);
    expect(fieldLarger).not.toContainEqual([16, 16]);
    // Every pixel where the PixelCNN's field is the larger lies in the first
    // 12 of the 32 columns; right of them the MDRNN's context is never the
    // smaller (a tie at (9, 13): 116 both).
    expect(Math.max(...fieldLarger.map(([, c]) => c))).toBe(12);
  });

  it("mask A in every layer on the figure's 12 × 16 image: empty fields exactly at c + 2r < d (0-based); at d = 12 runs of 12, 10, …, 2 in rows 1–6", () => {
    // Hand-derived: a path of d taps has u ≤ r up-steps (each may move one
    // column right) and d − u left steps, and the column must stay ≥ 0: some
    // path stays in the image iff c + u − (d − u) ≥ 0 for u = min(r, d), i.e.
    // the field is empty iff c + 2r < d. (Going right first never passes the
    // right edge here: alternating right and left steps keeps within one
    // column of c.) Checked at every depth the figure allows.
    expect([COMPARE_ROWS, COMPARE_COLS]).toEqual([12, 16]);
    for (let depth = 1; depth <= 12; depth++) {
      const masks = maskSchedule(depth, "all-A");
      const perRow: number[] = [];
      for (let r = 0; r < COMPARE_ROWS; r++) {
        let n = 0;
        for (let c = 0; c < COMPARE_COLS; c++) {
          const empty = pixelCnnView(masks, COMPARE_ROWS, COMPARE_COLS, r, c).fieldSize === 0;
          expect(empty, `d = ${depth}, (${r}, ${c})`).toBe(c + 2 * r < depth);
          if (empty) n++;
        }
        perRow.push(n);
      }
      // The chapter's call: rows counted from the top, up to the last with an empty field (c + 2r < d: only top rows have one).
      expect(pixelCnnEmptyFieldRows(masks, COMPARE_ROWS, COMPARE_COLS), `d = ${depth}`).toEqual(perRow.filter((n) => n > 0));
    }
    // The chapter's example, d = 12: a run at the start of each of the first six rows.
    const shownRows = pixelCnnEmptyFieldRows(maskSchedule(12, "all-A"), COMPARE_ROWS, COMPARE_COLS);
    expect(shownRows.map(shown)).toEqual(["12", "10", "8", "6", "4", "2"]);
    expect(shownRows.length).toBe(6);
  });

  it("exercise 2: the busiest wavefront steps and the average", () => {
    // Direct count of the triples (l, r, c), 0-based, with l + r + c = s.
    const counts = new Array<number>(H + W + d - 2).fill(0);
    for (let l = 0; l < d; l++) for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) counts[l + r + c]++;
    expect(mdrnnWavefront(H, W, d).unitsPerStep).toEqual(counts);
    const busiest = Math.max(...counts);
    expect(busiest).toBe(240);
    expect(counts.map((n, s) => (n === busiest ? s + 1 : 0)).filter((s) => s > 0)).toEqual([35, 36]);
    expect(counts[0]).toBe(1);
    expect(counts.at(-1)).toBe(1);
    // The chapter's average: the raster scan's steps over the wavefront's, both from lib (checked above against counts).
    const steps = mdrnnScheduleSteps(H, W, d);
    expect(formatInteger(Math.round(steps.rasterScan / steps.wavefront))).toBe("117");
  });

  it("exercise 5: sampling on anti-diagonals, (H + W − 2)(d + 1) + 1 = 559, against HW + (HW − 1)d = 9 208 one pixel at a time", () => {
    expect(mdrnnSamplingCriticalPath(H, W, d)).toBe((H + W - 2) * (d + 1) + 1);
    expect(mdrnnSamplingCriticalPath(H, W, d)).toBe(559);
    const byPixel = mdrnnPixelByPixelSampling(H, W, d).steps;
    expect(byPixel).toBe(H * W + (H * W - 1) * d);
    expect(shown(byPixel)).toBe("9 208");
  });

  it("a PixelCNN sampled one pixel at a time: d layer steps and a draw per pixel, HW(d + 1) = 9 216", () => {
    const byPixel = pixelCnnPixelByPixelSamplingSteps(aThenB, H, W);
    expect(byPixel).toBe(H * W * (d + 1));
    expect(shown(byPixel)).toBe("9 216");
  });

  it("exercise 5: a PixelCNN (A then B) sampled by fronts 2r + c takes (2H + W − 2)(d + 1) = 846 steps, about 1.5 times the MDRNN's", () => {
    const pixelCnn = pixelCnnSamplingCriticalPath(aThenB, H, W);
    expect(pixelCnn).toBe((2 * H + W - 2) * (d + 1));
    expect(shown(pixelCnn)).toBe("846");
    expect(formatFixed(pixelCnn / mdrnnSamplingCriticalPath(H, W, d), 1)).toBe("1.5");
    expect(formatFixed((2 * H + W - 2) / (H + W - 2 + 1 / (d + 1)), 1)).toBe("1.5");
  });
});
