/**
 * Every page loads cleanly (no console error or warning, no uncaught
 * exception, no failed or ≥ 400 request except the deliberate 404), also once
 * every widget on it has loaded; and without JavaScript every figure is still
 * drawn and every formula still typeset.
 */
import { expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listChapters, listPages, loadAllWidgets } from "../support/built-site.mjs";

/** Record everything that went wrong on a page from the moment it is attached. */
function watchProblems(page: Page, allowed: (url: string, status: number) => boolean) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      const where = m.location();
      // Chromium logs every ≥ 400 response as a console error; the deliberate one is not a problem.
      const status = Number(/the server responded with a status of (\d+)/.exec(m.text())?.[1]);
      if (status && allowed(where.url, status)) return;
      problems.push(`console.${m.type()}: ${m.text()}${where.url ? ` (at ${where.url}:${where.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`uncaught exception: ${e.stack ?? e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "unknown"})`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !allowed(r.url(), r.status())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

describeInBrowser("pages load cleanly", (ctx) => {
  const dir = inject("siteDir");

  it("the site has a home page and at least one chapter", () => {
    expect(listChapters(dir).length).toBeGreaterThan(0);
  });

  for (const p of listPages(dir)) {
    it(`${p.name}: status ${p.status}, no console error, page error or failed request${p.widgets ? ", also after every widget loads" : ""}`, async () => {
      const { browser, url } = ctx();
      const target = new URL(p.path, url).href;
      await inPage(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
        // Only the navigation to the unknown address may answer 404.
        const problems = watchProblems(page, (u, status) => p.status === 404 && status === 404 && u === target);
        const response = await page.goto(target, { waitUntil: "load" });
        expect(response?.status(), `status of ${target}`).toBe(p.status);
        await page.waitForLoadState("networkidle");
        expect(problems, `problems on first load of ${target}`).toEqual([]);
        expect(await page.locator("h1").count(), "page has a heading").toBeGreaterThan(0);

        if (p.widgets) {
          const widgets = await loadAllWidgets(page);
          await page.waitForLoadState("networkidle");
          await page.waitForTimeout(200);
          console.log(`${p.name}: ${widgets} widget(s) loaded after scrolling to the bottom`);
          expect(problems, `problems after scrolling ${target} to the bottom`).toEqual([]);
        }
      });
    });
  }

  it("the 404 page links back to the list of chapters", async () => {
    const { browser, url } = ctx();
    await inPage(browser, {}, async (page) => {
      const response = await page.goto(new URL("chapters/not-a-chapter/", url).href);
      expect(response?.status()).toBe(404);
      const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs).toContain(url);
    });
  });
});

describeInBrowser("without JavaScript", (ctx) => {
  const dir = inject("siteDir");

  for (const slug of listChapters(dir)) {
    it(`chapter ${slug}: every figure shows its build-time SVG and every formula is typeset`, async () => {
      const { browser, url } = ctx();
      await inPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } }, async (page) => {
        const response = await page.goto(new URL(`chapters/${slug}/`, url).href);
        expect(response?.status()).toBe(200);
        expect(await page.evaluate(() => typeof customElements.get("figure-widget"))).toBe("undefined");

        const figures = await page.locator("figure.figure").evaluateAll((els) =>
          els.map((fig) => {
            const svg = fig.querySelector(".figure-plot svg");
            const box = svg?.getBoundingClientRect();
            return {
              id: fig.id,
              hasSvg: Boolean(svg),
              width: box?.width ?? 0,
              height: box?.height ?? 0,
              marks: svg?.querySelectorAll("path, line, circle, rect, text").length ?? 0,
            };
          }),
        );
        console.log(`chapter ${slug} without JS: ${figures.map((f) => `${f.id} ${f.width.toFixed(0)}×${f.height.toFixed(0)}`).join(", ")}`);
        expect(figures.length, "figures on the page").toBeGreaterThan(0);
        for (const f of figures) {
          expect(f.hasSvg, `${f.id} has an <svg> in .figure-plot`).toBe(true);
          expect(f.width, `${f.id} SVG width`).toBeGreaterThan(100);
          expect(f.height, `${f.id} SVG height`).toBeGreaterThan(50);
          expect(f.marks, `${f.id} SVG draws something`).toBeGreaterThan(0);
        }

        // Widgets: controls stay disabled, and the <noscript> note says why.
        const widgets = await page.locator("figure-widget").evaluateAll((els) =>
          els.map((w) => ({
            id: w.getAttribute("data-figure-id"),
            disabled: w.querySelector("fieldset")?.disabled ?? false,
            noteShown: [...w.querySelectorAll(".widget-note")].some(
              (n) => (n as HTMLElement).offsetHeight > 0 && (n.textContent ?? "").trim() !== "",
            ),
          })),
        );
        for (const w of widgets) {
          expect(w.disabled, `${w.id}: controls disabled without JS`).toBe(true);
          expect(w.noteShown, `${w.id}: a note says the controls need JavaScript`).toBe(true);
        }

        const katex = await page.locator(".katex").count();
        const errors = await page.locator(".katex-error").evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? e.textContent));
        console.log(`chapter ${slug} without JS: ${katex} KaTeX elements`);
        expect(katex, "KaTeX-rendered formulas").toBeGreaterThan(0);
        expect(errors, "KaTeX errors").toEqual([]);
        // Typeset math has its MathML for screen readers and laid-out HTML with a size.
        const mathml = await page.locator(".katex math").count();
        expect(mathml).toBeGreaterThan(0);
        const visible = await page.locator(".katex-html").first().boundingBox();
        expect(visible?.height ?? 0).toBeGreaterThan(0);
      });
    });
  }
});
