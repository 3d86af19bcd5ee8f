/**
 * Search, as a reader uses it on a site deployed under /csc413/: results link
 * into the chapters (with the base, to anchors that exist), the query lives in
 * the URL, and math markup is not indexed (its TeX source is).
 */
import { expect, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";

describeInBrowser("search", (ctx) => {
  it("finds a chapter section by its words, and each result link resolves", async () => {
    const { browser, url } = ctx();
    await inPage(browser, {}, async (page, context) => {
      await page.goto(new URL("search/", url).href);
      await page.fill("#search-query", "fixed point");
      await expect.poll(() => page.locator(".search-results li").count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get("q")).toBe("fixed point");
      const hrefs = await page
        .locator(".search-results a")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
      for (const href of hrefs) {
        expect(href).toMatch(/^\/csc413\/chapters\/[^/]+\/(#[\w-]+)?$/);
        const target = await context.newPage();
        expect((await target.goto(new URL(href, url).href))?.status()).toBe(200);
        const fragment = href.split("#")[1];
        if (fragment) expect(await target.locator(`[id="${fragment}"]`).count(), `#${fragment} exists`).toBe(1);
        await target.close();
      }
      expect(await page.locator(".search-results mark").count()).toBeGreaterThan(0);
    });
  });

  it("indexes the TeX source of formulas, not KaTeX's markup", async () => {
    const { browser, url } = ctx();
    await inPage(browser, {}, async (page) => {
      await page.goto(new URL("search/?q=katex", url).href);
      await expect.poll(() => page.locator(".search-status").innerText(), { timeout: 10_000 }).toMatch(/No chapter mentions/);
      await page.fill("#search-query", "tfrac14");
      await expect.poll(() => page.locator(".search-results li").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    });
  });
});
