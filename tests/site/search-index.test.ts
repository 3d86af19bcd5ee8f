/**
 * The search index as built: the text Pagefind keeps for each page, which its
 * excerpts quote. Formulas must read as written on the page, with their
 * subscripts and superscripts kept apart, and with no TeX.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { listChapters } from "../support/built-site.mjs";

const dir = inject("siteDir");

/** Each indexed page's URL and text, from Pagefind's fragments (gzipped JSON after a signature). */
const pages = readdirSync(join(dir, "pagefind/fragment")).map((name) => {
  const text = gunzipSync(readFileSync(join(dir, "pagefind/fragment", name))).toString("utf8");
  return JSON.parse(text.slice(text.indexOf("{"))) as { url: string; content: string };
});
// Pagefind keeps URLs without the base; the search page adds it.
const indexed = (slug: string) => pages.find((p) => p.url === `/chapters/${slug}/`)?.content ?? "";

describe("search index", () => {
  it("holds every chapter, with no TeX in its text", () => {
    const chapters = listChapters(dir);
    expect(chapters.length).toBeGreaterThan(0);
    for (const slug of chapters) {
      const content = indexed(slug);
      expect(content, slug).not.toBe("");
      expect(content.match(/\\[A-Za-z]+/g) ?? [], `${slug}: TeX macros in the index`).toEqual([]);
    }
  });

  it("keeps superscripts and subscripts apart from what follows them", () => {
    // 1.1 writes the sigmoid as $\sigma(x) = 1/(1+e^{-x})$: the exponent is −x, not "e − x".
    const sigmoid = indexed("1-1-one-unit-chains");
    expect(sigmoid).toContain("σ(x) = 1/(1+e^(−x))");
    expect(sigmoid).not.toMatch(/e−x/);
    // 1.2's recurrent map, $x_{t+1} = \tanh(W x_t)$: the index is t+1, and tanh reads as a word.
    const recurrent = indexed("1-2-jacobians-and-residuals");
    expect(recurrent).toContain("x_(t+1) = tanh(Wx_t)");
    expect(recurrent).not.toMatch(/xt\+1/);
    // Sums keep their limits apart from the summand: $\sum_{j=1}^m x_j$ in 1.3's batch mean.
    expect(indexed("1-3-batch-norm-placement")).toContain("∑_(j=1)^m x_j");
  });

  it("leaves out a widget's status lines and a figure's key", () => {
    for (const slug of listChapters(dir)) {
      const html = readFileSync(join(dir, "chapters", slug, "index.html"), "utf8");
      const content = indexed(slug);
      if (html.includes('class="widget-busy"')) expect(content, slug).not.toContain("Computing…");
      // A key's entries, read in order, as the index would join them ("the output. a unit it depends on.").
      for (const [, list] of html.matchAll(/<ul class="figure-key"[^>]*>(.*?)<\/ul>/gs)) {
        const labels = [...list.matchAll(/<li[^>]*>(.*?)<\/li>/gs)].map(([, li]) => li.replace(/<[^>]+>/g, "").trim());
        if (labels.length < 2) continue;
        expect(content, `${slug}: key ${labels.join(" | ")}`).not.toContain(`${labels[0]}. ${labels[1]}`);
      }
    }
  });

  it("has no sentence cut by a number on a line of its own in the source (MDX makes such a line a block)", () => {
    for (const slug of listChapters(dir)) {
      const html = readFileSync(join(dir, "chapters", slug, "index.html"), "utf8");
      expect(html.match(/<\/p>\s*[^<\s][^<]*/g) ?? [], slug).toEqual([]);
    }
  });
});
