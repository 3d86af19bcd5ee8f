/**
 * Search, as a reader uses it on a site deployed under /csc413/: results link
 * into the chapters (with the base, to anchors that exist), the query lives in
 * the URL, and math is indexed by its readable text (not its markup or TeX).
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
      expect(await page.locator(".search-status").innerText()).toMatch(
        /^(1 chapter matches|([2-9]|\d{2,}) chapters match) “fixed point”\.$/,
      );
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

  it("indexes formulas by their readable text, not KaTeX's markup or TeX macros, and excerpts read as text", async () => {
    const { browser, url } = ctx();
    await inPage(browser, {}, async (page) => {
      for (const q of ["katex", "tfrac14", "mathrm"]) {
        await page.goto(new URL(`search/?q=${q}`, url).href);
        await expect.poll(() => page.locator(".search-status").innerText(), { timeout: 10_000 }).toMatch(/No chapter mentions/);
      }
      await page.fill("#search-query", "sech");
      await expect.poll(() => page.locator(".search-results li").count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const excerpts = await page.locator(".search-results p").allInnerTexts();
      expect(excerpts.join(" ")).toContain("sech");
      expect(excerpts.join(" "), "no TeX source in excerpts").not.toMatch(/\\[a-z]+/);
      // A formula in an excerpt keeps its superscript apart: e^(−x), not "e−x".
      await page.fill("#search-query", "logistic sigmoid");
      await expect
        .poll(async () => (await page.locator(".search-results p").allInnerTexts()).join(" "), { timeout: 10_000 })
        .toContain("1/(1+e^(−x))");
    });
  });

  it("a query that matches nothing says so, instead of matching a lone letter", async () => {
    const { browser, url } = ctx();
    await inPage(browser, {}, async (page) => {
      await page.goto(new URL("search/?q=xyzzyq", url).href);
      await expect.poll(() => page.locator(".search-status").innerText(), { timeout: 10_000 }).toMatch(/No chapter mentions “xyzzyq”/);
      expect(await page.locator(".search-results li").count()).toBe(0);
    });
  });
});
