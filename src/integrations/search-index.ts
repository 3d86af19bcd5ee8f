import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/**
 * What the search index leaves out: KaTeX's visual markup (its MathML keeps
 * the TeX source, which is indexed instead), plots, code listings, data
 * tables and navigation.
 */
export const SEARCH_EXCLUDE = [
  ".katex-html",
  ".katex-mathml semantics > :not(annotation)",
  "svg",
  ".figure-code",
  ".figure-data",
  ".widget-controls",
  ".widget-note",
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
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
        await pagefind.close();
        logger.info(`indexed ${added.page_count} page(s) for search`);
      },
    },
  };
}
