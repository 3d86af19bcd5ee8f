/**
 * Byte budgets of a first visit, measured in the browser on the built site as
 * served (gzip): every chapter's first load (document, CSS, fonts, JS, and
 * anything else it fetches) ≤ 100 KiB at 1280×800 scrolled to the top, and
 * the JavaScript it runs before any widget comes near the viewport ≤ 5 KiB,
 * all of it inline in the document (code written into the page counts as if
 * gzipped on its own).
 */
import { expect, inject, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { kib, listChapters, listWidgets, measureFirstLoad } from "../support/built-site.mjs";

const FIRST_LOAD_BUDGET = 100 * 1024;
const JS_BEFORE_WIDGETS_BUDGET = 5 * 1024;
const VIEWPORT = { width: 1280, height: 800 };
/** A widget's runtime loads when it comes within this distance of the viewport (figure-widget.ts rootMargin). */
const WIDGET_MARGIN = 300;

describeInBrowser("byte budgets of a first visit", (ctx) => {
  const dir = inject("siteDir");

  for (const slug of listChapters(dir)) {
    it(`chapter ${slug}: first load ≤ 100 KiB gzip; JS before any widget is visible ≤ 5 KiB gzip`, async () => {
      const { browser, url } = ctx();
      const href = new URL(`chapters/${slug}/`, url).href;
      const first = await measureFirstLoad(browser, href, VIEWPORT);
      const b = first.bytes;
      console.log(
        `chapter ${slug} first load at ${VIEWPORT.width}×${VIEWPORT.height} (gzip as served): ` +
          `HTML ${kib(b.html)}, CSS ${kib(b.css)}, fonts ${kib(b.font)}, JS ${kib(b.js)}, other ${kib(b.other)}; total ${kib(b.total)} (budget ${kib(FIRST_LOAD_BUDGET)})`,
      );
      for (const f of first.files) console.log(`  ${f.category.padEnd(5)} ${String(f.bytes).padStart(7)} B  ${new URL(f.url).pathname}`);
      expect(b.html, "the document itself was counted").toBeGreaterThan(0);
      expect(b.total, `first load of ${slug}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);

      // JS before any widget: only meaningful if no widget was within the
      // observer's margin of the first viewport. At 1280×800 that holds for
      // every chapter so far; if a chapter opens with a widget, the JS is
      // measured with a viewport short enough to keep it out of range.
      let js = first;
      let viewport = VIEWPORT;
      if (first.nearestWidgetTop !== null && first.nearestWidgetTop <= VIEWPORT.height + WIDGET_MARGIN) {
        viewport = { width: VIEWPORT.width, height: Math.floor(first.nearestWidgetTop - WIDGET_MARGIN - 20) };
        expect(
          viewport.height,
          `a widget sits ${first.nearestWidgetTop}px from the top: no viewport keeps it out of range`,
        ).toBeGreaterThanOrEqual(200);
        console.log(
          `chapter ${slug}: a widget is ${first.nearestWidgetTop}px from the top, within ${WIDGET_MARGIN}px of an ${VIEWPORT.height}px viewport; JS measured at ${viewport.width}×${viewport.height}`,
        );
        js = await measureFirstLoad(browser, href, viewport);
      }
      console.log(
        `chapter ${slug}: JS before any widget is visible ${kib(js.jsBeforeWidgets)} gzip (budget ${kib(JS_BEFORE_WIDGETS_BUDGET)}), ` +
          `${js.scripts.length} file(s): ${js.scripts.map((s) => `${new URL(s.url).pathname} ${s.bytes} B`).join(", ")}; ` +
          `plus ${js.inlineScriptGzip} B of code inside the HTML; nearest widget top ${js.nearestWidgetTop ?? "none"}px at ${viewport.width}×${viewport.height}`,
      );
      // A script file requested with the page is one more request the first paint may wait for.
      expect(
        js.scripts.map((s) => new URL(s.url).pathname),
        "no script file before a widget nears: the page's own code is small and inline (src/integrations/widget-runtime-url.ts)",
      ).toEqual([]);
      if (js.nearestWidgetTop !== null) expect(js.nearestWidgetTop).toBeGreaterThan(viewport.height + WIDGET_MARGIN);
      expect(js.widgetsReadyAtTop, "no widget mounted before being scrolled near").toBe(0);
      expect(js.jsBeforeWidgets, `JS before widgets on ${slug}`).toBeLessThanOrEqual(JS_BEFORE_WIDGETS_BUDGET);
    });
  }

  it("the widget runtime is fetched only when a widget nears the viewport (so the JS measurement above means something)", async () => {
    const { browser, url } = ctx();
    const slug = listChapters(dir).find((s) => listWidgets(dir, s).length > 0);
    expect(slug, "a chapter with a widget").toBeDefined();
    await inPage(browser, { viewport: VIEWPORT }, async (page) => {
      const scripts: string[] = [];
      page.on("response", (r) => {
        if (r.request().resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(new URL(`chapters/${slug}/`, url).href);
      await page.waitForLoadState("networkidle");
      const atTop = scripts.length;
      const id = listWidgets(dir, slug!)[0].id;
      await page.locator(`figure-widget[data-figure-id="${id}"]`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`figure-widget[data-figure-id="${id}"][data-ready]`);
      await page.waitForLoadState("networkidle");
      console.log(
        `chapter ${slug}: scripts at the top: ${scripts.slice(0, atTop).join(", ")}; after scrolling to #${id}: ${scripts.slice(atTop).join(", ")}`,
      );
      expect(scripts.length, "scrolling to a widget fetches its runtime").toBeGreaterThan(atTop);
    });
  });
});
