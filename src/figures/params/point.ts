/** A cell of a grid (a pixel), picked on the figure by click, tap or arrow keys, or typed as row and column. */
import { coerceNumber } from "./number";
import { echo } from "./show";
import { resolveBound, type Bound, type Cell, type Coerced } from "./types";

export interface PointParam {
  kind: "point";
  label: string;
  /** Grid size; may depend on earlier parameters (the image size). */
  rows: Bound;
  cols: Bound;
  default: Cell;
}

export function pointParam(p: Omit<PointParam, "kind">): PointParam {
  return { kind: "point", ...p };
}

/** A cell in a URL: "row,col", 1-based. */
export function cellToText(c: Cell): string {
  return `${c.row},${c.col}`;
}

export function coercePoint(p: PointParam, raw: unknown, values: Readonly<Record<string, unknown>>): Coerced<Cell> {
  let parts: unknown[] | null = null;
  if (typeof raw === "string") parts = raw.split(",");
  else if (raw && typeof raw === "object" && "row" in raw && "col" in raw) parts = [raw.row, raw.col];
  const rows = resolveBound(p.rows, values);
  const cols = resolveBound(p.cols, values);
  const fallback = { row: Math.min(rows, p.default.row), col: Math.min(cols, p.default.col) };
  if (!parts || parts.length !== 2) {
    return {
      value: fallback,
      note: `${p.label}: “${echo(raw)}” is not a row and a column; showing row ${fallback.row}, column ${fallback.col}.`,
    };
  }
  const row = coerceNumber({ label: `${p.label}, row`, min: 1, max: rows, default: fallback.row, integer: true }, parts[0], values);
  const col = coerceNumber({ label: `${p.label}, column`, min: 1, max: cols, default: fallback.col, integer: true }, parts[1], values);
  const note = [row.note, col.note].filter(Boolean).join(" ");
  const value = { row: row.value, col: col.value };
  return note ? { value, note } : { value };
}
