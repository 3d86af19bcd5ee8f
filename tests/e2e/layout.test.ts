/**
 * Layout on phones and with outside input: no page scrolls sideways at 320 or
 * 375 px (with every widget mounted, and again with no block skipped); no equation number sits on its
 * formula; a long search query does not widen the page; and without
 * JavaScript nothing is offered that cannot work (the theme button).
 */
import { expect, inject, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listPages, loadAllWidgets } from "../support/built-site.mjs";
import { expectNoSidewaysScroll } from "../support/widget-page";

const PHONES = [320, 375];

describeInBrowser("layout", (ctx) => {
  const dir = inject("siteDir");

  for (const p of listPages(dir).filter((p) => p.status === 200)) {
    for (const width of PHONES) {
      it(`${p.name} at ${width} px: no sideways scroll${p.widgets ? " with every widget mounted" : ""}, and no equation number on its formula`, async () => {
        const { browser, url } = ctx();
        await inPage(browser, { viewport: { width, height: 740 } }, async (page) => {
          await page.goto(new URL(p.path, url).href);
          if (p.widgets) await loadAllWidgets(page);
          await expectNoSidewaysScroll(page, `${p.name} at ${width} px`);
          // Blocks far from the viewport are skipped (content-visibility), and a
          // skipped block clips what overflows it: render them all, so overflow
          // shows here instead of being cut off on a reader's screen.
          await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
          await expectNoSidewaysScroll(page, `${p.name} at ${width} px, every block rendered`);
          // A tag (equation number) must not overlap any part of its formula.
          const overlaps = await page.evaluate(() => {
            const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            const out: string[] = [];
            for (const display of document.querySelectorAll(".katex-display")) {
              const tag = display.querySelector(".tag");
              if (!tag) continue;
              const t = tag.getBoundingClientRect();
              for (const base of display.querySelectorAll(".katex-html > .base")) {
                if (hit(t, base.getBoundingClientRect())) out.push(`${tag.textContent} overlaps ${base.textContent?.slice(0, 30)}`);
              }
            }
            return out;
          });
          expect(overlaps).toEqual([]);
        });
      });
    }
  }

  it("a 2 000-character search query does not widen the search page at 320 px", async () => {
    const { browser, url } = ctx();
    await inPage(browser, { viewport: { width: 320, height: 740 } }, async (page) => {
      await page.goto(new URL(`search/?q=${"w".repeat(2000)}`, url).href);
      await expect.poll(() => page.locator(".search-status").innerText(), { timeout: 10_000 }).toMatch(/“w+…”/);
      expect((await page.locator(".search-status").innerText()).length).toBeLessThan(120);
      await expectNoSidewaysScroll(page, "search with a long query");
    });
  });

  it("without JavaScript the theme button is not offered", async () => {
    const { browser, url } = ctx();
    await inPage(browser, { javaScriptEnabled: false }, async (page) => {
      await page.goto(url);
      expect(await page.locator("[data-theme-toggle]").isVisible()).toBe(false);
    });
    await inPage(browser, {}, async (page) => {
      await page.goto(url);
      expect(await page.locator("[data-theme-toggle]").isVisible(), "with JavaScript it is").toBe(true);
    });
  });
});
