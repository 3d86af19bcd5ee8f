// Argument checks shared by the numeric modules. The chapters feed these
// functions from sliders and prose, so a bad argument must fail loudly with a
// message naming the parameter and the offending value, instead of quietly
// producing NaN that would end up printed in the text.

/** Renders any value for an error message (strings quoted, −0 kept visible); no math. Used in chapter 1.1 (via lib/*). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${String(value)}n`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === "function") return "a function";
  try {
    const json: string | undefined = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    // Cyclic objects cannot be serialised; the type alone is still useful.
    return `a ${typeof value}`;
  }
}

/** Asserts x is a finite number (x ∈ ℝ, no NaN/±Infinity) and returns it; throws RangeError otherwise. Used in chapter 1.1 (via lib/*). */
export function requireFinite(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}

/** Asserts n is an integer with min ≤ n ≤ max and returns it; throws RangeError otherwise. Used in chapter 1.1 (via lib/*). */
export function requireIntegerInRange(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    const kind: string = min === 0 ? "a non-negative integer" : "an integer";
    throw new RangeError(`${name} must be ${kind}, got ${describeValue(value)}`);
  }
  if (value < min) {
    const kind: string = min === 0 ? "a non-negative integer" : `an integer ≥ ${min}`;
    throw new RangeError(`${name} must be ${kind}, got ${describeValue(value)}`);
  }
  if (value > max) {
    throw new RangeError(`${name} must be at most ${max}, got ${describeValue(value)}`);
  }
  return value;
}
