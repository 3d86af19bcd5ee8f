import { describe, it, expect } from "vitest";
import { describeValue, requireFinite, requireIntegerInRange } from "../../lib/validate";

describe("describeValue", () => {
  it("shows what was given, distinguishably", () => {
    expect(describeValue("relu")).toBe('"relu"');
    expect(describeValue(-0)).toBe("-0");
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(-Infinity)).toBe("-Infinity");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue(null)).toBe("null");
    expect(describeValue(3n)).toBe("3n");
    expect(describeValue([1, 2])).toBe("[1,2]");
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe("a object");
  });
});

describe("requireFinite", () => {
  it("returns finite numbers and rejects everything else with the name and value", () => {
    expect(requireFinite("x", -2.5)).toBe(-2.5);
    expect(() => requireFinite("x", Number.NaN)).toThrow(RangeError);
    expect(() => requireFinite("x", Infinity)).toThrow("x must be a finite number, got Infinity");
    expect(() => requireFinite("weight", "1")).toThrow('weight must be a finite number, got "1"');
  });
});

describe("requireIntegerInRange", () => {
  it("accepts the endpoints and rejects just outside them", () => {
    expect(requireIntegerInRange("depth", 0, 0, 10)).toBe(0);
    expect(requireIntegerInRange("depth", 10, 0, 10)).toBe(10);
    expect(() => requireIntegerInRange("depth", -1, 0, 10)).toThrow("depth must be a non-negative integer, got -1");
    expect(() => requireIntegerInRange("depth", 11, 0, 10)).toThrow("depth must be at most 10, got 11");
    expect(() => requireIntegerInRange("n1", 0, 1, 10)).toThrow("n1 must be an integer ≥ 1, got 0");
    expect(() => requireIntegerInRange("n1", 0.5, 1, 10)).toThrow("n1 must be an integer, got 0.5");
  });
});
