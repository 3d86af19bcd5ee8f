import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CAUSAL_KERNEL_MASK,
  DILATION_SCHEDULES,
  MAX_DOUBLING_DEPTH,
  MAX_GRAPH_DEPTH,
  MAX_GRAPH_LENGTH,
  MAX_WAVENET_DEPTH,
  causalLags,
  dilations,
  paddingConnectionsOfDilations,
  receptiveLagRuns,
  repeatedDoublingDilations,
  waveNetConnections,
  waveNetConnectionsOfDilations,
  waveNetDependencyGraph,
  waveNetDependencyGraphOfDilations,
  waveNetDepthForContext,
  waveNetReceptiveField,
  waveNetReceptiveFieldOfDilations,
  waveNetSequentialOperations,
  undilatedDepthForContext,
  type DilationSchedule,
} from "../../lib/wavenet";

// All counts here are exact integers, so every comparison is exact (toBe).

// The closed forms the chapter quotes, derived by hand (never used by lib/):
// - no dilation: each layer adds lag 0 or 1, sums 0…d → d + 1 samples;
// - +1 schedule: subset sums of {1, …, d} are every integer 0…d(d+1)/2
//   (induction: adding d to the sums 0…(d−1)d/2 covers up to d(d+1)/2 with
//   no gap since d ≤ (d−1)d/2 + 1) → 1 + d(d+1)/2;
// - doubling: subset sums of {1, 2, …, 2^{d−1}} are the d-bit numbers → 2^d.
function formula(depth: number, schedule: DilationSchedule): number {
  if (schedule === "none") return depth + 1;
  if (schedule === "plus-one") return 1 + (depth * (depth + 1)) / 2;
  return 2 ** depth;
}

// Brute force, independent of the run-merging propagation: enumerate every
// choice of live tap in every layer (2^d paths) and collect the distinct lags.
function bruteForceLags(dils: readonly number[]): Set<number> {
  const out: Set<number> = new Set<number>();
  const n: number = dils.length;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let lag: number = 0;
    for (let l = 0; l < n; l++) if ((mask >> l) & 1) lag += dils[l];
    out.add(lag);
  }
  return out;
}

// A second independent check: run an actual linear causal convolution stack
// (one channel, kernel [w₋, w₀, w₊] with the mask applied, all weights > 0 so
// nothing cancels) on each unit impulse, and read off whether the output at
// `position` moved. Zero padding is literal: indices before 0 read 0.
function impulseDependencies(dils: readonly number[], length: number, position: number): boolean[] {
  const weights: number[] = [0.7, 1.3, 0.9].map((w, i) => w * CAUSAL_KERNEL_MASK[i]);
  const seen: boolean[] = [];
  for (let q = 0; q < length; q++) {
    let x: number[] = new Array<number>(length).fill(0);
    x[q] = 1;
    for (const d of dils) {
      const y: number[] = new Array<number>(length).fill(0);
      for (let p = 0; p < length; p++) {
        for (let i = 0; i < 3; i++) {
          const src: number = p + (i - 1) * d;
          if (src >= 0 && src < length) y[p] += weights[i] * x[src];
        }
      }
      x = y;
    }
    seen.push(x[position] !== 0);
  }
  return seen;
}

describe("dilations", () => {
  it("follows each schedule's rule layer by layer", () => {
    for (let d = 1; d <= 12; d++) {
      const none: number[] = dilations(d, "none");
      const plus: number[] = dilations(d, "plus-one");
      const dbl: number[] = dilations(d, "doubling");
      expect(none.length).toBe(d);
      expect(none[0]).toBe(1);
      expect(plus[0]).toBe(1);
      expect(dbl[0]).toBe(1);
      for (let l = 1; l < d; l++) {
        expect(none[l]).toBe(none[l - 1]);
        expect(plus[l] - plus[l - 1]).toBe(1);
        expect(dbl[l] / dbl[l - 1]).toBe(2);
      }
    }
  });

  it("repeats WaveNet's 1, 2, …, 512 block", () => {
    const d: number[] = repeatedDoublingDilations(25);
    expect(d.slice(0, 10)).toEqual(dilations(10, "doubling"));
    expect(d.slice(10, 20)).toEqual(dilations(10, "doubling"));
    expect(d.slice(20)).toEqual(dilations(5, "doubling"));
    expect(d[9]).toBe(512);
    expect(repeatedDoublingDilations(6, 3)).toEqual([1, 2, 4, 1, 2, 4]);
  });
});

