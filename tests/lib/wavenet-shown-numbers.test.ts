/**
 * Every number chapter 2.1 (content/chapters/2-1-wavenet.mdx) and its figures'
 * default descriptions show, pinned to the digits the page prints, each
 * against a computation the library does not use: brute-force enumeration of
 * paths, a direct count over positions and taps, or closed forms derived by
 * hand. The lib calls mirror the chapter's own expressions, so a change in lib
 * that moves a shown number fails here with the number named.
 */
import { describe, expect, it } from "vitest";
import { formatFixed, formatInteger } from "../../lib/format";
import {
  DILATION_SCHEDULES,
  dilations,
  MAX_DOUBLING_DEPTH,
  paddingConnectionsOfDilations,
  receptiveLagRuns,
  repeatedDoublingDilations,
  waveNetConnections,
  waveNetDependencyGraph,
  waveNetDepthForContext,
  waveNetReceptiveField,
  waveNetReceptiveFieldOfDilations,
  waveNetSequentialOperations,
  undilatedDepthForContext,
  type DilationSchedule,
} from "../../lib/wavenet";
import { renderStatic } from "../../src/figures/render/render-static";
import dependencyGraph, { GRAPH_MAX_DEPTH } from "../../src/figures/wavenet/wavenet-dependency-graph.figure";
import receptiveField from "../../src/figures/wavenet/wavenet-receptive-field.figure";

// All numbers are exact integers (or one ratio printed to 2 places), so every
// comparison is exact.

/** Distinct lags reachable through d layers: every subset of the dilations, enumerated (2^d paths). */
function bruteForceLagCount(dils: readonly number[]): number {
  const lags = new Set<number>();
  for (let mask = 0; mask < 2 ** dils.length; mask++) {
    let lag = 0;
    for (let l = 0; l < dils.length; l++) if ((mask >> l) & 1) lag += dils[l];
    lags.add(lag);
  }
  return lags.size;
}

/** Connections by walking every layer, position, live tap and channel pair. */
function countConnections(dils: readonly number[], t: number, k: number, countPadding: boolean): number {
  let n = 0;
  for (const delta of dils) {
    for (let p = 1; p <= t; p++) {
      for (const source of [p, p - delta]) if (countPadding || source >= 1) n += k * k;
    }
  }
  return n;
}

const schedule = (d: number, s: DilationSchedule): number[] =>
  Array.from({ length: d }, (_, i) => (s === "none" ? 1 : s === "plus-one" ? i + 1 : 2 ** i));

describe("2.1.1: the connection table (t = 16, d = 5, k = 1)", () => {
  const shown: Record<DilationSchedule, [string, string, string]> = {
    none: ["1, 1, 1, 1, 1", "160", "155"],
    "plus-one": ["1, 2, 3, 4, 5", "160", "145"],
    doubling: ["1, 2, 4, 8, 16", "160", "129"],
  };
  for (const s of DILATION_SCHEDULES) {
    it(`${s}: dilations ${shown[s][0]}, ${shown[s][1]} with padding taps, ${shown[s][2]} without`, () => {
      expect(dilations(5, s).join(", ")).toBe(shown[s][0]);
      expect(schedule(5, s)).toEqual(dilations(5, s));
      const withPad = waveNetConnections({ length: 16, channels: 1, depth: 5, schedule: s, countPadding: true }).total;
      const without = waveNetConnections({ length: 16, channels: 1, depth: 5, schedule: s, countPadding: false }).total;
      expect(formatInteger(withPad)).toBe(shown[s][1]);
      expect(formatInteger(without)).toBe(shown[s][2]);
      expect(withPad).toBe(countConnections(schedule(5, s), 16, 1, true));
      expect(without).toBe(countConnections(schedule(5, s), 16, 1, false));
    });
  }

  it("the verdict's 160 = 2 · 5 · 16, and exercise 2's 1 + 2 + 4 + 8 + 16 = 31 padding taps", () => {
    const withPad = waveNetConnections({ length: 16, channels: 1, depth: 5, schedule: "doubling", countPadding: true }).total;
    expect(withPad).toBe(2 * 5 * 16);
    const lost = paddingConnectionsOfDilations(dilations(5, "doubling"), 16, 1);
    expect(lost.perLayer.join(" + ")).toBe("1 + 2 + 4 + 8 + 16");
    expect(lost.total).toBe(31);
    expect(withPad - lost.total).toBe(countConnections(schedule(5, "doubling"), 16, 1, false));
  });
});

