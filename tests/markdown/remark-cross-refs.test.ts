import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Root } from "mdast";
import { VFile } from "vfile";
import { beforeAll, describe, expect, it } from "vitest";
import { remarkCrossRefs } from "../../src/markdown/remark-cross-refs";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dc-refs-"));
  writeFileSync(join(dir, "1-1-a.mdx"), '---\nsection: "1.1"\n---\n$$\nx\n\\label{alpha}\n$$\n');
  writeFileSync(join(dir, "1-2-b.mdx"), '---\nsection: "1.2"\n---\n$$\ny\n$$\n\n$$\nz\n\\label{beta}\n$$\n');
});

// A tree as remark-math leaves it: the TeX in `value` and in the prepared hast.
const mathNode = (tex: string) => ({
  type: "math",
  value: tex,
  data: { hName: "pre", hChildren: [{ type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: tex }] }] },
});
const link = (url: string) => ({ type: "link", url, children: [] as { type: "text"; value: string }[] });

function run(tree: Root, file: string, base = "/csc413/") {
  remarkCrossRefs({ base, chaptersDir: dir })(tree, new VFile({ path: join(dir, file) }));
  return tree;
}

describe("remarkCrossRefs", () => {
  it("replaces \\label by \\tag{n} in both copies of the TeX and wraps the equation in an anchor", () => {
    const tree = { type: "root", children: [mathNode("z\n\\label{beta}")] } as unknown as Root;
    run(tree, "1-2-b.mdx");
    const wrapper = tree.children[0] as unknown as { data: { hProperties: { id: string } }; children: ReturnType<typeof mathNode>[] };
    expect(wrapper.data.hProperties.id).toBe("eq-beta");
    const math = wrapper.children[0];
    expect(math.value).toBe("z\n\\tag{1}");
    expect(JSON.stringify(math.data.hChildren)).toContain("\\\\tag{1}");
    expect(JSON.stringify(math.data.hChildren)).not.toContain("label");
  });

  it("links references on the same page and across chapters, with the base", () => {
    const same = link("eq:alpha");
    const other = link("eq:beta");
    const tree = { type: "root", children: [{ type: "paragraph", children: [same, other] }] } as unknown as Root;
    run(tree, "1-1-a.mdx");
    expect(same.url).toBe("#eq-alpha");
    expect(same.children[0].value).toBe("(1)");
    expect(other.url).toBe("/csc413/chapters/1-2-b/#eq-beta");
    expect(other.children[0].value).toBe("§1.2 (1)");
  });

  it("fails on an unknown equation label, naming the file and line", () => {
    const bad = { ...link("eq:gamma"), position: { start: { line: 7, column: 1 }, end: { line: 7, column: 10 } } };
    const tree = { type: "root", children: [{ type: "paragraph", children: [bad] }] } as unknown as Root;
    expect(() => run(tree, "1-1-a.mdx")).toThrow(/1-1-a\.mdx:7: reference to unknown equation "gamma"/);
  });

  it("prefixes site-absolute links with the base and leaves others alone", () => {
    const internal = link("/chapters/1-2-b/");
    const external = link("https://arxiv.org/abs/1211.5063");
    const anchor = link("#section");
    const tree = { type: "root", children: [{ type: "paragraph", children: [internal, external, anchor] }] } as unknown as Root;
    run(tree, "1-1-a.mdx");
    expect(internal.url).toBe("/csc413/chapters/1-2-b/");
    expect(external.url).toBe("https://arxiv.org/abs/1211.5063");
    expect(anchor.url).toBe("#section");
  });
});
