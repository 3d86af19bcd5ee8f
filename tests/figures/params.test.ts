import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coerceParam, coerceValues, valuesFromSearch, writeToSearch, type NumberParam, type ParamSchema } from "../../src/figures/params";

const depth: NumberParam = { kind: "number", label: "Depth", min: 1, max: 10000, step: 1, default: 100, integer: true };
const x: NumberParam = { kind: "number", label: "Input x", min: -6, max: 6, step: 0.01, default: 1 };
const schema = {
  depth,
  x,
  act: {
    kind: "choice",
    label: "Activation",
    options: [
      { value: "sigmoid", label: "σ" },
      { value: "tanh", label: "tanh" },
    ],
    default: "sigmoid",
  },
} satisfies ParamSchema;

describe("coerceParam", () => {
  it("keeps valid values without a note", () => {
    expect(coerceParam(depth, "250")).toEqual({ value: 250 });
    expect(coerceParam(x, -0.5)).toEqual({ value: -0.5 });
  });

  it("clamps out-of-range values and says so", () => {
    const high = coerceParam(depth, "1e9");
    expect(high.value).toBe(10000);
    expect(high.note).toMatch(/above the largest allowed value/);
    // Numbers in notes are written as in the chapters: grouped digits, real minus.
    expect(high.note).toContain("1\u202F000\u202F000\u202F000");
    const low = coerceParam(x, -7);
    expect(low.value).toBe(-6);
    expect(low.note).toMatch(/below the smallest/);
    expect(low.note).toContain("−7");
  });

  it("falls back to the default for text, NaN, empty and infinite input", () => {
    for (const raw of ["abc", "NaN", "", "  ", NaN, Infinity, "-Infinity", null, {}]) {
      const r = coerceParam(depth, raw);
      expect(r.value).toBe(100);
      expect(r.note).toMatch(/not a number/);
    }
  });

  it("rounds non-integers for integer parameters", () => {
    const r = coerceParam(depth, "12.6");
    expect(r.value).toBe(13);
    expect(r.note).toMatch(/whole number/);
  });

  it("property: any input yields an allowed value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.integer()), (raw) => {
        const { value } = coerceParam(depth, raw);
        expect(Number.isInteger(value)).toBe(true);
        expect(value as number).toBeGreaterThanOrEqual(1);
        expect(value as number).toBeLessThanOrEqual(10000);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe("URL state", () => {
  it("round-trips through a query string, keeping unrelated keys", () => {
    const values = { depth: 37, x: 0.5, act: "tanh" };
    const search = writeToSearch(schema, "fig-chain", values, new URLSearchParams("other=1"));
    expect(search.get("other")).toBe("1");
    expect(valuesFromSearch(schema, "fig-chain", search)).toEqual({ values, notes: [] });
  });

  it("validates a hand-edited query: bad values default or clamp, unknown keys are noted", () => {
    const { values, notes } = valuesFromSearch(
      schema,
      "fig-chain",
      new URLSearchParams("fig-chain.depth=abc&fig-chain.x=99&fig-chain.act=relu&fig-chain.colour=red"),
    );
    expect(values).toEqual({ depth: 100, x: 6, act: "sigmoid" });
    expect(notes).toHaveLength(4);
  });

  it("ignores other figures' keys", () => {
    const { values, notes } = valuesFromSearch(schema, "fig-a", new URLSearchParams("fig-b.depth=3"));
    expect(values).toEqual(coerceValues(schema, {}).values);
    expect(notes).toEqual([]);
  });
});
