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
import { errorAt, type SourcePoint } from "./source-position";

const TYPED_RESULT = /\d\.\d{3,}/;

/**
 * Where the text `typed`, found at `index` of a text node's value, stands in
 * the source: a paragraph's text spans its lines, without their indentation.
 */
function placeOf(file: VFile, start: SourcePoint, value: string, index: number, typed: string): SourcePoint {
  const before = value.slice(0, index).split("\n");
  const line = start.line + before.length - 1;
  const sourceLine = String(file.value ?? "").split(/\r?\n/)[line - 1] ?? "";
  const found = sourceLine.indexOf(typed, before.length === 1 ? (start.column ?? 1) - 1 : 0);
  return { line, column: found < 0 ? undefined : found + 1 };
}

export function remarkTypedNumbers() {
  return function transform(tree: Root, file: VFile) {
    visit(tree, "text", (node) => {
      const match = TYPED_RESULT.exec(node.value);
      if (match === null) return;
      const start = node.position?.start;
      throw errorAt(
        file,
        start && placeOf(file, start, node.value, match.index, match[0]),
        `the number ${match[0]} is typed in the text; a computed number comes from lib through an MDX expression, such as {formatFixed(value, 4)} (CONTRIBUTING.md, "Numbers").`,
      );
    });
  };
}
