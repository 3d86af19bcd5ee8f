/**
 * Plain SVG as data: what a spec returns for a figure Plot does not draw well
 * (a pixel grid, a dependency graph, a block diagram). The renderer turns it
 * into elements of whatever document it is given (linkedom at build time,
 * the page in the browser), so both produce the same markup.
 */

export type SvgAttrs = Record<string, string | number | undefined>;

export interface SvgNode {
  tag: string;
  attrs: SvgAttrs;
  children: (SvgNode | string)[];
}

/** An SVG element: `svg("rect", { x: 0, y: 0, width: 10, height: 10, fill: "var(--c-cell-1)" })`. Undefined attributes are left out. */
export function svg(tag: string, attrs: SvgAttrs = {}, ...children: (SvgNode | string | false | null | undefined)[]): SvgNode {
  return { tag, attrs, children: children.filter((c): c is SvgNode | string => c !== false && c !== null && c !== undefined) };
}

export function isSvgNode(x: unknown): x is SvgNode {
  return typeof x === "object" && x !== null && "tag" in x && "children" in x;
}

/** Round a coordinate to 0.1 px, as the static SVG does: invisible, and it keeps the HTML small. */
export const px = (x: number): number => Math.round(x * 10) / 10;
