// @ts-check
import { fileURLToPath } from "node:url";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { checkLinks } from "./src/integrations/check-links.ts";
import { commandLineOption, deployFiles, readLastBuild } from "./src/integrations/deploy-files.ts";
import { gallery } from "./src/integrations/gallery.ts";
import { katexFontSubset } from "./src/integrations/katex-font-subset.ts";
import { katexWoff2Only } from "./src/integrations/katex-woff2-only.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { widgetRuntimeUrl } from "./src/integrations/widget-runtime-url.ts";
import { codeThemes } from "./src/markdown/code-themes.ts";
import { katexOptions } from "./src/markdown/katex-options.ts";
import { rehypeMathErrors } from "./src/markdown/rehype-math-errors.ts";
import { rehypeTableScroll } from "./src/markdown/rehype-table-scroll.ts";
import { remarkCrossRefs } from "./src/markdown/remark-cross-refs.ts";
import { remarkTexSourceLine } from "./src/markdown/remark-tex-source-line.ts";
import { remarkTypedNumbers } from "./src/markdown/remark-typed-numbers.ts";
import { rehypeHideTexAnnotations } from "./src/markdown/tex-annotations.ts";
import { resolveBase } from "./src/paths.ts";

// SITE_BASE=/csc413/ npm run build  →  a site that works under /csc413/.
// `npm run preview` serves the last build where it was built for, unless told otherwise.
// Astro's own --base and --outDir flags win, as they do in Astro: read them here so the
// integrations below (link check, cross-references, deploy files) see the same values.
const lastBuild = process.argv.includes("preview") ? readLastBuild() : undefined;
// SITE_URL=https://example.edu/csc413/ adds canonical links and a sitemap, and
// gives the base (/csc413/) when no base is given.
const site = process.env.SITE_URL || undefined;
const base = resolveBase(commandLineOption(process.argv, "base") ?? (process.env.SITE_BASE || undefined) ?? lastBuild?.base, site);
const outDir = commandLineOption(process.argv, "outDir") ?? process.env.SITE_OUT_DIR ?? lastBuild?.outDir ?? "./dist";
const chaptersDir = fileURLToPath(new URL("./content/chapters/", import.meta.url));

export default defineConfig({
  base,
  site,
  trailingSlash: "always",
  publicDir: "./src/public",
  outDir,
  markdown: {
    remarkPlugins: [remarkMath, [remarkCrossRefs, { base, chaptersDir }], remarkTypedNumbers, remarkTexSourceLine],
    rehypePlugins: [[rehypeKatex, katexOptions], rehypeMathErrors, rehypeHideTexAnnotations, rehypeTableScroll],
    shikiConfig: { themes: codeThemes },
  },
  integrations: [
    mdx(),
    gallery(process.env.SITE_GALLERY === "1"),
    checkLinks(base),
    katexFontSubset(),
    searchIndex(),
    deployFiles({ base, outDir }),
  ],
  vite: {
    plugins: [katexWoff2Only(), widgetRuntimeUrl()],
    // Workers load figure specs with dynamic imports, which only ES module workers can split.
    worker: { format: "es" },
  },
  devToolbar: { enabled: false },
});
