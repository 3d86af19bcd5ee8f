/**
 * The one place a figure spec meets a document. Used at build time with a
 * server-side document (render-static.ts) and in the browser by widgets, so
 * both produce the same SVG for the same data and width.
 */
import * as Plot from "@observablehq/plot";
import type { AnyFigureSpec } from "../figure-spec";
import { isSvgNode, type SvgNode } from "../svg";

export const FIGURE_WIDTH = 640;
/** Width of the build-time variant shown on phones, so labels stay legible without JavaScript. */
export const NARROW_FIGURE_WIDTH = 360;
/** The widths every static figure is drawn at, wide first. */
export const STATIC_WIDTHS = [FIGURE_WIDTH, NARROW_FIGURE_WIDTH] as const;

export interface DrawOptions {
  document: Document;
  width: number;
  /** id of the element describing the figure in words (aria-describedby). */
  describedBy?: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** A plain SVG tree as elements of `document`. */
export function svgElement(node: SvgNode, document: Document): Element {
  const el = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  for (const child of node.children) el.append(typeof child === "string" ? document.createTextNode(child) : svgElement(child, document));
  return el;
}

/** Draw a spec's data at a width: fixed class name, accessible name, ARIA roles Plot leaves out. */
export function drawFigure(spec: AnyFigureSpec, data: unknown, values: Record<string, unknown>, options: DrawOptions): SVGSVGElement {
  const width = Math.round(options.width);
  const drawing = spec.plot(data, { width, values });
  let svg: Element;
  if (isSvgNode(drawing)) {
    if (drawing.tag !== "svg") throw new Error(`figure ${spec.id}: a plain drawing must be an <svg>, got <${drawing.tag}>`);
    svg = svgElement(drawing, options.document);
    svg.setAttribute("class", `plot-${spec.id}`);
    svg.setAttribute("aria-label", spec.title);
  } else {
    svg = Plot.plot({
      ...drawing,
      width,
      document: options.document,
      // Plot otherwise picks a random class per figure, so build output,
      // browser output and snapshots would all differ.
      className: `plot-${spec.id}`,
      ariaLabel: spec.title,
      style: { fontSize: "12px" },
    }) as unknown as Element;
    if (svg.tagName.toLowerCase() !== "svg") {
      throw new Error(`figure ${spec.id}: expected a bare SVG; put the legend in the spec's key instead`);
    }
  }
  // Plot labels <g> elements without a role, which ARIA forbids.
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("role", "group");
  svg.setAttribute("role", "img");
  if (options.describedBy) svg.setAttribute("aria-describedby", options.describedBy);
  return svg as SVGSVGElement;
}
