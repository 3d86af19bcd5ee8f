/**
 * The lib functions chapter 2.3 added on top of lib/mdrnn.ts: the three
 * schedules unit by unit, the prediction context, the comparison with
 * PixelCNN, the sampling critical path and the activation count. Everything
 * is an exact integer or boolean: exact comparisons.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compareContexts,
  MDRNN_SCHEDULES,
  mdrnnActivationCount,
  mdrnnPixelByPixelSampling,
  mdrnnPredictionContext,
  mdrnnScheduleSteps,
  mdrnnScheduleTimeline,
  mdrnnSamplingCriticalPath,
} from "../../lib/mdrnn";
import { maskSchedule, type MaskSchedule } from "../../lib/pixelcnn";
import { parents, sizeArb } from "./mdrnn-unit-graph";

describe("mdrnnScheduleTimeline", () => {
  it("gives valid schedules: every unit runs strictly after the units it reads", () => {
    fc.assert(
      fc.property(sizeArb, fc.constantFrom(...MDRNN_SCHEDULES), ({ h, w, d }, schedule) => {
        const { steps, unitsPerStep, stepCount } = mdrnnScheduleTimeline(h, w, d, schedule);
        const at = (l: number, r: number, c: number) => steps[((l - 1) * h + r) * w + c];
        for (let l = 1; l <= d; l++)
          for (let r = 0; r < h; r++)
            for (let c = 0; c < w; c++) for (const p of parents(l, r, c)) expect(at(...p)).toBeLessThan(at(l, r, c));
        expect(unitsPerStep.length).toBe(stepCount);
        expect(unitsPerStep.reduce((a, b) => a + b, 0)).toBe(h * w * d);
        expect(unitsPerStep.every((n) => n > 0)).toBe(true); // no idle step
      }),
      { seed: 23, numRuns: 120 },
    );
  });

  it("takes the step counts of mdrnnScheduleSteps, with the closed forms", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        const counts = mdrnnScheduleSteps(h, w, d);
        expect(mdrnnScheduleTimeline(h, w, d, "wavefront").stepCount).toBe(counts.wavefront);
        expect(mdrnnScheduleTimeline(h, w, d, "layer-by-layer").stepCount).toBe(counts.layerByLayer);
        expect(mdrnnScheduleTimeline(h, w, d, "raster-scan").stepCount).toBe(counts.rasterScan);
        expect(counts.layerByLayer).toBe(d * (h + w - 1));
      }),
      { seed: 231, numRuns: 100 },
    );
  });

  it("layer by layer: a layer starts only when the one below has finished; raster scan: one unit per step", () => {
    const [h, w, d] = [4, 6, 3];
    const lbl = mdrnnScheduleTimeline(h, w, d, "layer-by-layer").steps;
    for (let l = 1; l < d; l++) {
      const lastBelow = Math.max(...lbl.slice((l - 1) * h * w, l * h * w));
      const firstHere = Math.min(...lbl.slice(l * h * w, (l + 1) * h * w));
      expect(firstHere).toBe(lastBelow + 1);
    }
    expect(mdrnnScheduleTimeline(h, w, d, "raster-scan").unitsPerStep.every((n) => n === 1)).toBe(true);
  });

  it("rejects an unknown schedule", () => {
    expect(() => mdrnnScheduleTimeline(3, 3, 2, "diagonal" as never)).toThrow(
      'schedule must be "wavefront", "layer-by-layer" or "raster-scan", got "diagonal"',
    );
  });
});

describe("mdrnnPredictionContext", () => {
  it("is the upper-left quadrant without the pixel itself, at every pixel and depth", () => {
    for (const [h, w] of [
      [1, 1],
      [1, 5],
      [4, 1],
      [5, 7],
    ]) {
      for (const d of [1, 3]) {
        for (let row = 0; row < h; row++) {
          for (let col = 0; col < w; col++) {
            const ctx = mdrnnPredictionContext(h, w, row, col, d);
            for (let r = 0; r < h; r++)
              for (let c = 0; c < w; c++) expect(ctx[r][c]).toBe(r <= row && c <= col && !(r === row && c === col));
          }
        }
      }
    }
  });

  it("holds only past pixels (raster order), and r·c − 1 of them for 1-based (r, c)", () => {
    const [h, w] = [6, 9];
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const ctx = mdrnnPredictionContext(h, w, row, col);
        let n = 0;
        for (let r = 0; r < h; r++)
          for (let c = 0; c < w; c++)
            if (ctx[r][c]) {
              n++;
              expect(r < row || (r === row && c < col)).toBe(true);
            }
        expect(n).toBe((row + 1) * (col + 1) - 1);
      }
    }
  });
});

describe("compareContexts", () => {
  it("splits the past into both / MDRNN only / PixelCNN only (all up-right) / neither, at every pixel", () => {
    for (const s of ["A-then-B", "all-A"] as MaskSchedule[]) {
      for (const d of [1, 2, 5, 12]) {
        const [h, w] = [12, 16];
        for (let row = 0; row < h; row++) {
          for (let col = 0; col < w; col++) {
            const cmp = compareContexts(maskSchedule(d, s), h, w, row, col);
            expect(cmp.both + cmp.mdrnnOnly + cmp.pixelCnnOnly + cmp.neither).toBe(cmp.past);
            expect(cmp.both + cmp.mdrnnOnly).toBe(cmp.mdrnnSize);
            expect(cmp.both + cmp.pixelCnnOnly).toBe(cmp.fieldSize);
            expect(cmp.mdrnnSize).toBe((row + 1) * (col + 1) - 1);
            expect(cmp.upRightPast).toBe(row * (w - col - 1));
            // What only PixelCNN sees lies up-right, and A then B always sees
            // the pixel just up-right when it exists.
            for (let r = 0; r < h; r++)
              for (let c = 0; c < w; c++) if (cmp.field[r][c] && !cmp.mdrnn[r][c]) expect(r < row && c > col).toBe(true);
            if (s === "A-then-B") expect(cmp.pixelCnnOnly > 0).toBe(row >= 1 && col <= w - 2);
          }
        }
      }
    }
  });

  it("at the pixel the chapter uses by default (row 8, column 8 of 12 × 16, three layers A then B)", () => {
    // Independent count: A then B, interior pixel, d = 3: the field is
    // (3d² + 5d)/2 = 21 pixels (chapter 2.2's closed form); row 8, column 8
    // (1-based) is interior for d = 3 (3 rows above, 3 columns each side).
    const cmp = compareContexts(maskSchedule(3, "A-then-B"), 12, 16, 7, 7);
    expect(cmp.fieldSize).toBe(21);
    expect(cmp.mdrnnSize).toBe(8 * 8 - 1);
    // Up-right part of the field: row −j spans columns −d … j (j = 1…3) for
    // A then B here, so columns +1 … +j: 1 + 2 + 3 = 6 pixels.
    expect(cmp.pixelCnnOnly).toBe(6);
    expect(cmp.both).toBe(15);
  });
});

describe("mdrnnSamplingCriticalPath", () => {
  // Brute force: the graph of draws and unit updates with explicit nodes,
  // longest path by memoised recursion.
  function brute(h: number, w: number, d: number): number {
    const memo = new Map<string, number>();
    const node = (kind: "x" | "h", l: number, r: number, c: number): number => {
      const key = `${kind}${l},${r},${c}`;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const deps: number[] = [];
      if (kind === "x") {
        if (c > 0) deps.push(node("h", d, r, c - 1));
        if (r > 0) deps.push(node("h", d, r - 1, c));
      } else {
        deps.push(l === 1 ? node("x", 0, r, c) : node("h", l - 1, r, c));
        if (c > 0) deps.push(node("h", l, r, c - 1));
        if (r > 0) deps.push(node("h", l, r - 1, c));
      }
      const v = 1 + Math.max(0, ...deps);
      memo.set(key, v);
      return v;
    };
    let best = 0;
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) best = Math.max(best, node("x", 0, r, c));
    return best;
  }

  it("equals a brute-force longest path and the closed form (H + W − 2)(d + 1) + 1", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        const n = mdrnnSamplingCriticalPath(h, w, d);
        expect(n).toBe(brute(h, w, d));
        expect(n).toBe((h + w - 2) * (d + 1) + 1);
      }),
      { seed: 2007, numRuns: 100 },
    );
  });

  it("is far below one pixel at a time (H·W·(d + 1)) and above the training critical path", () => {
    expect(mdrnnSamplingCriticalPath(32, 32, 8)).toBe(559);
    expect(mdrnnSamplingCriticalPath(32, 32, 8)).toBeLessThan(32 * 32 * 9);
    expect(mdrnnScheduleSteps(32, 32, 8).wavefront).toBe(70);
  });
});

describe("mdrnnPixelByPixelSampling", () => {
  // Brute force: the explicit graph of draws and unit updates, the nodes some
  // draw depends on found by a backward search from every draw, then the
  // sampler run one node per step in its order (pixel by pixel, the draw then
  // layers 1…d), checking that every node's inputs are done before it.
  function sequential(h: number, w: number, d: number): { draws: number; unitUpdates: number } {
    const inputs = (node: string): string[] => {
      const [l, r, c] = node.slice(1).split(",").map(Number);
      if (node[0] === "x") return [...(c > 0 ? [`h${d},${r},${c - 1}`] : []), ...(r > 0 ? [`h${d},${r - 1},${c}`] : [])];
      return [
        l === 1 ? `x0,${r},${c}` : `h${l - 1},${r},${c}`,
        ...parents(l, r, c)
          .filter(([ll]) => ll === l)
          .map(([ll, rr, cc]) => `h${ll},${rr},${cc}`),
      ];
    };
    const needed = new Set<string>();
    const stack: string[] = [];
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) stack.push(`x0,${r},${c}`);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (needed.has(node)) continue;
      needed.add(node);
      stack.push(...inputs(node));
    }
    const done = new Set<string>();
    let [draws, unitUpdates] = [0, 0];
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        for (const node of [`x0,${r},${c}`, ...Array.from({ length: d }, (_, i) => `h${i + 1},${r},${c}`)]) {
          if (!needed.has(node)) continue;
          for (const input of inputs(node)) expect(done.has(input), `${node} reads ${input}`).toBe(true);
          done.add(node);
          if (node[0] === "x") draws++;
          else unitUpdates++;
        }
      }
    }
    expect(done.size).toBe(needed.size);
    return { draws, unitUpdates };
  }

  it("equals the sequential sampler run on the explicit graph, and the closed form HW(d + 1) − d", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        const s = mdrnnPixelByPixelSampling(h, w, d);
        const run = sequential(h, w, d);
        expect({ draws: s.draws, unitUpdates: s.unitUpdates }).toEqual(run);
        expect(s.steps).toBe(run.draws + run.unitUpdates);
        expect(s.steps).toBe(h * w * (d + 1) - d);
      }),
      { seed: 2007, numRuns: 100 },
    );
  });

  it("is never below drawing whole anti-diagonals, and far above it on the chapter's example", () => {
    fc.assert(
      fc.property(sizeArb, ({ h, w, d }) => {
        expect(mdrnnPixelByPixelSampling(h, w, d).steps).toBeGreaterThanOrEqual(mdrnnSamplingCriticalPath(h, w, d));
      }),
      { seed: 2007, numRuns: 100 },
    );
    expect(mdrnnPixelByPixelSampling(32, 32, 8).steps).toBe(1024 * 9 - 8);
    expect(() => mdrnnPixelByPixelSampling(0, 4, 2)).toThrow("height must be an integer ≥ 1, got 0");
  });
});

describe("mdrnnActivationCount", () => {
  it("counts one k-vector per unit: d·H·W·k", () => {
    expect(mdrnnActivationCount({ height: 32, width: 32, channels: 64, depth: 8 })).toBe(8 * 1024 * 64);
    expect(() => mdrnnActivationCount({ height: 32, width: 32, channels: 0, depth: 8 })).toThrow("channels must be an integer ≥ 1, got 0");
  });
});
