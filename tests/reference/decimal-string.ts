// Exact rounding of decimal strings (the 45-digit values of a reference
// fixture) to the forms lib/format.ts prints, so that a test can compare the
// digits a page shows with the true value rounded once, with no binary
// floating point in between.

/** A decimal number sign·n·10^{−scale} with n ≥ 0. */
export interface Dec {
  readonly negative: boolean;
  readonly n: bigint;
  readonly scale: number;
}

const MINUS: string = "\u2212";

/** Parses "−?d*.d*(e[+-]?d+)?" (ASCII minus) exactly; throws on anything else. */
export function parseDecimal(text: string): Dec {
  const m: RegExpExecArray | null = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a decimal string: ${JSON.stringify(text)}`);
  const intPart: string = m[2] ?? "";
  const fracPart: string = m[3] ?? "";
  const exp: number = m[4] === undefined ? 0 : Number(m[4]);
  return { negative: m[1] === "-", n: BigInt(intPart + fracPart || "0"), scale: fracPart.length - exp };
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

// |d| rounded to an integer multiple of 10^{−places}, half away from zero
// (what toFixed does for a value that is not a tie); returns the multiple.
function roundAbs(d: Dec, places: number): bigint {
  const shift: number = places - d.scale;
  if (shift >= 0) return d.n * pow10(shift);
  const div: bigint = pow10(-shift);
  const q: bigint = d.n / div;
  const r: bigint = d.n % div;
  return 2n * r >= div ? q + 1n : q;
}

/** d with its value multiplied by (1 + rel), exactly for the decimal expansion of rel (a double). */
export function scaleBy(d: Dec, rel: number): Dec {
  const r: Dec = parseDecimal(rel.toExponential(16));
  // d·(1 + r) = d + d·r, put on the common scale d.scale + r.scale.
  const dr: bigint = d.n * r.n;
  const base: bigint = d.n * pow10(r.scale);
  const sum: bigint = r.negative ? base - dr : base + dr;
  return { negative: d.negative !== sum < 0n, n: sum < 0n ? -sum : sum, scale: d.scale + r.scale };
}

/** d plus the double `delta` (exact decimal expansion of the double's 17 significant digits). */
export function shiftBy(d: Dec, delta: number): Dec {
  const e: Dec = parseDecimal(delta.toExponential(16));
  const scale: number = Math.max(d.scale, e.scale);
  const a: bigint = (d.negative ? -d.n : d.n) * pow10(scale - d.scale);
  const b: bigint = (e.negative ? -e.n : e.n) * pow10(scale - e.scale);
  const s: bigint = a + b;
  return { negative: s < 0n, n: s < 0n ? -s : s, scale };
}

function withSign(negative: boolean, body: string): string {
  // formatFixed prints a negative value that rounds to zero without a sign.
  if (!negative || /^[0.]*$/.test(body)) return body;
  return MINUS + body;
}

/** Exactly what formatFixed(value, places) prints for the true value d. */
export function fixedText(d: Dec, places: number): string {
  const digits: string = roundAbs(d, places)
    .toString()
    .padStart(places + 1, "0");
  const body: string = places === 0 ? digits : `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return withSign(d.negative, body);
}

// Position of the leading digit: |d| = 0.d₁d₂… × 10^{e+1}, i.e. 10^e ≤ |d| < 10^{e+1}.
function leadingExponent(d: Dec): number {
  return d.n.toString().length - 1 - d.scale;
}

/** Mantissa (digits significant digits, 1 ≤ m < 10) and exponent of the true value d > 0, as scientificFromLog10 prints them. */
export function scientific(d: Dec, digits: number): { mantissa: string; exponent: number } {
  if (d.n === 0n || d.negative) throw new Error("scientific() needs a positive value");
  let e: number = leadingExponent(d);
  let m: bigint = roundAbs({ negative: false, n: d.n, scale: d.scale + e }, digits - 1);
  if (m.toString().length > digits) {
    // 9.995 → 10.0: carry into the exponent.
    e += 1;
    m = roundAbs({ negative: false, n: d.n, scale: d.scale + e }, digits - 1);
  }
  const s: string = m.toString();
  return { mantissa: digits === 1 ? s : `${s.slice(0, 1)}.${s.slice(1)}`, exponent: e };
}

/** Exactly what formatSignificant(value, digits) prints for the true value d ≠ 0. */
export function significantText(d: Dec, digits: number): string {
  const { mantissa, exponent } = scientific({ negative: false, n: d.n, scale: d.scale }, digits);
  const m: string = mantissa.replace(".", "");
  let body: string;
  if (exponent >= m.length - 1) body = m + "0".repeat(exponent - (m.length - 1));
  else if (exponent >= 0) body = `${m.slice(0, exponent + 1)}.${m.slice(exponent + 1)}`;
  else body = `0.${"0".repeat(-exponent - 1)}${m}`;
  return d.negative ? MINUS + body : body;
}
