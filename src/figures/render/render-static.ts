/**
 * Build-time rendering: a spec to SVG strings with a server-side document, so
 * every figure is in the HTML and reading needs no JavaScript. The data is
 * computed once and drawn at every width that ships.
 */
import { parseHTML } from "linkedom";
import type { AnyFigureSpec, DataTable } from "../figure-spec";
import { figureData, figureKey } from "../figure-data";
import type { KeyEntry } from "../key";
import { coerceValues } from "../params";
import { drawFigure, STATIC_WIDTHS } from "./draw-figure";

export interface StaticFigure {
  /** One SVG per width, in the order of `widths`. */
  svgs: string[];
  description: string;
  table: DataTable;
  key: KeyEntry[];
  values: Record<string, unknown>;
  data: unknown;
}

export function renderStatic(
  spec: AnyFigureSpec,
  overrides: Partial<Record<string, unknown>> = {},
  options: { describedBy?: string; widths?: readonly number[] } = {},
): StaticFigure {
  const { values, notes } = coerceValues(spec.params, overrides);
  if (notes.length > 0) {
    throw new Error(`figure ${spec.id}: invalid parameters in the chapter: ${notes.join(" ")}`);
  }
  const data = figureData(spec, values);
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svgs = (options.widths ?? STATIC_WIDTHS).map((width) =>
    roundGeometry(
      drawFigure(spec, data, values, { document: document as unknown as Document, width, describedBy: options.describedBy }).outerHTML,
    ),
  );
  return { svgs, description: spec.describe(data, values), table: spec.table(data, values), key: figureKey(spec, values), values, data };
}

const GEOMETRY = /\s(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|points|viewBox)="([^"]*)"/g;

/**
 * Round coordinates in geometry attributes to 0.1 px: invisible on screen,
 * and it roughly halves the size of a line with hundreds of points in the
 * page's HTML. Text content (tick labels) is left alone.
 */
export function roundGeometry(svg: string): string {
  return svg.replace(GEOMETRY, (_m, name: string, value: string) => {
    const rounded = value.replace(/-?\d*\.\d+(e-?\d+)?/g, (x) => String(Math.round(Number(x) * 10) / 10));
    return ` ${name}="${rounded}"`;
  });
}