describe("causal kernel", () => {
  it("has exactly the centre and the earlier tap live", () => {
    for (const delta of [1, 2, 7, 512]) expect(causalLags(delta).sort((a, b) => a - b)).toEqual([0, delta]);
  });
});

describe("waveNetReceptiveField by propagation", () => {
  it("matches d + 1, 1 + d(d+1)/2 and 2^d for d = 1…12", () => {
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d <= 12; d++) expect(waveNetReceptiveField(d, s)).toBe(formula(d, s));
    }
  });

  it("keeps matching up to the depth caps (one run per schedule)", () => {
    for (const d of [50, 200, MAX_WAVENET_DEPTH]) {
      expect(waveNetReceptiveField(d, "none")).toBe(d + 1);
      expect(waveNetReceptiveField(d, "plus-one")).toBe(1 + (d * (d + 1)) / 2);
      expect(receptiveLagRuns(dilations(d, "plus-one")).length).toBe(2);
    }
    expect(waveNetReceptiveField(MAX_DOUBLING_DEPTH, "doubling")).toBe(2 ** MAX_DOUBLING_DEPTH);
  });

  it("agrees with brute-force path enumeration on the schedules for d ≤ 12", () => {
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d <= 12; d++) expect(waveNetReceptiveField(d, s)).toBe(bruteForceLags(dilations(d, s)).size);
    }
  });

  it("agrees with brute force on random dilation lists, including ones that leave gaps", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (dils: number[]) => {
        const lags: number[] = [...bruteForceLags(dils)].sort((a, b) => a - b);
        expect(waveNetReceptiveFieldOfDilations(dils)).toBe(lags.length);
        // The runs must list exactly the brute-force lags.
        const runs: number[] = receptiveLagRuns(dils);
        const expanded: number[] = [];
        for (let i = 0; i < runs.length; i += 2) for (let v = runs[i]; v <= runs[i + 1]; v++) expanded.push(v);
        expect(expanded).toEqual(lags);
      }),
      { seed: 20_161_609, numRuns: 300 },
    );
  });

  it("handles a gapped list by hand: dilations 1, 10 reach lags 0, 1, 10, 11", () => {
    // Paths: neither tap (0), the δ=1 tap (1), the δ=10 tap (10), both (11).
    expect(receptiveLagRuns([1, 10])).toEqual([0, 1, 10, 11]);
    expect(waveNetReceptiveFieldOfDilations([1, 10])).toBe(4);
  });

  it("gives WaveNet's 1024 per 1…512 block and b·1023 + 1 for b blocks", () => {
    // van den Oord et al. 2016c, §2.1: each block has a receptive field of
    // 1024; stacking b blocks adds their spans 1023 each to the lag 0.
    for (let b = 1; b <= 5; b++) expect(waveNetReceptiveFieldOfDilations(repeatedDoublingDilations(10 * b))).toBe(b * 1023 + 1);
  });

  it("grows monotonically with depth", () => {
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d < 30; d++) expect(waveNetReceptiveField(d + 1, s)).toBeGreaterThan(waveNetReceptiveField(d, s));
    }
  });

  it("reaches the formulas at the caps", () => {
    // The order of the layers matters for cost: taken top-down, doubling
    // would pass through 2^29 runs before merging (speed: `npm run bench`).
    expect(waveNetReceptiveField(MAX_DOUBLING_DEPTH, "doubling")).toBe(2 ** MAX_DOUBLING_DEPTH);
    expect(waveNetReceptiveField(MAX_WAVENET_DEPTH, "plus-one")).toBe(1 + (MAX_WAVENET_DEPTH * (MAX_WAVENET_DEPTH + 1)) / 2);
  });
});

describe("waveNetDepthForContext", () => {
  it("is the smallest depth whose receptive field reaches the length", () => {
    for (const s of DILATION_SCHEDULES) {
      for (const t of [1, 2, 3, 7, 8, 9, 100, 1000]) {
        const d: number = waveNetDepthForContext(t, s);
        expect(formula(d, s)).toBeGreaterThanOrEqual(t);
        if (d > 1) expect(formula(d - 1, s)).toBeLessThan(t);
      }
    }
  });

  it("is ⌈log₂ t⌉ when doubling and t − 1 without dilation (the path lengths of 2.1.3)", () => {
    for (const t of [2, 3, 1000, 16_000, 2 ** 20, 2 ** 20 + 1]) {
      expect(waveNetDepthForContext(t, "doubling")).toBe(Math.ceil(Math.log2(t)));
      if (t <= MAX_WAVENET_DEPTH + 1) expect(waveNetDepthForContext(t, "none")).toBe(t - 1);
    }
  });

  it("throws when the depth cap cannot cover the length", () => {
    expect(() => waveNetDepthForContext(MAX_WAVENET_DEPTH + 2, "none")).toThrow(/needs more than 1024 layers with schedule "none"/);
    expect(() => waveNetDepthForContext(0, "none")).toThrow(RangeError);
  });
});

