import { describe, expect, it } from "vitest";
import { equationId, indexEquations, labelsIn, readChapterSources, type ChapterSource } from "../../src/markdown/equation-index";

const chapter = (slug: string, section: string, source: string): ChapterSource => ({
  slug,
  section,
  source,
  path: `content/chapters/${slug}.mdx`,
});

describe("equation index", () => {
  it("numbers the labelled display equations of each chapter in order; unlabelled ones get no number", () => {
    const index = indexEquations([
      chapter("a", "1.1", "$$\nx\n\\label{first}\n$$\n\ntext $y$\n\n$$\nz\n$$\n\n$$\nw \\label{second}\n$$\n"),
      chapter("b", "1.2", "$$\nv\n\\label{other}\n$$\n"),
    ]);
    expect(index.get("first")).toMatchObject({ slug: "a", section: "1.1", number: 1 });
    expect(index.get("second")).toMatchObject({ slug: "a", number: 2 });
    expect(index.get("other")).toMatchObject({ slug: "b", section: "1.2", number: 1 });
  });

  it("finds an equation indented in a list item, in its place in the order", () => {
    const source = "$$\na \\label{before}\n$$\n\n1. An item:\n\n   $$\n   b \\label{in-list}\n   $$\n\n$$\nc \\label{after}\n$$\n";
    expect(labelsIn(chapter("a", "1.1", source))).toEqual(["before", "in-list", "after"]);
  });

  it("refuses a label used twice, naming both files", () => {
    expect(() =>
      indexEquations([chapter("a", "1.1", "$$\nx \\label{dup}\n$$\n"), chapter("b", "1.2", "$$\ny \\label{dup}\n$$\n")]),
    ).toThrow(/content\/chapters\/b\.mdx.*"dup".*content\/chapters\/a\.mdx/);
  });

  it("refuses malformed labels and two labels on one equation", () => {
    expect(() => labelsIn(chapter("a", "1.1", "$$\nx \\label{Bad Label}\n$$\n"))).toThrow(/lower-case/);
    expect(() => labelsIn(chapter("a", "1.1", "$$\nx \\label{p} \\label{q}\n$$\n"))).toThrow(/2 labels/);
  });

  it("ids are stable URL fragments", () => {
    expect(equationId("chain-rule")).toBe("eq-chain-rule");
  });

  it("the real chapters have a section in their frontmatter and index without error", () => {
    const sources = readChapterSources("content/chapters");
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.section).toMatch(/^\d+\.\d+$/);
    expect(() => indexEquations(sources)).not.toThrow();
  });
});
