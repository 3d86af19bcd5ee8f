import { describe, expect, it } from "vitest";
import { MINUS_SIGN } from "../../lib/format";
import {
  ONE_UNIT_CHAIN_INPUTS,
  ONE_UNIT_CHAIN_SHOWN,
  inputTex,
  inputText,
  shownTex,
  shownText,
  shownValue,
  type OneUnitChainShownName,
} from "../../lib/one-unit-chain-numbers";

// The digits themselves are checked against the 40-digit fixture in
// one-unit-chain.reference.test.ts; this file checks the module's forms and
// argument handling.

describe("shown numbers of chapter 1.1", () => {
  it("every entry has a digit count its formatter accepts and a non-empty description", () => {
    for (const [name, entry] of Object.entries(ONE_UNIT_CHAIN_SHOWN)) {
      expect(entry.what.length, name).toBeGreaterThan(0);
      if (entry.style === "fixed") expect(entry.digits, name).toBeGreaterThanOrEqual(0);
      if (entry.style === "significant" || entry.style === "log10") {
        expect(entry.digits, name).toBeGreaterThanOrEqual(1);
        expect(entry.digits, name).toBeLessThanOrEqual(17);
      }
      // Printing never throws and never shows NaN, Infinity or an exponent "e".
      expect(shownText(name as OneUnitChainShownName), name).not.toMatch(/NaN|Infinity|e/);
    }
  });

  it("text uses the typographic minus, TeX an ASCII one; log10 entries print as a power of ten", () => {
    // tanhSlope is ≈ −1.4998 (pinned by the reference test).
    expect(shownText("tanhSlope").startsWith(MINUS_SIGN)).toBe(true);
    expect(shownTex("tanhSlope")).toBe(shownText("tanhSlope").replace(MINUS_SIGN, "-"));
    // sigmoidDeep ≈ 3.47 × 10⁻⁶⁴⁹.
    expect(shownText("sigmoidDeep")).toMatch(/^\d\.\d\d × 10⁻\S+$/);
    expect(shownTex("sigmoidDeep")).toMatch(/^\d\.\d\d \\times 10\^\{-\d+\}$/);
    // Integers: plain digits (172 has no group separator).
    expect(shownTex("sigmoidNegativePeakDepth")).toBe(shownText("sigmoidNegativePeakDepth"));
  });

  it("rejects unknown names with a RangeError naming them", () => {
    expect(() => shownText("nope" as OneUnitChainShownName)).toThrow(RangeError);
    expect(() => shownText("nope" as OneUnitChainShownName)).toThrow('name must be one of the shown numbers of chapter 1.1, got "nope"');
    expect(() => shownTex("toString" as OneUnitChainShownName)).toThrow(/got "toString"/);
    expect(() => shownValue(3 as unknown as OneUnitChainShownName)).toThrow(/got 3/);
  });

  it("writes inputs as the prose does: grouped integers, shortest decimals, real minus; TeX with ASCII minus and thin space", () => {
    expect(inputText(10_000)).toBe("10\u202F000");
    expect(inputTex(10_000)).toBe("10\\,000");
    expect(inputText(-5.85)).toBe("\u22125.85");
    expect(inputTex(-5.85)).toBe("-5.85");
    expect(inputText(0.22)).toBe("0.22");
    expect(inputText(-6)).toBe("\u22126");
    // Every input of the chapter prints without an exponent and reads back as itself.
    for (const value of Object.values(ONE_UNIT_CHAIN_INPUTS).flat()) {
      expect(Number(inputTex(value).replace("\\,", ""))).toBe(value);
    }
    expect(() => inputText(1e-9)).toThrow(/without an exponent/);
    expect(() => inputText(Number.NaN)).toThrow(RangeError);
  });
});
