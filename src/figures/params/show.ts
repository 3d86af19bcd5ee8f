/** How notes write numbers: as the chapters write them, never as 309 digits. */
import { formatInteger, formatLog10Text, formatSignificant, MINUS_SIGN } from "../../../lib/format";

export { echo } from "../../echo";

/** A number as the chapters write it: "1 000", "−0.5", "2.5 × 10⁸", "1.00 × 10³⁰⁸". */
export function showNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const ax = Math.abs(x);
  if (ax !== 0 && (ax >= 1e6 || ax < 1e-4)) {
    const text = formatLog10Text(Math.log10(ax), 3);
    return x < 0 ? MINUS_SIGN + text : text;
  }
  if (Number.isInteger(x)) return formatInteger(x);
  // Up to 6 significant digits, without trailing zeros.
  return formatSignificant(x, 6)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}
