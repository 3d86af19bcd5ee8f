/**
 * Which points of a long series to draw. A line through more points than the
 * plot has pixels looks the same and costs more to render on every input.
 */

/** Indices 0…last, evenly strided to at most `max` points, always including both ends. */
export function evenIndices(last: number, max: number): number[] {
  const stride = Math.max(1, Math.ceil(last / Math.max(1, max - 1)));
  const out: number[] = [];
  for (let i = 0; i < last; i += stride) out.push(i);
  out.push(last);
  return out;
}

/** Distinct integers from `first` to `last`, spaced evenly on a log scale (for log-log plots). */
export function logIndices(first: number, last: number, max: number): number[] {
  const out = new Set<number>();
  const a = Math.log(first);
  const b = Math.log(last);
  for (let i = 0; i < max; i++) out.add(Math.round(Math.exp(a + ((b - a) * i) / Math.max(1, max - 1))));
  out.add(last);
  return [...out].sort((p, q) => p - q);
}

/** Depths worth a row in a data table: 1, 2, 5, 10, 20, 50, … up to and including `last`. */
export function tableDepths(last: number): number[] {
  const out: number[] = [];
  for (let decade = 1; decade <= last; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade < last) out.push(m * decade);
  }
  out.push(last);
  return out;
}
