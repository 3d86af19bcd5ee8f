/**
 * The one place a figure spec meets a document. Used at build time with a
 * server-side document (render-static.ts) and in the browser by widgets, so
 * both produce the same SVG for the same parameters.
 */
import * as Plot from "@observablehq/plot";
import type { FigureSpec } from "../figure-spec";
import type { ParamSchema, ParamValues } from "../params";

export const FIGURE_WIDTH = 640;
/** Width of the build-time variant shown on phones, so axis labels stay legible without JavaScript. */
export const NARROW_FIGURE_WIDTH = 360;

export interface RenderOptions {
  document: Document;
  width?: number;
  /** id of the element describing the figure in words (aria-describedby). */
  describedBy?: string;
}

/** Render a spec to an SVG element: fixed class name, accessible name, ARIA roles Plot leaves out. */
export function renderFigure<S extends ParamSchema>(spec: FigureSpec<S>, values: ParamValues<S>, options: RenderOptions) {
  const built = spec.build(values);
  const width = Math.round(options.width ?? FIGURE_WIDTH);
  const svg = Plot.plot({
    ...built.options,
    width,
    document: options.document,
    // Plot otherwise picks a random class per figure, so build output,
    // browser output and snapshots would all differ.
    className: `plot-${spec.id}`,
    ariaLabel: spec.title,
    style: { fontSize: "12px" },
  }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== "svg") {
    throw new Error(`figure ${spec.id}: expected a bare SVG; put the legend in the caption instead`);
  }
  // Plot labels <g> elements without a role, which ARIA forbids.
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("role", "group");
  svg.setAttribute("role", "img");
  if (options.describedBy) svg.setAttribute("aria-describedby", options.describedBy);
  return { svg, ...built };
}
