/**
 * Ticks for an axis in log₁₀ units that may span a sliver of a decade or
 * many decades: within one decade, evenly spaced round values ("0.8", "1",
 * "1.2"); up to a few decades, 1-2-5 steps as plain decimals ("0.2", "1",
 * "5"); beyond that, powers of ten ("10⁻⁶"). Plot's own log ticks break below
 * 1e-24 and print "1e-7"; these never do.
 */
import { formatFixed, formatSignificant } from "../../../lib/format";
import { powerOfTenTick } from "../axis-format";

export interface LogTicks {
  /** Tick positions, as log₁₀ values. */
  ticks: number[];
  format: (t: number) => string;
}

/** Tick positions and labels for the interval [lo, hi] of log₁₀ values (lo < hi, both finite). */
export function logTicks(lo: number, hi: number): LogTicks {
  if (hi - lo < 1) return linearTicks(10 ** lo, 10 ** hi);
  const first = Math.floor(lo);
  const last = Math.ceil(hi);
  if (last - first <= 3) {
    const ticks: number[] = [];
    for (let k = first; k <= last; k++) {
      for (const m of [1, 2, 5]) {
        const t = k + Math.log10(m);
        if (t >= lo && t <= hi) ticks.push(t);
      }
    }
    return { ticks, format: (t) => formatSignificant(10 ** t, 1) };
  }
  const stride = Math.max(1, Math.ceil((last - first) / 6));
  const ticks: number[] = [];
  for (let k = Math.ceil(first / stride) * stride; k <= last; k += stride) if (k >= lo && k <= hi) ticks.push(k);
  return { ticks, format: powerOfTenTick };
}

/** About five round values between v0 < v1 (less than a factor 10 apart), placed on the log axis. */
function linearTicks(v0: number, v1: number): LogTicks {
  const raw = (v1 - v0) / 5;
  const power = Math.floor(Math.log10(raw));
  const unit = 10 ** power;
  const step = (raw / unit >= 5 ? 10 : raw / unit >= 2 ? 5 : raw / unit >= 1 ? 2 : 1) * unit;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: number[] = [];
  for (let k = Math.ceil(v0 / step); k * step <= v1; k++) ticks.push(Math.log10(k * step));
  return { ticks, format: (t) => formatFixed(10 ** t, decimals) };
}
