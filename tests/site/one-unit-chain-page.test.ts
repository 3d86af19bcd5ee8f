/**
 * Chapter 1.1 as built: every computed number it prints comes from
 * ONE_UNIT_CHAIN_SHOWN (lib/one-unit-chain-numbers.ts), whose digits the
 * unit tests pin to the 40-digit fixture. Here the other half: each entry the
 * chapter (or one of its figures) uses is in the built HTML exactly as
 * shownText or shownTex renders it, so prose, table and lib cannot drift, and
 * the chapter prints no entry the table does not hold.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, inject, it } from "vitest";
import { ONE_UNIT_CHAIN_SHOWN, shownTex, shownText, type OneUnitChainShownName } from "../../lib/one-unit-chain-numbers";

const SOURCE = "content/chapters/1-1-one-unit-chains.mdx";
const FIGURES = "src/figures/one-unit-chain";
const mdx = readFileSync(SOURCE, "utf8");
const figureSources = readdirSync(FIGURES)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(join(FIGURES, f), "utf8"));

/** Names passed to a function of the table, `shownText("name")` and the like, in a source text. */
function uses(source: string, fn: "shownText" | "shownTex" | "shownValue"): Set<string> {
  return new Set([...source.matchAll(new RegExp(`\\b${fn}\\("([A-Za-z0-9]+)"\\)`, "g"))].map((m) => m[1]));
}

const html = readFileSync(join(inject("siteDir"), "chapters/1-1-one-unit-chains/index.html"), "utf8");
const { document } = parseHTML(html);
// The page as a reader gets it, without the code listings (which quote the source).
for (const code of document.querySelectorAll(".figure-code")) code.remove();
const text = document.body.textContent ?? "";
const texSources = [...document.querySelectorAll('annotation[encoding="application/x-tex"]')].map((a) => a.textContent ?? "");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `needle` as a whole number in `hay`: not part of a longer run of digits. */
const asNumber = (needle: string) => new RegExp(`(?<![\\d.])${escape(needle)}(?![\\d])`);

describe("chapter 1.1 prints exactly the numbers of ONE_UNIT_CHAIN_SHOWN", () => {
  const inText = [...uses(mdx, "shownText"), ...figureSources.flatMap((s) => [...uses(s, "shownText")])];
  const inTex = [...uses(mdx, "shownTex")];

  it("the chapter uses the table (and the checks below are not vacuous)", () => {
    expect(inText.length).toBeGreaterThan(40);
    expect(inTex.length).toBeGreaterThan(10);
    for (const name of [...inText, ...inTex]) expect(Object.keys(ONE_UNIT_CHAIN_SHOWN), name).toContain(name);
  });

  it("every entry used as text is in the page's text, digit for digit", () => {
    for (const name of new Set(inText)) {
      const shown = shownText(name as OneUnitChainShownName);
      expect(text, `${name} = "${shown}"`).toMatch(asNumber(shown));
    }
  });

  it("every entry used in math is in the TeX of a rendered formula, digit for digit", () => {
    for (const name of new Set(inTex)) {
      const shown = shownTex(name as OneUnitChainShownName);
      expect(
        texSources.some((t) => asNumber(shown).test(t)),
        `${name} = "${shown}" in no formula`,
      ).toBe(true);
    }
  });

  it("every entry of the table is printed somewhere: the table is the page's list of numbers", () => {
    const used = new Set([...inText, ...inTex, ...figureSources.flatMap((s) => [...uses(s, "shownValue")])]);
    expect(Object.keys(ONE_UNIT_CHAIN_SHOWN).filter((name) => !used.has(name))).toEqual([]);
  });

  it("the chapter computes no number itself: lib is reached through the table only", () => {
    // Imports of lib in the chapter: the numbers module, nothing else.
    const libImports = [...mdx.matchAll(/from "\.\.\/\.\.\/lib\/([^"]+)"/g)].map((m) => m[1]);
    expect(libImports).toEqual(["one-unit-chain-numbers"]);
  });

  it("the checks can fail: a number off in its last digit is not found", () => {
    // "3.47 × 10⁻⁶⁴⁹" with its mantissa's last digit changed.
    const shown = shownText("sigmoidDeep");
    const off = shown.replace(/^(\d\.\d)(\d)/, (_, head: string, last: string) => head + String((Number(last) + 1) % 10));
    expect(off).not.toBe(shown);
    expect(text).toMatch(asNumber(shown));
    expect(text).not.toMatch(asNumber(off));
    // A longer number containing it does not count.
    expect(asNumber("0.22").test("0.2247")).toBe(false);
  });
});
