import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { withMathAsText } from "./math-text";
import { htmlFiles } from "./site-links";

/**
 * What the search index leaves out: KaTeX's visual markup and the TeX source
 * (a result's excerpt would show "\\tfrac14"); formulas are indexed by their
 * MathML as a line of text, "σ′(x) = e^(−x)/(1+e^(−x))^2" (see math-text.ts).
 * Also left out: plots with their keys, a widget's controls, notes and status
 * lines ("Computing…"), code listings, data tables and navigation.
 */
export const SEARCH_EXCLUDE = [
  ".katex-html",
  ".katex-mathml annotation",
  "svg",
  ".figure-code",
  ".figure-data",
  ".widget-controls",
  ".widget-note",
  ".widget-status",
  ".widget-busy",
  ".figure-key",
  ".toc",
  ".pager",
];

/** Builds the Pagefind search index over the chapters after every `astro build`. */
export function searchIndex(): AstroIntegration {
  return {
    name: "search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE, forceLanguage: "en" });
        if (!index) throw new Error(`search index: ${errors.join("; ")}`);
        // The index reads each page with its formulas as text; the pages themselves keep their MathML.
        const pages = htmlFiles(outDir);
        for (const page of pages) {
          const added = await index.addHTMLFile({ sourcePath: page, content: withMathAsText(readFileSync(join(outDir, page), "utf8")) });
          if (added.errors.length > 0) throw new Error(`search index: ${page}: ${added.errors.join("; ")}`);
        }
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
        await pagefind.close();
        const removed = pruneSearchFiles(`${outDir}/pagefind`);
        logger.info(
          `read ${pages.length} page(s) for search; left out ${removed.length} file(s) of Pagefind's own UI, which the site does not use`,
        );
      },
    },
  };
}

/**
 * Pagefind writes its ready-made search UIs (about 430 KB) beside the index;
 * the search page uses only the search library, its worker, the index and
 * the WebAssembly of the languages indexed. Delete the rest; returns what
 * was deleted.
 */
export function pruneSearchFiles(dir: string): string[] {
  const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { wasm?: string }> };
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm ?? "unknown"}.pagefind`));
  const keep = (name: string) =>
    ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "index", "fragment", "filter"].includes(name) ||
    name.endsWith(".pf_meta") ||
    wasm.has(name);
  const removed = readdirSync(dir).filter((name) => !keep(name));
  for (const name of removed) rmSync(join(dir, name), { recursive: true });
  return removed;
}
