/**
 * The KaTeX fonts are cut down at build time to the characters the math uses
 * (src/integrations/katex-font-subset.ts). Check what Chromium actually draws
 * every piece of typeset math with: only the site's KaTeX fonts, never a
 * system fallback, which is what a glyph missing from a subset would cause.
 */
import { expect, inject, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listPages } from "../support/built-site.mjs";

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

describeInBrowser("typeset math uses only the site's KaTeX fonts", (ctx) => {
  const dir = inject("siteDir");

  for (const p of listPages(dir).filter((p) => p.chapter)) {
    it(`${p.name}: every glyph of every formula comes from a KaTeX font`, async () => {
      const { browser, url } = ctx();
      await inPage(browser, {}, async (page) => {
        await page.goto(new URL(p.path, url).href);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const client = await page.context().newCDPSession(page);
        await client.send("DOM.enable");
        await client.send("CSS.enable");
        const { root } = await client.send("DOM.getDocument", { depth: -1 });
        // Spans that hold text themselves: what a font draws.
        const { nodeIds } = await client.send("DOM.querySelectorAll", {
          nodeId: root.nodeId,
          selector: ".katex-html span:not(:has(> span))",
        });
        const used = new Map<string, number>();
        for (const nodeId of nodeIds) {
          const { fonts } = (await client.send("CSS.getPlatformFontsForNode", { nodeId })) as { fonts: PlatformFont[] };
          for (const f of fonts) {
            const name = f.isCustomFont ? f.familyName : `${f.familyName} (system fallback)`;
            used.set(name, (used.get(name) ?? 0) + f.glyphCount);
          }
        }
        console.log(`${p.name}: ${nodeIds.length} text spans; glyphs by font: ${[...used].map(([n, c]) => `${n} ${c}`).join(", ")}`);
        expect(nodeIds.length).toBeGreaterThan(100);
        expect([...used.keys()].filter((name) => !name.startsWith("KaTeX_"))).toEqual([]);
      });
    });
  }
});
