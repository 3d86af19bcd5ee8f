/**
 * Build-time rendering: a spec to an SVG string with a server-side document,
 * so every figure is in the HTML and reading needs no JavaScript.
 */
import { parseHTML } from "linkedom";
import type { FigureSpec } from "../figure-spec";
import { coerceValues, type ParamSchema, type ParamValues } from "../params";
import { renderFigure } from "./plot-figure";

export function renderStatic<S extends ParamSchema>(
  spec: FigureSpec<S>,
  overrides: Partial<Record<string, unknown>> = {},
  describedBy?: string,
  width?: number,
) {
  const { values, notes } = coerceValues(spec.params, overrides);
  if (notes.length > 0) {
    throw new Error(`figure ${spec.id}: invalid parameters in the chapter: ${notes.join(" ")}`);
  }
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const { svg, description, table } = renderFigure(spec, values, { document: document as unknown as Document, describedBy, width });
  return { svg: roundGeometry(svg.outerHTML), description, table, values: values as ParamValues<S> };
}

const GEOMETRY = /\s(d|transform|x|y|x1|x2|y1|y2|cx|cy|points)="([^"]*)"/g;

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
