/**
 * KaTeX ships every glyph of every font face it might need (52 KiB of woff2
 * on chapter 1.1's first visit); the course uses a few hundred characters.
 * After the build, each KaTeX font is cut down to the characters that
 * typeset math anywhere on the site (the text of every `.katex-html`), in
 * place, so the stylesheet's URLs stay valid. Math is only ever typeset at
 * build time, so no page can need a glyph that is not in the built HTML.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { parseHTML } from "linkedom";
import subsetFont from "subset-font";

/** Every character inside typeset math on the built pages. */
export function mathCharacters(outDir: string): Set<string> {
  const chars = new Set<string>();
  for (const file of readdirSync(outDir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".html")) continue;
    const html = readFileSync(join(outDir, file), "utf8");
    if (!html.includes("katex-html")) continue;
    const { document } = parseHTML(html);
    for (const el of document.querySelectorAll(".katex-html")) for (const ch of el.textContent ?? "") chars.add(ch);
  }
  return chars;
}

/** The KaTeX font files of a build, as paths. */
export function katexFonts(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(sep).join("/"))
    .filter((f) => /(^|\/)KaTeX_[\w-]+\.[\w-]+\.woff2$/.test(f))
    .map((f) => join(outDir, f));
}

export function katexFontSubset(): AstroIntegration {
  return {
    name: "katex-font-subset",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const text = [...mathCharacters(outDir)].join("");
        let before = 0;
        let after = 0;
        for (const path of katexFonts(outDir)) {
          const original = readFileSync(path);
          const subset = await subsetFont(original, text, { targetFormat: "woff2" });
          writeFileSync(path, subset);
          before += original.length;
          after += statSync(path).size;
        }
        logger.info(
          `KaTeX fonts cut to the ${[...text].length} characters the math uses: ${Math.round(before / 1024)} KiB → ${Math.round(after / 1024)} KiB`,
        );
      },
    },
  };
}
