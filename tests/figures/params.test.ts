/**
 * Parameter validation: whatever comes from outside (a typed box, a
 * hand-edited link, `el.value = …`) becomes an allowed value, with a note in
 * words when it had to change, for every kind of parameter.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  choiceParam,
  choicesParam,
  coerceParam,
  coerceValues,
  defaultValues,
  echo,
  matrixParam,
  numberParam,
  parseTypedNumber,
  pointParam,
  showNumber,
  stepParam,
  toggleParam,
  valuesFromSearch,
  writeToSearch,
  type ParamSchema,
} from "../../src/figures/params";

const depth = numberParam({ label: "Depth", min: 1, max: 10000, step: 1, default: 100, integer: true });
const x = numberParam({ label: "Input x", min: -6, max: 6, step: 0.01, default: 1 });
const act = choiceParam({
  label: "Activation",
  options: [
    { value: "sigmoid", label: "σ" },
    { value: "tanh", label: "tanh" },
  ],
  default: "sigmoid",
});

describe("number", () => {
  it("keeps valid values without a note", () => {
    expect(coerceParam(depth, "250")).toEqual({ value: 250 });
    expect(coerceParam(x, -0.5)).toEqual({ value: -0.5 });
    expect(coerceParam(x, "−0.5"), "the minus sign the notes print is accepted").toEqual({ value: -0.5 });
  });

  it("clamps out-of-range values and says so, writing numbers as the chapters do", () => {
    const high = coerceParam(depth, "1e9");
    expect(high.value).toBe(10000);
    expect(high.note).toMatch(/above the largest allowed value/);
    expect(high.note).toContain("1.00 × 10⁹");
    expect(high.note).toContain("10\u202F000");
    const low = coerceParam(x, -7);
    expect(low.value).toBe(-6);
    expect(low.note).toMatch(/below the smallest/);
    expect(low.note).toContain("−7");
  });

  it("writes 1e308 in scientific notation, not as 309 digits", () => {
    const { note } = coerceParam(x, "1e308");
    expect(note).toContain("1.00 × 10³⁰⁸");
    expect(note!.length).toBeLessThan(120);
  });

  it("falls back to the default for text, NaN, empty and infinite input, echoing at most 40 characters", () => {
    for (const raw of ["abc", "NaN", "", "  ", NaN, Infinity, "-Infinity", null, {}, "1,5"]) {
      const r = coerceParam(depth, raw);
      expect(r.value).toBe(100);
      expect(r.note).toMatch(/not a number/);
    }
    const long = coerceParam(depth, "9".repeat(10_000) + "x");
    expect(long.note!.length).toBeLessThan(120);
    expect(long.note).toContain("…");
  });

  it("rounds non-integers for integer parameters", () => {
    const r = coerceParam(depth, "12.6");
    expect(r.value).toBe(13);
    expect(r.note).toMatch(/whole number/);
  });

  it("never returns −0 (it would be written “-0” in the URL)", () => {
    expect(Object.is(coerceParam(x, "-0").value, 0)).toBe(true);
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

describe("typed numbers", () => {
  it("tells a half-typed number from a finished one and from garbage", () => {
    for (const t of ["", "-", "−", "+", ".", "-.", "1e", "1e-", "12.5e"]) expect(parseTypedNumber(t), t).toEqual({ kind: "partial" });
    for (const [t, v] of [
      ["0", 0],
      ["0.05", 0.05],
      ["-0.5", -0.5],
      ["−2", -2],
      ["1.", 1],
      [".5", 0.5],
      ["1e3", 1000],
      ["  7 ", 7],
    ] as const)
      expect(parseTypedNumber(t), t).toEqual({ kind: "number", value: v });
    // "1." is complete (it means 1) but the box must not be rewritten while typing: the control decides that.
    for (const t of ["abc", "1,5", "1..2", "--1", "1e5e", "0x10"]) expect(parseTypedNumber(t), t).toEqual({ kind: "invalid" });
  });

  it("every prefix of a valid number is partial or a number, never invalid", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        const text = String(v);
        for (let i = 0; i <= text.length; i++) expect(parseTypedNumber(text.slice(0, i)).kind, text.slice(0, i)).not.toBe("invalid");
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe("other kinds", () => {
  it("choice: a literal option or the default with a note", () => {
    expect(coerceParam(act, "tanh")).toEqual({ value: "tanh" });
    const bad = coerceParam(act, "relu");
    expect(bad.value).toBe("sigmoid");
    // Named as the control shows them, with the link's code where it differs.
    expect(bad.note).toBe("Activation: “relu” is not one of “σ” (sigmoid) or “tanh”; showing “σ”.");
  });

  it("choice: a note names every option by the label its control shows, commas in labels included", () => {
    const p = choiceParam({
      label: "Dilations",
      options: [
        { value: "none", label: "none (1, 1, 1, …)" },
        { value: "plus-one", label: "+1 (1, 2, 3, …)" },
        { value: "doubling", label: "doubling (1, 2, 4, …)" },
      ],
      default: "doubling",
    });
    expect(coerceParam(p, "bogus").note).toBe(
      "Dilations: “bogus” is not one of “none (1, 1, 1, …)” (none), “+1 (1, 2, 3, …)” (plus-one) or “doubling (1, 2, 4, …)” (doubling); showing “doubling (1, 2, 4, …)”.",
    );
  });

  it("choices: known options in the options' order, unknown ones dropped with a note, never empty", () => {
    const p = choicesParam({
      label: "Curves",
      options: [
        { value: "a", label: "A" },
        { value: "b", label: "B" },
        { value: "c", label: "C" },
      ],
      default: ["a"],
    });
    expect(coerceParam(p, "c,a")).toEqual({ value: ["a", "c"] });
    expect(coerceParam(p, ["b", "b"])).toEqual({ value: ["b"] });
    const unknown = coerceParam(p, "a,zzz");
    expect(unknown.value).toEqual(["a"]);
    expect(unknown.note).toBe("Curves: “zzz” is not one of “A” (a), “B” (b) or “C” (c); ignoring it.");
    expect(coerceParam(p, "q,b,r").note).toBe("Curves: “q,r” are not among “A” (a), “B” (b) or “C” (c); ignoring it.");
    const empty = coerceParam(p, "");
    expect(empty.value).toEqual(["a"]);
    expect(empty.note).toMatch(/at least one/);
  });

  it("toggle: 1/0, true/false, on/off; anything else is the default with a note", () => {
    const p = toggleParam({ label: "Show bound", default: true });
    expect(coerceParam(p, "0")).toEqual({ value: false });
    expect(coerceParam(p, "on")).toEqual({ value: true });
    expect(coerceParam(p, false)).toEqual({ value: false });
    const bad = coerceParam(p, "maybe");
    expect(bad.value).toBe(true);
    expect(bad.note).toMatch(/neither on/);
  });

  it("step: whole numbers within bounds that may depend on earlier parameters", () => {
    const schema = {
      size: numberParam({ label: "Size", min: 1, max: 20, step: 1, default: 8, integer: true }),
      step: stepParam({ label: "Step", min: 0, max: (v) => 2 * (v.size as number), default: 3 }),
    } satisfies ParamSchema;
    expect(coerceValues(schema, { size: 4, step: 50 })).toEqual({
      values: { size: 4, step: 8 },
      notes: ["Step: 50 is above the largest allowed value; using 8."],
    });
    // A default pushed out of range by an earlier value is clamped silently: the reader did not type it.
    expect(coerceValues(schema, { size: 1 })).toEqual({ values: { size: 1, step: 2 }, notes: [] });
    expect(coerceValues(schema, { step: "2.4" }).values.step).toBe(2);
  });

  it("matrix: entries clamped one by one with the entry named; a wrong shape is the default", () => {
    const p = matrixParam({
      label: "Matrix",
      symbol: "M",
      rows: 2,
      cols: 2,
      min: -10,
      max: 10,
      step: 0.1,
      default: [
        [1, 0],
        [0, 1],
      ],
    });
    expect(coerceParam(p, "1,2;3,4")).toEqual({
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    const clamped = coerceParam(p, "1,99;x,4");
    expect(clamped.value).toEqual([
      [1, 10],
      [0, 4],
    ]);
    expect(clamped.note).toMatch(/M₁₂: 99 is above/);
    expect(clamped.note).toMatch(/M₂₁: “x” is not a number/);
    expect(coerceParam(p, "1,2,3").note).toMatch(/not a 2×2 matrix/);
  });

  it("point: a 1-based row and column inside a grid whose size may come from earlier parameters", () => {
    const schema = {
      size: numberParam({ label: "Size", min: 2, max: 32, step: 1, default: 16, integer: true }),
      pixel: pointParam({ label: "Pixel", rows: (v) => v.size as number, cols: (v) => v.size as number, default: { row: 9, col: 9 } }),
    } satisfies ParamSchema;
    expect(coerceValues(schema, { pixel: "3,4" }).values.pixel).toEqual({ row: 3, col: 4 });
    expect(coerceValues(schema, { pixel: { row: 2, col: 5 } }).values.pixel).toEqual({ row: 2, col: 5 });
    const out = coerceValues(schema, { size: 4, pixel: "0,9" });
    expect(out.values.pixel).toEqual({ row: 1, col: 4 });
    expect(out.notes.join(" ")).toMatch(/row: 0 is below.*column: 9 is above/);
    expect(coerceValues(schema, { size: 4 }), "the default pixel follows a smaller image silently").toEqual({
      values: { size: 4, pixel: { row: 4, col: 4 } },
      notes: [],
    });
    expect(coerceValues(schema, { pixel: "nowhere" }).notes[0]).toMatch(/not a row and a column/);
  });
});

describe("showNumber and echo", () => {
  it("write numbers as the chapters do", () => {
    expect(showNumber(10000)).toBe("10\u202F000");
    expect(showNumber(-0.5)).toBe("−0.5");
    expect(showNumber(0.125)).toBe("0.125");
    expect(showNumber(2.5e-7)).toBe("2.50 × 10⁻⁷");
    expect(showNumber(-3e12)).toBe("−3.00 × 10¹²");
  });

  it("echo cuts outside input after 40 characters", () => {
    expect(echo("short")).toBe("short");
    expect(echo("x".repeat(41))).toBe(`${"x".repeat(40)}…`);
    expect(echo({ a: 1 })).toBe('{"a":1}');
  });
});

describe("URL state", () => {
  const schema = { depth, x, act } satisfies ParamSchema;

  it("round-trips through a query string for every kind, keeping unrelated keys", () => {
    const all = {
      ...schema,
      on: toggleParam({ label: "On", default: false }),
      m: matrixParam({ label: "M", symbol: "M", rows: 1, cols: 2, min: -5, max: 5, step: 1, default: [[0, 0]] }),
      pick: pointParam({ label: "Pixel", rows: 8, cols: 8, default: { row: 1, col: 1 } }),
    } satisfies ParamSchema;
    const values = { depth: 37, x: 0.5, act: "tanh" as const, on: true, m: [[-1.5, 2]], pick: { row: 3, col: 8 } };
    const search = writeToSearch(all, "fig-chain", values, new URLSearchParams("other=1"));
    expect(search.get("other")).toBe("1");
    expect(search.get("fig-chain.m")).toBe("-1.5,2");
    expect(valuesFromSearch(all, "fig-chain", search)).toEqual({ values, notes: [] });
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

  it("starts from the values the page was built with, and lets the link override them", () => {
    const built = { depth: 40, act: "tanh" };
    expect(valuesFromSearch(schema, "fig-a", new URLSearchParams(""), built).values).toEqual({ ...defaultValues(schema), ...built });
    const { values, notes } = valuesFromSearch(schema, "fig-a", new URLSearchParams("fig-a.depth=7"), built);
    expect(values).toEqual({ ...defaultValues(schema), depth: 7, act: "tanh" });
    expect(notes).toEqual([]);
  });

  it("ignores other figures' keys", () => {
    const { values, notes } = valuesFromSearch(schema, "fig-a", new URLSearchParams("fig-b.depth=3"));
    expect(values).toEqual(defaultValues(schema));
    expect(notes).toEqual([]);
  });
});
