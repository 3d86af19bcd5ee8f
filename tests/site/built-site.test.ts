/**
 * The built site, as deployed under a sub-path (/csc413/): every link and
 * anchor resolves, nothing is loaded from another origin, fonts are woff2
 * only, every chapter has a page and the home page lists them in order.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, inject, it } from "vitest";
import { checkSite, formatProblems } from "../../src/integrations/site-links";

const dir = inject("siteDir");
const base = inject("siteBase");
const siteUrl = inject("siteUrl");
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const chapterSlugs = readdirSync("content/chapters")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();

describe("built site under a sub-path", () => {
  it("has no broken internal link or anchor and loads nothing from another origin", () => {
    const problems = checkSite(dir, base);
    expect(formatProblems(problems)).toBe("");
  });

  it("the checker itself catches a broken link (it can fail)", () => {
    const problems = checkSite(dir, "/elsewhere/");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(/outside the base/);
  });

  it("has a page per chapter, a home page, a 404 page and a favicon", () => {
    for (const slug of chapterSlugs) expect(() => read(`chapters/${slug}/index.html`)).not.toThrow();
    expect(() => read("index.html")).not.toThrow();
    expect(() => read("404.html")).not.toThrow();
    expect(() => read("favicon.svg")).not.toThrow();
  });

  it("the home page lists every chapter, in section order, under the base", () => {
    const { document } = parseHTML(read("index.html"));
    const hrefs = [...document.querySelectorAll(".chapter-list a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(chapterSlugs.map((s) => `${base}chapters/${s}/`));
  });

  it("the references page labels each source once (2016a, 2016b, …) and lists citing chapters without stray spaces", () => {
    const { document } = parseHTML(read("references/index.html"));
    const labels = [...document.querySelectorAll(".reference-label")].map((p) => p.textContent ?? "");
    expect(new Set(labels).size, "two sources share a label").toBe(labels.length);
    expect(labels).toContain("van den Oord et al. 2016a");
    const citing = [...document.querySelectorAll(".reference-list .muted")].map((p) => (p.textContent ?? "").replace(/\s+/g, " ").trim());
    expect(
      citing.filter((t) => / [.,]/.test(t) || !t.endsWith(".")),
      "a space before a comma or full stop, or no full stop",
    ).toEqual([]);
  });

  it("stylesheets reference only woff2 fonts, within the base, and no other origin", () => {
    const css = readdirSync(join(dir, "_astro")).filter((f) => f.endsWith(".css"));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) {
      const text = read(`_astro/${file}`);
      const urls = [...text.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1].replace(/["']/g, ""));
      for (const url of urls.filter((u) => !u.startsWith("data:"))) {
        expect(url).toMatch(new RegExp(`^${base}_astro/.+\\.woff2$`));
      }
    }
    const fonts = readdirSync(join(dir, "_astro")).filter((f) => /\.(woff|ttf|otf)$/.test(f));
    expect(fonts).toEqual([]);
  });

  it("math is rendered at build time: KaTeX markup present, no error markup, no math script", () => {
    for (const slug of chapterSlugs) {
      const html = read(`chapters/${slug}/index.html`);
      expect(html).toContain('class="katex"');
      expect(html).not.toContain("katex-error");
      expect(html).not.toMatch(/<script[^>]*katex/i);
    }
  });

  it("every formula's TeX annotation, on every page, is hidden from assistive technology", () => {
    const pages = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
    let annotations = 0;
    for (const page of pages) {
      const tags = read(page).match(/<annotation\b[^>]*>/g) ?? [];
      annotations += tags.length;
      expect(
        tags.filter((t) => !t.includes('aria-hidden="true"')),
        page,
      ).toEqual([]);
    }
    expect(annotations).toBeGreaterThan(1000);
  });

  it("every figure is in the HTML as SVG, with caption, description, data and code", () => {
    for (const slug of chapterSlugs) {
      const { document } = parseHTML(read(`chapters/${slug}/index.html`));
      const figures = [...document.querySelectorAll("figure.figure")];
      expect(figures.length).toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.querySelector(".figure-plot svg")).not.toBeNull();
        expect(f.querySelector("figcaption")?.textContent?.trim()).toBeTruthy();
        expect(f.querySelector(".figure-description")?.textContent?.trim()).toBeTruthy();
        expect(f.querySelector(".figure-data table")).not.toBeNull();
        // A link to the figure's code page, which lists the spec file first and highlights it.
        const href = f.querySelector(".figure-code a")?.getAttribute("href") ?? "";
        expect(href).toMatch(new RegExp(`^${base}code/[a-z0-9-]+/$`));
        const code = parseHTML(read(`${href.slice(base.length)}index.html`)).document;
        expect(code.querySelector(".code-file code")?.textContent).toMatch(/\.figure\.ts$/);
        expect(code.querySelector(".code-listing pre")).not.toBeNull();
      }
      // Source listings may mention Infinity; the reader-facing text may not.
      for (const code of document.querySelectorAll(".figure-code, pre, code")) code.remove();
      expect(document.body.textContent).not.toMatch(/\bNaN\b|Infinity|undefined/);
    }
  });

  it("is ready for static hosting: .nojekyll, a sitemap of every published page, a canonical link on each (none on the 404 page), no unused Pagefind UI", () => {
    expect(() => read(".nojekyll")).not.toThrow();
    const sitemap = read("sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(siteUrl);
    for (const slug of chapterSlugs) expect(locs).toContain(`${siteUrl}chapters/${slug}/`);
    expect(
      locs.filter((l) => /gallery|404|search/.test(l)),
      "the gallery, the 404 page and the search form are not pages to index",
    ).toEqual([]);
    const notFound = parseHTML(read("404.html")).document;
    expect(notFound.querySelector('link[rel="canonical"]'), "the 404 page has no address of its own").toBeNull();
    expect(notFound.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    for (const slug of chapterSlugs) {
      const { document } = parseHTML(read(`chapters/${slug}/index.html`));
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${siteUrl}chapters/${slug}/`);
    }
    const search = readdirSync(join(dir, "pagefind"));
    expect(search).toContain("pagefind.js");
    expect(search.filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });
});
