/** Typed results in a chapter's text fail the build, with the file and line; math, code and expressions do not. */
import type { Root } from "mdast";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { remarkTypedNumbers } from "../../src/markdown/remark-typed-numbers";

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 20 } });
const paragraph = (...children: object[]) => ({ type: "root", children: [{ type: "paragraph", children }] }) as unknown as Root;
const run = (tree: Root) => remarkTypedNumbers()(tree, new VFile({ path: "/course/content/chapters/1-1-a.mdx" }));

describe("remarkTypedNumbers", () => {
  it("fails on a decimal with three or more places in the text, naming file, line and number", () => {
    const tree = paragraph({ type: "text", value: "The rate is 0.2247 per layer.", position: at(12) });
    expect(() => run(tree)).toThrow(/\/course\/content\/chapters\/1-1-a\.mdx:12: the number 0\.2247 is typed in the text/);
  });

  it("names the line and column of the number itself, in a paragraph over several indented lines", () => {
    // A list item's paragraph: its text starts at line 1, column 4, and its second line loses its indentation.
    const source = "1. First line of an item,\n   its second line: 0.2247 per layer.\n";
    const node = { type: "text", value: "First line of an item,\nits second line: 0.2247 per layer.", position: at(1) };
    node.position.start.column = 4;
    let thrown: unknown;
    try {
      remarkTypedNumbers()(paragraph(node), new VFile({ path: "/course/x.mdx", value: source }));
    } catch (error) {
      thrown = error;
    }
    const column = source.split("\n")[1].indexOf("0.2247") + 1;
    expect(thrown).toMatchObject({ line: 2, column });
    expect(String(thrown)).toMatch(/x\.mdx:2: the number 0\.2247/);
  });

  it("looks inside emphasis, links, tables and components' children", () => {
    const nested = { type: "text", value: "about 1.618", position: at(3) };
    const trees = [
      paragraph({ type: "emphasis", children: [nested] }),
      paragraph({ type: "link", url: "#x", children: [nested] }),
      {
        type: "root",
        children: [{ type: "table", children: [{ type: "tableRow", children: [{ type: "tableCell", children: [nested] }] }] }],
      },
      {
        type: "root",
        children: [{ type: "mdxJsxFlowElement", name: "Figure", attributes: [], children: [paragraph(nested).children[0]] }],
      },
    ] as unknown as Root[];
    for (const tree of trees) expect(() => run(tree)).toThrow(/1\.618/);
  });

  it("leaves math, code, expressions, attributes and short decimals alone", () => {
    const tree = paragraph(
      { type: "text", value: "With w = 1.5 and 0.99, about 10 000 layers; § 2.1. " },
      { type: "inlineMath", value: "x^* = 0.6590" },
      { type: "inlineCode", value: "0.2247" },
      { type: "mdxTextExpression", value: "formatFixed(0.2247, 4)" },
      { type: "mdxJsxTextElement", name: "Tex", attributes: [{ type: "mdxJsxAttribute", name: "tex", value: "0.2247" }], children: [] },
    );
    expect(() => run(tree)).not.toThrow();
  });
});
