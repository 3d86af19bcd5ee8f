/**
 * Remark plugin for the chapters:
 * - a display equation with `\label{name}` gets `\tag{n}` and an anchor id;
 * - a link `[](eq:name)` becomes a link to that equation, on this page or
 *   another, with its number as text; an unknown label fails the build;
 * - a site-absolute link `/chapters/…` gets the configured base, so chapters
 *   work under a sub-path.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Link, Parent, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { chapterPath, joinBase } from "../paths";
import { equationId, indexEquations, readChapterSources, type EquationEntry } from "./equation-index";
import { errorAt } from "./source-position";

interface Options {
  base: string;
  chaptersDir: string;
}

/** Rebuild the index only when a chapter file changed (dev server edits). */
function cachedIndex(dir: string): () => Map<string, EquationEntry> {
  let stamp = "";
  let index = new Map<string, EquationEntry>();
  return () => {
    const sources = readChapterSources(dir);
    const next = sources.map((s) => `${s.path}:${statSync(s.path).mtimeMs}`).join("|");
    if (next !== stamp) {
      index = indexEquations(sources);
      stamp = next;
    }
    return index;
  };
}

/** Text of an equation reference: "(3)" on its own page, "§1.1 (3)" elsewhere. */
export function referenceText(entry: EquationEntry, fromSlug: string): string {
  return entry.slug === fromSlug ? `(${entry.number})` : `§${entry.section} (${entry.number})`;
}

export function remarkCrossRefs(options: Options) {
  const getIndex = cachedIndex(options.chaptersDir);
  return function transform(tree: Root, file: VFile) {
    const index = getIndex();
    const slug = basename(file.path, ".mdx");

    visit(tree, "math", (node, position, parent: Parent | undefined) => {
      const match = /\\label\{([^}]*)\}/.exec(node.value);
      if (!match || !parent || position === undefined) return;
      const entry = index.get(match[1]);
      if (!entry || entry.slug !== slug) {
        throw errorAt(file, node.position?.start, `equation label "${match[1]}" was not indexed; put $$ on lines of their own.`);
      }
      const tagged = (tex: string) => tex.replace(match[0], `\\tag{${entry.number}}`);
      node.value = tagged(node.value);
      // remark-math also keeps the TeX in the hast it prepared (data.hChildren).
      visit({ type: "root", children: (node.data?.hChildren ?? []) as unknown as RootContent[] } as Root, "text", (text) => {
        text.value = tagged(text.value);
      });
      // Wrap the equation so its id survives rehype-katex replacing the <pre>.
      const wrapper = {
        type: "equationBlock",
        children: [node],
        data: { hName: "div", hProperties: { id: equationId(entry.label), className: ["equation"] } },
      };
      parent.children.splice(position, 1, wrapper as unknown as RootContent);
    });

    visit(tree, "link", (node: Link) => {
      if (node.url.startsWith("eq:")) {
        const label = node.url.slice(3);
        const entry = index.get(label);
        if (!entry) {
          throw errorAt(file, node.position?.start, `reference to unknown equation "${label}".`);
        }
        const page = entry.slug === slug ? "" : joinBase(options.base, chapterPath(entry.slug));
        node.url = `${page}#${equationId(label)}`;
        if (node.children.length === 0) {
          node.children = [{ type: "text", value: referenceText(entry, slug) }];
        }
        node.data = { ...node.data, hProperties: { className: ["eqref"] } };
      } else if (node.url.startsWith("/") && !node.url.startsWith("//")) {
        node.url = joinBase(options.base, node.url);
      }
    });
  };
}
