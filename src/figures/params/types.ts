/**
 * What every parameter kind shares. A parameter is one thing a reader can
 * change in a widget (and a link can set in the URL); its kind decides the
 * control, how outside input is validated, and how the value is written in a
 * URL. The kinds live one per file next to this one.
 */

/** A bound that may depend on parameters declared earlier in the same schema (a pixel must lie inside the chosen image). */
export type Bound = number | ((values: Readonly<Record<string, unknown>>) => number);

export interface Coerced<V> {
  value: V;
  /** Set when the input was changed to make it valid: a sentence for the reader. */
  note?: string;
}

/** A grid cell picked on a figure, 1-based as a reader counts: row 1 is the top row. */
export interface Cell {
  row: number;
  col: number;
}

export function resolveBound(bound: Bound, values: Readonly<Record<string, unknown>>): number {
  return typeof bound === "function" ? bound(values) : bound;
}
