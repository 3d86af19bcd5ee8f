/**
 * The KaTeX fonts are cut down at build time to the characters the math uses
 * (src/integrations/katex-font-subset.ts). Check what Chromium actually draws
 * every piece of typeset math with: only the site's KaTeX fonts, never a
 * system fallback, which is what a glyph missing from a subset would cause.
 *
 * Each page preloads exactly the faces its first screen uses
 * (src/components/MathFonts.astro): a face found only at first layout is
 * requested late, and one preloaded but not used costs bytes for nothing.
 */
import { expect, inject, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listPages } from "../support/built-site.mjs";

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** Lighthouse's phone, and a laptop. */
const PHONE_AND_LAPTOP = [
  { width: 412, height: 823 },
  { width: 1280, height: 800 },
];

/** "Size1-Regular" from ".../_astro/KaTeX_Size1-Regular.mCD8mA8B.woff2". */
const faceOf = (href: string) => /KaTeX_([\w-]+?)\.[\w-]+\.woff2$/.exec(new URL(href).pathname)?.[1];

describeInBrowser("typeset math uses only the site's KaTeX fonts", (ctx) => {
  const dir = inject("siteDir");

  it("formulas are set at 1.08 times the text around them, on a phone and on a laptop, whichever stylesheet comes first", async () => {
    const { browser, url } = ctx();
    for (const viewport of PHONE_AND_LAPTOP) {
      await inPage(browser, { viewport }, async (page) => {
        await page.goto(new URL("chapters/1-3-batch-norm-placement/", url).href);
        const ratios = await page.$$eval(".prose p > .katex", (els) =>
          els.slice(0, 5).map((k) => parseFloat(getComputedStyle(k).fontSize) / parseFloat(getComputedStyle(k.parentElement!).fontSize)),
        );
        expect(ratios.length).toBeGreaterThan(0);
        // global.css: 1.08em; KaTeX's own stylesheet says 1.21em.
        for (const r of ratios) expect(r).toBeCloseTo(1.08, 2);
      });
    }
  });

  for (const p of listPages(dir)) {
    it(`${p.name}: preloads exactly the KaTeX faces its first screen uses, on a phone and on a laptop`, async () => {
      const { browser, url } = ctx();
      const usedAnywhere = new Set<string>();
      let preloaded: string[] = [];
      for (const viewport of PHONE_AND_LAPTOP) {
        await inPage(browser, { viewport }, async (page) => {
          await page.goto(new URL(p.path, url).href, { waitUntil: "load" });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.waitForLoadState("networkidle");
          // The faces layout asked for (a preload alone fetches the file but leaves its face unloaded).
          const used = await page.evaluate(() =>
            [...document.fonts]
              .filter((f) => f.status !== "unloaded" && f.family.replace(/"/g, "").startsWith("KaTeX_"))
              .map((f) => {
                const bold = f.weight === "bold" || Number(f.weight) >= 600;
                const italic = f.style === "italic";
                const shape = bold ? (italic ? "BoldItalic" : "Bold") : italic ? "Italic" : "Regular";
                return `${f.family.replace(/"/g, "").slice("KaTeX_".length)}-${shape}`;
              }),
          );
          preloaded = await page.$$eval('link[rel="preload"][as="font"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
          preloaded = preloaded.map((href) => faceOf(href) ?? href);
          console.log(
            `${p.name} at ${viewport.width}×${viewport.height}: uses ${used.join(", ") || "no KaTeX face"}; preloads ${preloaded.join(", ") || "none"}`,
          );
          for (const face of used) usedAnywhere.add(face);
          expect(
            used.filter((face) => !preloaded.includes(face)),
            `faces the first screen uses but the page does not preload: list them in the chapter's openingFonts`,
          ).toEqual([]);
        });
      }
      expect(
        preloaded.filter((face) => !usedAnywhere.has(face)),
        `faces preloaded but not used on the first screen at either width: take them out of openingFonts`,
      ).toEqual([]);
    });
  }

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
