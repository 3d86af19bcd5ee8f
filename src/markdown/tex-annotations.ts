/**
 * KaTeX keeps each formula's TeX source in its MathML, as an <annotation>. A
 * browser does not draw it, but while a block of a chapter is skipped
 * (content-visibility: auto, far from the viewport) Chromium has no rendering
 * to go by and exposes the annotation to screen readers, which then read the
 * TeX after the formula. aria-hidden keeps it out of the accessibility tree in
 * every state. Both ways math reaches a page go through here: rehype-katex for
 * a chapter's `$…$`, and <Tex> for formulas with computed numbers.
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

const TEX_ANNOTATION = '<annotation encoding="application/x-tex">';

/** KaTeX's HTML with every TeX annotation hidden from assistive technology. */
export function hideTexAnnotations(html: string): string {
  return html.replaceAll(TEX_ANNOTATION, TEX_ANNOTATION.replace(">", ' aria-hidden="true">'));
}

/** The same for a page's tree, after rehype-katex. */
export function rehypeHideTexAnnotations() {
  return function hide(tree: Root) {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "annotation") node.properties.ariaHidden = "true";
    });
  };
}
