/** A number, edited with a slider and an exact box; whole numbers for depths and seeds. */
import { echo, showNumber } from "./show";
import { resolveBound, type Bound, type Coerced } from "./types";

export interface NumberParam {
  kind: "number";
  label: string;
  min: Bound;
  max: Bound;
  /** Slider step; a typed value may be finer (the exact box is exact). */
  step: number;
  default: number;
  /** Whole numbers only (depths, seeds, sizes). */
  integer?: boolean;
}

export function numberParam(p: Omit<NumberParam, "kind">): NumberParam {
  return { kind: "number", ...p };
}

/** A typed number: the ASCII forms, the minus sign U+2212 the notes print, and a decimal comma is not accepted. */
const COMPLETE = /^[+\-\u2212]?(\d+(\.\d*)?|\.\d+)(e[+\-\u2212]?\d+)?$/i;
/** What a reader has on the way to a number: "", "-", ".", "1.", "1e", "-0." … */
const PARTIAL = /^[+\-\u2212]?\d*\.?\d*(e[+\-\u2212]?)?$/i;

export type TypedNumber = { kind: "number"; value: number } | { kind: "partial" } | { kind: "invalid" };

/** Read the text of a number box: a number, a number still being typed, or not a number at all. */
export function parseTypedNumber(text: string): TypedNumber {
  const t = text.trim();
  if (COMPLETE.test(t)) {
    const value = Number(t.replace(/\u2212/g, "-"));
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
  }
  return PARTIAL.test(t) ? { kind: "partial" } : { kind: "invalid" };
}

/** Clamp and round any outside value into the allowed range, saying what changed. */
export function coerceNumber(
  p: { label: string; min: Bound; max: Bound; default: number; integer?: boolean },
  raw: unknown,
  values: Readonly<Record<string, unknown>>,
): Coerced<number> {
  const min = resolveBound(p.min, values);
  const max = resolveBound(p.max, values);
  const fallback = Math.min(max, Math.max(min, p.default));
  let x = NaN;
  if (typeof raw === "number") x = raw;
  else if (typeof raw === "string") {
    const typed = parseTypedNumber(raw);
    if (typed.kind === "number") x = typed.value;
  }
  if (!Number.isFinite(x)) {
    return { value: fallback, note: `${p.label}: “${echo(raw)}” is not a number; showing ${showNumber(fallback)}.` };
  }
  let value = x;
  let note: string | undefined;
  if (value < min) {
    value = min;
    note = `${p.label}: ${showNumber(x)} is below the smallest allowed value; using ${showNumber(min)}.`;
  } else if (value > max) {
    value = max;
    note = `${p.label}: ${showNumber(x)} is above the largest allowed value; using ${showNumber(max)}.`;
  }
  if (p.integer && !Number.isInteger(value)) {
    value = Math.min(max, Math.max(min, Math.round(value)));
    note ??= `${p.label}: ${showNumber(x)} is not a whole number; using ${showNumber(value)}.`;
  }
  // −0 would be written "-0" in the URL.
  return note ? { value: value + 0, note } : { value: value + 0 };
}