describe("receptive fields the prose quotes", () => {
  it("d = 10: 11, 56 and 1 024 samples (brute force over all 2^10 tap choices)", () => {
    const shown: Record<DilationSchedule, string> = { none: "11", "plus-one": "56", doubling: "1\u202F024" };
    for (const s of DILATION_SCHEDULES) {
      expect(formatInteger(waveNetReceptiveField(10, s))).toBe(shown[s]);
      expect(waveNetReceptiveField(10, s)).toBe(bruteForceLagCount(schedule(10, s)));
    }
  });

  it("WaveNet's block of 10 sees 1 024 samples, three blocks (30 layers) 3 070, about 0.19 s at 16 000 per second", () => {
    const block = waveNetReceptiveFieldOfDilations(repeatedDoublingDilations(10, 10));
    const stack = waveNetReceptiveFieldOfDilations(repeatedDoublingDilations(30, 10));
    expect(block).toBe(1024);
    // Each further block adds its span 1 + 2 + … + 512 = 1023 to the lag range.
    expect(stack).toBe(1 + 3 * 1023);
    expect(formatInteger(stack)).toBe("3\u202F070");
    expect(formatFixed(stack / 16000, 2)).toBe("0.19");
  });

  it("one second at 16 000 samples: 14 doubling layers, 179 with +1, 15 999 without dilation", () => {
    expect(waveNetDepthForContext(16000, "doubling")).toBe(14);
    expect(bruteForceLagCount(schedule(13, "doubling"))).toBeLessThan(16000);
    expect(bruteForceLagCount(schedule(14, "doubling"))).toBeGreaterThanOrEqual(16000);
    // The +1 field is 1 + d(d + 1)/2 (every subset sum of 1…d); too many paths to enumerate at d = 179.
    expect(waveNetDepthForContext(16000, "plus-one")).toBe(179);
    expect(waveNetReceptiveField(178, "plus-one")).toBe(1 + (178 * 179) / 2);
    expect(waveNetReceptiveField(178, "plus-one")).toBeLessThan(16000);
    expect(waveNetReceptiveField(179, "plus-one")).toBe(1 + (179 * 180) / 2);
    expect(waveNetReceptiveField(179, "plus-one")).toBeGreaterThanOrEqual(16000);
    // Without dilation d layers see d + 1 samples.
    const none = undilatedDepthForContext(16000);
    expect(none + 1).toBeGreaterThanOrEqual(16000);
    expect(none).toBeLessThan(16000);
    expect(formatInteger(none)).toBe("15\u202F999");
  });

  it("exercise 1 prints 8 192, 16 384, 15 932 and 16 111", () => {
    expect(formatInteger(waveNetReceptiveField(13, "doubling"))).toBe("8\u202F192");
    expect(formatInteger(waveNetReceptiveField(14, "doubling"))).toBe("16\u202F384");
    expect(formatInteger(waveNetReceptiveField(178, "plus-one"))).toBe("15\u202F932");
    expect(formatInteger(waveNetReceptiveField(179, "plus-one"))).toBe("16\u202F111");
  });

  it("exercise 5: dilations 1, 3, 9, 27 reach 16 lags from 0 to 40, in 8 runs", () => {
    const runs = receptiveLagRuns([1, 3, 9, 27]);
    expect(waveNetReceptiveFieldOfDilations([1, 3, 9, 27])).toBe(16);
    expect(bruteForceLagCount([1, 3, 9, 27])).toBe(16);
    expect(runs.at(-1)).toBe(40);
    const text = runs
      .filter((_, i) => i % 2 === 0)
      .map((a, j) => `${a}–${runs[2 * j + 1]}`)
      .join(", ");
    expect(text).toBe("0–1, 3–4, 9–10, 12–13, 27–28, 30–31, 36–37, 39–40");
  });
});

