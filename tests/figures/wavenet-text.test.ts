/** The phrases and axis ticks of chapter 2.1's figures. */
import { describe, expect, it } from "vitest";
import { renderStatic } from "../../src/figures/render/render-static";
import dependencyGraph from "../../src/figures/wavenet/wavenet-dependency-graph.figure";
import { logTickLabel, logTicks } from "../../src/figures/wavenet/wavenet-receptive-field.figure";
import { positionRuns, scheduleText } from "../../src/figures/wavenet/wavenet-text";

describe("positionRuns", () => {
  it("writes marked positions 1-based, as runs", () => {
    expect(positionRuns([false, true, true, true, false, true])).toBe("2–4, 6");
    expect(positionRuns([true])).toBe("1");
    expect(positionRuns([true, true])).toBe("1–2");
    expect(positionRuns([false, false])).toBe("none");
  });

  it("shortens evenly spaced positions, as doubling leaves them, to their ends", () => {
    const every2nd = Array.from({ length: 32 }, (_, i) => i >= 17 && i % 2 === 1);
    expect(positionRuns(every2nd)).toBe("18, 20, …, 32");
    // Three evenly spaced ones are listed; a run after a gap starts afresh.
    expect(positionRuns([true, false, true, false, true])).toBe("1, 3, 5");
    expect(positionRuns([true, false, false, true, true, true])).toBe("1, 4–6");
  });
});

describe("scheduleText", () => {
  it("names the dilations of each schedule", () => {
    expect(scheduleText("none", [1, 1, 1])).toBe("no dilation (every dilation 1)");
    expect(scheduleText("plus-one", [1, 2, 3])).toBe("dilations 1, 2, 3 (+1 per layer)");
    expect(scheduleText("doubling", [1, 2, 4, 8])).toBe("dilations 1, 2, 4, 8 (doubling)");
    expect(scheduleText("doubling", [1])).toBe("dilation 1 (the doubling schedule starts at 1)");
  });
});

describe("the receptive-field plot's log axis", () => {
  it("ticks every whole number up to 10, then 1-2-5 for two decades, then powers of ten", () => {
    expect(logTicks(4)).toEqual([1, 2, 3, 4]);
    expect(logTicks(79)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(logTicks(4096)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(2 ** 30)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]);
  });

  it("writes digits as the prose does up to 100 000, else 10ⁿ", () => {
    expect(logTickLabel(4096)(1000)).toBe("1\u202F000");
    expect(logTickLabel(2 ** 30)(1e6)).toBe("10⁶");
    expect(logTickLabel(2 ** 30)(1)).toBe("10⁰");
  });
});

describe("the dependency graph's description", () => {
  it("says “both” for a two-sample field and “all n” for larger ones, in every schedule", () => {
    for (const schedule of ["none", "plus-one", "doubling"]) {
      const one = renderStatic(dependencyGraph, { depth: 1, schedule, position: 9 }).description;
      expect(one).toContain("both samples of its receptive field lie inside the signal");
      const two = renderStatic(dependencyGraph, { depth: 2, schedule, position: 9 }).description;
      expect(two).toMatch(/all \d+ samples of its receptive field lie inside the signal/);
    }
  });
});
