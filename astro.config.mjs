// @ts-check
import { fileURLToPath } from "node:url";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { checkLinks } from "./src/integrations/check-links.ts";
import { gallery } from "./src/integrations/gallery.ts";
import { katexWoff2Only } from "./src/integrations/katex-woff2-only.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { codeThemes } from "./src/markdown/code-themes.ts";
import { katexOptions } from "./src/markdown/katex-options.ts";
import { rehypeMathErrors } from "./src/markdown/rehype-math-errors.ts";
import { remarkCrossRefs } from "./src/markdown/remark-cross-refs.ts";
import { normalizeBase } from "./src/paths.ts";

// SITE_BASE=/csc413/ npm run build  →  a site that works under /csc413/.
const base = normalizeBase(process.env.SITE_BASE);
const chaptersDir = fileURLToPath(new URL("./content/chapters/", import.meta.url));

export default defineConfig({
  base,
  trailingSlash: "always",
  publicDir: "./src/public",
  outDir: process.env.SITE_OUT_DIR ?? "./dist",
  markdown: {
    remarkPlugins: [remarkMath, [remarkCrossRefs, { base, chaptersDir }]],
    rehypePlugins: [[rehypeKatex, katexOptions], rehypeMathErrors],
    shikiConfig: { themes: codeThemes },
  },
  integrations: [mdx(), gallery(process.env.SITE_GALLERY === "1"), checkLinks(base), searchIndex()],
  vite: {
    plugins: [katexWoff2Only()],
    // Workers load figure specs with dynamic imports, which only ES module workers can split.
    worker: { format: "es" },
  },
  devToolbar: { enabled: false },
});