describe("undilatedDepthForContext", () => {
  it("agrees with the depth found by propagation wherever that is defined, and goes past its cap", () => {
    for (let t = 1; t <= MAX_WAVENET_DEPTH + 1; t++) expect(undilatedDepthForContext(t)).toBe(waveNetDepthForContext(t, "none"));
    const d: number = undilatedDepthForContext(16_000);
    expect(formula(d, "none")).toBeGreaterThanOrEqual(16_000);
    expect(formula(d - 1, "none")).toBeLessThan(16_000);
  });

  it("rejects a length that is not a positive integer", () => {
    expect(() => undilatedDepthForContext(0)).toThrow(RangeError);
    expect(() => undilatedDepthForContext(2.5)).toThrow("length must be an integer, got 2.5");
  });
});

describe("waveNetDependencyGraph", () => {
  it("reaches exactly the inputs an impulse through a real masked convolution stack reaches", () => {
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d <= 5; d++) {
        const t: number = 20;
        for (const p of [0, 3, 9, 19]) {
          const g = waveNetDependencyGraph(d, s, t, p);
          expect(g.nodes[0]).toEqual(impulseDependencies(dilations(d, s), t, p));
        }
      }
    }
  });

  it("reaches min(position + 1, receptive field) inputs (zero padding before the start)", () => {
    // The lag set of every named schedule is one run [0, R − 1]; near the
    // start the lags beyond the position fall in the padding.
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d <= 6; d++) {
        for (const p of [0, 1, 5, 40, 63]) {
          const g = waveNetDependencyGraph(d, s, 64, p);
          expect(g.inputCount).toBe(Math.min(p + 1, formula(d, s)));
          expect(g.nodes[0].filter((v) => v).length).toBe(g.inputCount);
        }
      }
    }
  });

  it("has consistent nodes and edges: every node but the output feeds a node above, every ancestor has both taps", () => {
    for (const s of DILATION_SCHEDULES) {
      const d: number = 5;
      const g = waveNetDependencyGraph(d, s, 40, 33);
      expect(g.nodes.length).toBe(d + 1);
      expect(g.nodes[d].map((v, i) => (v ? i : -1)).filter((i) => i >= 0)).toEqual([33]);
      let ancestors: number = 0;
      for (let l = 1; l <= d; l++) ancestors += g.nodes[l].filter((v) => v).length;
      // 2 live taps per ancestor unit: real or padding.
      expect(g.edges.length + g.paddingEdges.length).toBe(2 * ancestors);
      const hasParent: Set<string> = new Set<string>();
      for (const e of g.edges) {
        expect(g.nodes[e.layer][e.to]).toBe(true);
        expect(g.nodes[e.layer - 1][e.from]).toBe(true);
        expect([0, g.dilations[e.layer - 1]]).toContain(e.to - e.from);
        hasParent.add(`${e.layer - 1}:${e.from}`);
      }
      for (let l = 0; l < d; l++) {
        g.nodes[l].forEach((v, i) => {
          if (v) expect(hasParent.has(`${l}:${i}`)).toBe(true);
        });
      }
      for (const e of g.paddingEdges) expect(e.from).toBeLessThan(0);
    }
  });

  it("reports padding edges only near the start", () => {
    const far = waveNetDependencyGraph(4, "doubling", 64, 63); // 63 ≥ 2^4 − 1: no tap reaches the padding
    expect(far.paddingEdges).toEqual([]);
    const near = waveNetDependencyGraph(4, "doubling", 64, 0); // only the centre taps stay inside
    expect(near.inputCount).toBe(1);
    expect(near.paddingEdges.length).toBe(4);
  });

  it("works with an explicit list and validates it", () => {
    expect(waveNetDependencyGraphOfDilations([1, 10], 30, 29).inputCount).toBe(4);
    expect(() => waveNetDependencyGraph(MAX_GRAPH_DEPTH + 1, "none", 10, 0)).toThrow(/depth must be at most 64/);
    expect(() => waveNetDependencyGraph(3, "none", MAX_GRAPH_LENGTH + 1, 0)).toThrow(/length must be at most 1024/);
    expect(() => waveNetDependencyGraph(3, "none", 10, 10)).toThrow("position must be at most 9, got 10");
    expect(() => waveNetDependencyGraph(3, "none", 10, -1)).toThrow("position must be a non-negative integer, got -1");
  });
});

