import { superscriptInteger } from "../../lib/format";

/** Tick label for an axis in log10 units: 3 → "10³", −300 → "10⁻³⁰⁰". Plot's own log ticks break below 1e-24. */
export function powerOfTenTick(k: number): string {
  return Number.isInteger(k) ? `10${superscriptInteger(k)}` : "";
}
