import { describe, expect, it } from "vitest";
import { createRng } from "../../lib/random";

const draw = (seed: number, n: number, kind: "uniform" | "normal") => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng[kind]());
};

describe("createRng", () => {
  it("is deterministic per seed, and different seeds (even neighbours) give different streams", () => {
    expect(draw(42, 50, "uniform")).toEqual(draw(42, 50, "uniform"));
    expect(draw(42, 50, "normal")).toEqual(draw(42, 50, "normal"));
    const firsts = new Set([0, 1, 2, 3, -1, 2 ** 40, 2 ** 40 + 1, Number.MAX_SAFE_INTEGER].map((s) => createRng(s).uniform()));
    expect(firsts.size).toBe(8);
  });

  it("uniform() lies in [0, 1) and is a multiple of 2^-53", () => {
    for (const u of draw(7, 10_000, "uniform")) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      expect(Number.isInteger(u * 2 ** 53)).toBe(true);
    }
  });

  it("uniform() has the moments and decile counts of U[0, 1)", () => {
    const n = 200_000;
    const us = draw(2024, n, "uniform");
    const mean = us.reduce((s, u) => s + u, 0) / n;
    const variance = us.reduce((s, u) => s + (u - mean) ** 2, 0) / n;
    // Standard error of the mean is √(1/12/n) ≈ 6.5e-4; 5 standard errors.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    // Var of the sample variance of U is (1/80 − 1/144)/n → sd ≈ 1.7e-4; 5 sd.
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
    // χ² over ten equal bins, 9 degrees of freedom: P(χ² > 27.9) = 0.001.
    const bins = new Array<number>(10).fill(0);
    for (const u of us) bins[Math.floor(u * 10)]++;
    const chi2 = bins.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it("consecutive uniforms are uncorrelated", () => {
    const n = 100_000;
    const us = draw(99, n + 1, "uniform");
    let s = 0;
    for (let i = 0; i < n; i++) s += (us[i] - 0.5) * (us[i + 1] - 0.5);
    // Lag-1 correlation of independent uniforms has sd 1/√n ≈ 3.2e-3; 5 sd.
    expect(Math.abs(s / n / (1 / 12))).toBeLessThan(5 / Math.sqrt(n));
  });

  it("normal() has mean 0, variance 1 and the normal's tail masses", () => {
    const n = 200_000;
    const zs = draw(314, n, "normal");
    const mean = zs.reduce((s, z) => s + z, 0) / n;
    const variance = zs.reduce((s, z) => s + (z - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    // Var of the sample variance of N(0, 1) is 2/n.
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // P(|Z| > 1.96) = 0.05 and P(|Z| > 3) = 0.0027 (standard normal tables).
    const beyond = (t: number) => zs.filter((z) => Math.abs(z) > t).length / n;
    expect(Math.abs(beyond(1.96) - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
    expect(Math.abs(beyond(3) - 0.0027)).toBeLessThan(5 * Math.sqrt((0.0027 * 0.9973) / n));
    expect(zs.every(Number.isFinite)).toBe(true);
  });

  it("rejects a seed that is not a safe integer", () => {
    for (const bad of [1.5, NaN, Infinity, 2 ** 53, "1" as unknown as number]) {
      expect(() => createRng(bad)).toThrow(RangeError);
    }
  });
});
