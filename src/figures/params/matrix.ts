/** A small matrix of numbers, edited entry by entry and laid out as a matrix, with named presets. */
import { coerceNumber } from "./number";
import { echo } from "./show";
import type { Coerced } from "./types";

export interface MatrixParam {
  kind: "matrix";
  label: string;
  /** The matrix's symbol in the labels of its entries: "M" → "M₁₂". */
  symbol: string;
  rows: number;
  cols: number;
  min: number;
  max: number;
  step: number;
  default: number[][];
  presets?: readonly { label: string; value: number[][] }[];
}

export function matrixParam(p: Omit<MatrixParam, "kind">): MatrixParam {
  return { kind: "matrix", ...p };
}

/** Entries in a URL: rows separated by ";", entries by ",": "1,0;0,1". */
export function matrixToText(m: readonly (readonly number[])[]): string {
  return m.map((row) => row.join(",")).join(";");
}

function rowsOf(raw: unknown): unknown[][] | null {
  if (Array.isArray(raw)) return raw.map((row) => (Array.isArray(row) ? row : [row]));
  if (typeof raw === "string") return raw.split(";").map((row) => row.split(","));
  return null;
}

const SUBSCRIPT = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];
/** "M₁₂": the label of entry (i, j), 0-based in, 1-based out as in the chapters. */
export function entryName(p: MatrixParam, i: number, j: number): string {
  const sub = (n: number) => [...String(n)].map((d) => SUBSCRIPT[Number(d)]).join("");
  return `${p.symbol}${sub(i + 1)}${sub(j + 1)}`;
}

export function coerceMatrix(p: MatrixParam, raw: unknown): Coerced<number[][]> {
  const rows = rowsOf(raw);
  if (!rows || rows.length !== p.rows || rows.some((r) => r.length !== p.cols)) {
    return {
      value: p.default.map((r) => [...r]),
      note: `${p.label}: “${echo(raw)}” is not a ${p.rows}×${p.cols} matrix; showing the default.`,
    };
  }
  const notes: string[] = [];
  const value = rows.map((row, i) =>
    row.map((entry, j) => {
      const name = entryName(p, i, j);
      const c = coerceNumber({ label: name, min: p.min, max: p.max, default: p.default[i][j] }, entry, {});
      if (c.note) notes.push(c.note);
      return c.value;
    }),
  );
  return notes.length > 0 ? { value, note: notes.join(" ") } : { value };
}