describe("waveNetConnections", () => {
  // Brute force: enumerate every (output position, live tap) pair of every
  // layer and keep the ones whose input index is inside the signal.
  function bruteForceConnections(dils: readonly number[], t: number, k: number, countPadding: boolean): number {
    let n: number = 0;
    for (const d of dils) {
      for (let p = 0; p < t; p++) {
        for (let i = 0; i < 3; i++) {
          if (CAUSAL_KERNEL_MASK[i] === 0) continue;
          const src: number = p + (i - 1) * d;
          if (countPadding || (src >= 0 && src < t)) n += k * k;
        }
      }
    }
    return n;
  }

  it("is 2tk² per layer with the padding counted, whatever the dilation", () => {
    for (const s of DILATION_SCHEDULES) {
      for (const [t, k, d] of [
        [16, 1, 5],
        [100, 3, 7],
        [1000, 8, 10],
      ]) {
        const c = waveNetConnections({ length: t, channels: k, depth: d, schedule: s, countPadding: true });
        expect(c.perLayer).toEqual(new Array<number>(d).fill(2 * t * k * k));
        expect(c.total).toBe(2 * d * t * k * k);
      }
    }
  });

  it("matches the brute-force count without padding, and then depends on the dilation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom<DilationSchedule>(...DILATION_SCHEDULES),
        (t: number, k: number, d: number, s: DilationSchedule) => {
          const c = waveNetConnections({ length: t, channels: k, depth: d, schedule: s, countPadding: false });
          expect(c.total).toBe(bruteForceConnections(dilations(d, s), t, k, false));
          // Between dtk² (only centre taps) and 2dtk²: still O(dtk²).
          expect(c.total).toBeGreaterThanOrEqual(d * t * k * k);
          expect(c.total).toBeLessThanOrEqual(2 * d * t * k * k);
        },
      ),
      { seed: 413, numRuns: 200 },
    );
    // t = 16, doubling, d = 5: dilations 1, 2, 4, 8, 16 lose 1 + 2 + 4 + 8 + 16
    // = 31 taps of the 2·5·16 = 160 → 129; no dilation loses 5 → 155.
    expect(waveNetConnections({ length: 16, channels: 1, depth: 5, schedule: "doubling", countPadding: false }).total).toBe(129);
    expect(waveNetConnections({ length: 16, channels: 1, depth: 5, schedule: "none", countPadding: false }).total).toBe(155);
  });

  it("rejects bad arguments and counts beyond 2^53", () => {
    const ok = { length: 10, channels: 2, depth: 3, schedule: "none" as DilationSchedule, countPadding: true };
    expect(() => waveNetConnections({ ...ok, channels: 0 })).toThrow("channels must be an integer ≥ 1, got 0");
    expect(() => waveNetConnections({ ...ok, length: 2.5 })).toThrow("length must be an integer, got 2.5");
    expect(() => waveNetConnections({ ...ok, countPadding: "yes" as unknown as boolean })).toThrow(
      'countPadding must be true or false, got "yes"',
    );
    expect(() => waveNetConnections({ ...ok, schedule: "tripling" as DilationSchedule })).toThrow(/schedule must be/);
    expect(() => waveNetConnectionsOfDilations(new Array<number>(1024).fill(1), 2 ** 30, 65_536, true)).toThrow(/exceeds 2\^53/);
  });
});

