/**
 * A table in a chapter's text scrolls inside itself on a narrow screen rather
 * than widening the page; its wrapper is focusable and named, so a keyboard
 * user can scroll it too (axe: scrollable-region-focusable).
 */
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import { visit } from "unist-util-visit";

export function rehypeTableScroll() {
  return function wrap(tree: Root) {
    let count = 0;
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "table" || !parent || index === undefined) return;
      if (parent.type === "element" && (parent.properties?.className as string[] | undefined)?.includes("table-scroll")) return;
      // A region's name must be unique on the page: number the tables, and name their columns.
      const header = node.children.find((c): c is Element => c.type === "element" && c.tagName === "thead");
      const columns = header ? toText(header, { whitespace: "normal" }).trim().replace(/\s+/g, " ") : "";
      const wrapper: Element = {
        type: "element",
        tagName: "div",
        properties: {
          className: ["table-scroll", "prose-table"],
          tabIndex: 0,
          role: "region",
          ariaLabel: `Table ${++count}${columns ? `: ${columns}` : ""}`,
        },
        children: [node],
      };
      parent.children.splice(index, 1, wrapper);
    });
  };
}