describe("2.1.2: sequential operations for one second with 30 layers", () => {
  it("16 000 network evaluations, 480 000 layer steps, against 30 to evaluate; 16 000 times longer", () => {
    const s = waveNetSequentialOperations(30, 16000);
    expect(formatInteger(s.samplingNetworkEvaluations)).toBe("16\u202F000");
    expect(formatInteger(s.samplingSteps)).toBe("480\u202F000");
    expect(s.evaluation).toBe(30);
    expect(s.samplingSteps).toBe(16000 * 30);
    expect(formatInteger(s.samplingSteps / s.evaluation)).toBe("16\u202F000");
  });
});

describe("claims about the dependency graph, over every value its widget allows", () => {
  it("with doubling every unit the output depends on feeds exactly one unit above (a tree); without dilation, d ≥ 2, some feed two", () => {
    for (let d = 1; d <= GRAPH_MAX_DEPTH; d++) {
      for (let p = 0; p < 32; p++) {
        const tree = waveNetDependencyGraph(d, "doubling", 32, p);
        const parents = new Map<string, number>();
        for (const e of tree.edges) parents.set(`${e.layer - 1}:${e.from}`, (parents.get(`${e.layer - 1}:${e.from}`) ?? 0) + 1);
        expect([...parents.values()].every((n) => n === 1)).toBe(true);
        if (d >= 2 && p >= 1) {
          const plain = waveNetDependencyGraph(d, "none", 32, p);
          const counts = new Map<string, number>();
          for (const e of plain.edges) counts.set(`${e.layer - 1}:${e.from}`, (counts.get(`${e.layer - 1}:${e.from}`) ?? 0) + 1);
          expect(Math.max(...counts.values())).toBeGreaterThan(1);
        }
      }
    }
  });

  it("the output at position p (1-based) sees min(p, R) samples, R the receptive field", () => {
    for (const s of DILATION_SCHEDULES) {
      for (let d = 1; d <= GRAPH_MAX_DEPTH; d++) {
        for (let p = 1; p <= 32; p++) {
          expect(waveNetDependencyGraph(d, s, 32, p - 1).inputCount).toBe(Math.min(p, bruteForceLagCount(schedule(d, s))));
        }
      }
    }
  });
});

describe("the figures' default descriptions", () => {
  it("the graph at its defaults (doubling, 4 layers, output 32): 16 inputs, positions 17–32, 2, 4, 8 units per layer", () => {
    const { description } = renderStatic(dependencyGraph, {});
    expect(description).toContain("dilations 1, 2, 4, 8 (doubling)");
    expect(description).toContain(
      "It depends on 16 input samples (positions 17–32): all 16 samples of its receptive field lie inside the signal.",
    );
    expect(description).toContain("from the top down: 2, 4, 8.");
  });

  it("the receptive-field plot at its defaults (depth 12): 13, 79, 4 096 and 1 027", () => {
    const { description } = renderStatic(receptiveField, {});
    expect(description).toContain("At depth 12: 13 samples without dilation");
    expect(description).toContain("79 with the +1 schedule");
    expect(description).toContain("4\u202F096 with doubling");
    expect(description).toContain("reach 1\u202F027");
    // Independent: every subset of the 12 dilations 1, 2, …, 512, 1, 2, enumerated.
    expect(bruteForceLagCount(repeatedDoublingDilations(12, 10))).toBe(1027);
  });

  it("the receptive-field plot's caption, at every depth the plot can show: all three equal at depth 1, +1 meets doubling at 2 and falls below from 3, no dilation lowest from 2", () => {
    // Against brute-force lag counts over every subset of the dilations.
    const field = (d: number, s: DilationSchedule) => waveNetReceptiveField(d, s);
    expect(receptiveField.params.depth.max).toBe(MAX_DOUBLING_DEPTH);
    for (let d = 1; d <= MAX_DOUBLING_DEPTH; d++) {
      for (const s of DILATION_SCHEDULES) if (d <= 16) expect(field(d, s)).toBe(bruteForceLagCount(schedule(d, s)));
      const [none, plusOne, doubling] = [field(d, "none"), field(d, "plus-one"), field(d, "doubling")];
      if (d === 1) expect([plusOne, doubling]).toEqual([none, none]);
      if (d === 2) expect(plusOne).toBe(doubling);
      if (d >= 3) expect(plusOne).toBeLessThan(doubling);
      if (d >= 2) expect(none).toBeLessThan(plusOne);
    }
  });
});
