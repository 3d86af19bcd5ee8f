import { describe, expect, it } from "vitest";
import { calibratedCpuSlowdown } from "./lighthouse.mjs";

// The anchor points of Lighthouse's throttling guide ("Calibrating the CPU slowdown"):
// benchmarkIndex 150 → 1×, 800 → 2×, 1300 → 3×, 1533 → 4×, 1766 → 5×, 2000 → 6×.
describe("calibratedCpuSlowdown", () => {
  it("passes through the guide's anchor points", () => {
    for (const [index, slowdown] of [
      [150, 1],
      [800, 2],
      [1300, 3],
      [1533, 4],
      [1766, 5],
      [2000, 6],
    ])
      expect(calibratedCpuSlowdown(index)).toBeCloseTo(slowdown, 1);
  });

  it("rises with the host's speed and never drops below 1×", () => {
    const indices = [-5, 0, 100, 150, 400, 799, 800, 1100, 1299, 1300, 1700, 2500];
    const slowdowns = indices.map(calibratedCpuSlowdown);
    for (let i = 1; i < slowdowns.length; i++) expect(slowdowns[i]).toBeGreaterThanOrEqual(slowdowns[i - 1]);
    expect(Math.min(...slowdowns)).toBe(1);
    expect(calibratedCpuSlowdown(Number.NaN)).toBe(1);
  });
});
