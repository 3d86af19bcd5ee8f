/** Axis ticks written as the chapters write numbers. */
import { formatInteger, superscriptInteger } from "../../lib/format";

/** Tick label for an axis in log10 units: 3 → "10³", −300 → "10⁻³⁰⁰". Plot's own log ticks break below 1e-24. */
export function powerOfTenTick(k: number): string {
  return Number.isInteger(k) ? `10${superscriptInteger(k)}` : "";
}

/** Tick label for a count (depth, step): "10 000", as the prose writes it, not "10,000". */
export function integerTick(n: number): string {
  return Number.isInteger(n) ? formatInteger(n) : "";
}

/**
 * About `count` whole-number ticks from `min` to `max` on a 1-2-5 spacing:
 * an axis of depths never shows 2.5 layers.
 */
export function integerTicks(min: number, max: number, count = 6): number[] {
  const span = Math.max(1, max - min);
  // Steps 1, 2, 5, 10, 20, 50, …: the first that gives at most `count` intervals.
  let step = 1;
  for (let k = 1; span / step > count; k++) step = [1, 2, 5][k % 3] * 10 ** Math.floor(k / 3);
  const first = Math.ceil(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max; t += step) ticks.push(t);
  return ticks;
}
