/**
 * A chapter's prose never types a computed result: a decimal with three or
 * more places (0.2247) copied by hand would drift from lib, so it must come
 * from lib through an MDX expression ({formatFixed(…)}). This fails the build
 * on one, naming the file and line. Math, code, expressions and component
 * attributes are not text nodes, so they are not looked at.
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { where } from "./source-position";

const TYPED_RESULT = /\d\.\d{3,}/;

export function remarkTypedNumbers() {
  return function transform(tree: Root, file: VFile) {
    visit(tree, "text", (node) => {
      const typed = TYPED_RESULT.exec(node.value)?.[0];
      if (typed === undefined) return;
      throw new Error(
        `${where(file, node)}: the number ${typed} is typed in the text; a computed number comes from lib through an MDX expression, such as {formatFixed(value, 4)} (CONTRIBUTING.md, "Numbers").`,
      );
    });
  };
}
