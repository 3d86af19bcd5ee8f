/**
 * A `<Tex>` formula is typeset when the page renders, long after the MDX
 * source is gone, so its error could name the chapter but not the place.
 * This gives every `<Tex>` in a chapter a `sourceLine` attribute, its line in
 * the source, which the component's error message reports.
 */
import type { Node } from "unist";
import { visit } from "unist-util-visit";

/** The part of an MDX JSX element (`<Tex tex={…} />` in text or as a block) this step reads and writes. */
interface JsxElement extends Node {
  type: "mdxJsxTextElement" | "mdxJsxFlowElement";
  name: string | null;
  attributes: { type: "mdxJsxAttribute"; name: string; value: string }[];
}

const isTex = (node: Node): node is JsxElement =>
  (node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") && (node as JsxElement).name === "Tex";

export function remarkTexSourceLine() {
  return function transform(tree: Node) {
    visit(tree, isTex, (node: JsxElement) => {
      const line = node.position?.start.line;
      if (line !== undefined) node.attributes.push({ type: "mdxJsxAttribute", name: "sourceLine", value: String(line) });
    });
  };
}