describe("paddingConnectionsOfDilations", () => {
  // Independent: walk every position and live tap of each layer and count the
  // reads that land before the first sample.
  function paddingReads(dilation: number, t: number): number {
    let n: number = 0;
    for (let p = 0; p < t; p++) {
      for (let i = 0; i < 3; i++) if (CAUSAL_KERNEL_MASK[i] !== 0 && p + (i - 1) * dilation < 0) n++;
    }
    return n;
  }

  it("counts, layer by layer, the reads of the zero padding, and is the count with padding minus the count without", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        (dils: number[], t: number, k: number) => {
          const padding = paddingConnectionsOfDilations(dils, t, k);
          expect(padding.perLayer).toEqual(dils.map((d) => paddingReads(d, t) * k * k));
          const withPadding = waveNetConnectionsOfDilations(dils, t, k, true);
          const without = waveNetConnectionsOfDilations(dils, t, k, false);
          expect(padding.perLayer).toEqual(withPadding.perLayer.map((c, i) => c - without.perLayer[i]));
          expect(padding.total).toBe(withPadding.total - without.total);
        },
      ),
      { seed: 2101, numRuns: 200 },
    );
  });

  it("rejects bad arguments", () => {
    expect(() => paddingConnectionsOfDilations([], 4, 1)).toThrow(/dilations must hold 1 to/);
    expect(() => paddingConnectionsOfDilations([1, 0], 4, 1)).toThrow(RangeError);
    expect(() => paddingConnectionsOfDilations([1], 0, 1)).toThrow(RangeError);
    expect(() => paddingConnectionsOfDilations([1], 4, 1.5)).toThrow(RangeError);
  });
});

describe("waveNetSequentialOperations", () => {
  // Independent: the longest chain of units in the explicit unit graph (all
  // positions, all layers), by memoised depth-first search from each unit.
  function longestChain(dils: readonly number[], t: number): number {
    const memo: Map<string, number> = new Map<string, number>();
    const chain = (l: number, p: number): number => {
      if (l === 0) return 0; // inputs are given
      const key: string = `${l}:${p}`;
      const hit: number | undefined = memo.get(key);
      if (hit !== undefined) return hit;
      let best: number = 0;
      for (const q of [p, p - dils[l - 1]]) if (q >= 0) best = Math.max(best, chain(l - 1, q));
      memo.set(key, best + 1);
      return best + 1;
    };
    let longest: number = 0;
    for (let p = 0; p < t; p++) longest = Math.max(longest, chain(dils.length, p));
    return longest;
  }

  it("evaluation takes d steps, with or without dilation (longest path in the unit graph)", () => {
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d <= 10; d++) {
        for (const t of [1, 5, 50]) expect(waveNetSequentialOperations(d, t).evaluation).toBe(longestChain(dilations(d, s), t));
      }
    }
  });

  it("sampling needs one network evaluation per sample", () => {
    const s = waveNetSequentialOperations(10, 16_000);
    expect(s.samplingNetworkEvaluations).toBe(16_000);
    expect(s.samplingSteps).toBe(160_000);
  });
});

describe("validation", () => {
  it("rejects bad depths and schedules with a message naming the value", () => {
    expect(() => waveNetReceptiveField(0, "none")).toThrow("depth must be an integer ≥ 1, got 0");
    expect(() => waveNetReceptiveField(2.5, "none")).toThrow("depth must be an integer, got 2.5");
    expect(() => waveNetReceptiveField(Number.NaN, "plus-one")).toThrow("depth must be an integer, got NaN");
    expect(() => waveNetReceptiveField(3, "triple" as DilationSchedule)).toThrow(
      'schedule must be "none", "plus-one" or "doubling", got "triple"',
    );
    expect(() => waveNetReceptiveField(MAX_DOUBLING_DEPTH + 1, "doubling")).toThrow("depth must be at most 30, got 31");
    expect(() => waveNetReceptiveField(MAX_WAVENET_DEPTH + 1, "none")).toThrow("depth must be at most 1024, got 1025");
    expect(() => dilations(-1, "none")).toThrow(RangeError);
    expect(() => repeatedDoublingDilations(10, 31)).toThrow("blockSize must be at most 30, got 31");
  });

  it("rejects bad dilation lists", () => {
    expect(() => waveNetReceptiveFieldOfDilations([])).toThrow("dilations must hold 1 to 1024 layers, got 0");
    expect(() => waveNetReceptiveFieldOfDilations([1, 0])).toThrow("dilations[1] must be an integer ≥ 1, got 0");
    expect(() => waveNetReceptiveFieldOfDilations([1, 2 ** 31])).toThrow(/dilations\[1\] must be at most/);
    expect(() => waveNetReceptiveFieldOfDilations("1,2" as unknown as number[])).toThrow(/dilations must be an array/);
    // Powers of 3: every subset sum is distinct and only sums differing in
    // the 3⁰ digit touch, so 18 layers give 2^17 runs, more than the cap.
    const powersOf3: number[] = Array.from({ length: 18 }, (_, i) => 3 ** i);
    expect(() => waveNetReceptiveFieldOfDilations(powersOf3)).toThrow(/more than 65536 separate runs/);
    expect(waveNetReceptiveFieldOfDilations(powersOf3.slice(0, 17))).toBe(2 ** 17);
  });
});
