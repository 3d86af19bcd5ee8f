/**
 * The KaTeX fonts are cut down at build time to the characters the math uses
 * (src/integrations/katex-font-subset.ts). Check what Chromium actually draws
 * every piece of typeset math with: only the site's KaTeX fonts, never a
 * system fallback, which is what a glyph missing from a subset would cause.
 *
 * The fonts are not preloaded (src/components/MathStyles.astro), so on a slow
 * connection they arrive after the first paint; check what that moves.
 */
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listPages } from "../support/built-site.mjs";

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** Lighthouse's phone, and a laptop. */
const PHONE = { width: 412, height: 823 };
const PHONE_AND_LAPTOP = [PHONE, { width: 1280, height: 800 }];

/**
 * On a laptop, a paragraph on 1.3's first screen wraps one line later once
 * its inline formulas take their real width, which moves what follows it:
 * a layout shift of 0.034, a third of the 0.1 that Web Vitals call good.
 */
const LAPTOP_SHIFT_ALLOWED = 0.04;

/**
 * Load a page the way a slow connection does: every KaTeX font is held back
 * until the page has painted, then let through. Returns the layout shift
 * (as CLS adds it up) from the start until the fonts are in and drawn, and
 * how many font files were held.
 */
async function loadWithFontsAfterFirstPaint(page: Page, href: string): Promise<{ shift: number; fonts: number }> {
  const held: (() => void)[] = [];
  let painted = false;
  await page.route(/\.woff2$/, async (route) => {
    if (!painted) await new Promise<void>((resolve) => held.push(resolve));
    await route.continue();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.layoutShift += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(href, { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  painted = true;
  const fonts = held.length;
  for (const release of held) release();
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
  return { shift, fonts };
}

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
    it(`${p.name}: KaTeX fonts that arrive after the first paint move nothing on a phone's first screen, and little on a laptop's`, async () => {
      const { browser, url } = ctx();
      for (const viewport of PHONE_AND_LAPTOP) {
        await inPage(browser, { viewport }, async (page) => {
          const { shift, fonts } = await loadWithFontsAfterFirstPaint(page, new URL(p.path, url).href);
          console.log(
            `${p.name} at ${viewport.width}×${viewport.height}: ${fonts} font file(s) held back until after the first paint; layout shift ${shift.toFixed(4)}`,
          );
          // A chapter's first screen has formulas: its fonts were held, or the check checked nothing.
          if (p.chapter) expect(fonts).toBeGreaterThan(0);
          expect(
            shift,
            "what moves when the fonts arrive: usually a paragraph whose formulas change width and wrap differently",
          ).toBeLessThanOrEqual(viewport === PHONE ? 0 : LAPTOP_SHIFT_ALLOWED);
        });
      }
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
