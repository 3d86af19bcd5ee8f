/**
 * Blocks of a chapter far from the viewport are skipped (content-visibility:
 * auto). Their content must still reach assistive technology, and read the
 * same as when drawn: Chromium builds the accessibility tree of a skipped
 * block from the DOM alone, where a formula's TeX annotation would show up as
 * text unless it is aria-hidden (src/markdown/tex-annotations.ts).
 */
import type { CDPSession } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

interface Formulas {
  /** Every formula's accessible content (roles and text), sorted. */
  readings: string[];
  /** How many letters are exposed in their italic form (𝑀): Chromium does so only for drawn MathML. */
  italic: number;
}

/** The formulas as Chromium exposes them to a screen reader. */
async function formulasInAccessibilityTree(cdp: CDPSession): Promise<Formulas> {
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  let italic = 0;
  const reading = (n: AXNode): string => {
    const kids = (n.childIds ?? []).map((id) => byId.get(id)).filter((k): k is AXNode => Boolean(k) && k!.role?.value !== "InlineTextBox");
    const inner = kids.map(reading).join(" ");
    if (n.ignored) return inner;
    const name = n.name?.value ?? "";
    if (!kids.length && /[\u{1D400}-\u{1D7FF}]/u.test(name)) italic++;
    // Drawn, an <mi>'s letter is exposed as 𝑀, skipped as M: the same to a reader.
    const own = kids.length ? inner : name.normalize("NFKC").trim();
    return `${n.role?.value}(${own})`;
  };
  const readings = nodes
    .filter((n) => !n.ignored && n.role?.value === "MathMLMath")
    .map(reading)
    .sort();
  return { readings, italic };
}

describeInBrowser(
  "math in skipped blocks",
  (ctx) => {
    it("chapter 1.2 on a phone: every formula reaches the accessibility tree, and reads the same skipped or drawn", async () => {
      const { browser, url } = ctx();
      await inPage(browser, { viewport: { width: 412, height: 823 } }, async (page, context) => {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Accessibility.enable");
        await page.goto(new URL("chapters/1-2-jacobians-and-residuals/", url).href);
        const { formulas, skipped } = await page.evaluate(() => ({
          // Formulas a reader can reach: not inside a closed <details> (solutions, data tables).
          formulas: [...document.querySelectorAll(".katex-mathml math")].filter((m) => !m.closest("details:not([open])")).length,
          skipped: [...document.querySelectorAll(".katex-mathml math")].filter((m) => !m.checkVisibility({ contentVisibilityAuto: true }))
            .length,
        }));
        // Most formulas are far down the page, in blocks the browser has not drawn.
        expect(skipped).toBeGreaterThan(formulas / 2);
        // The tree is updated asynchronously: wait until it holds every formula.
        const read = () => formulasInAccessibilityTree(cdp);
        await expect.poll(async () => (await read()).readings.length, { timeout: 15_000 }).toBe(formulas);
        const whileSkipped = await read();

        await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
        // Drawn formulas show their letters in italic form: wait for the tree to reflect the drawing.
        await expect
          .poll(async () => (await read()).italic, { timeout: 15_000, message: "the tree was read again after drawing" })
          .toBeGreaterThan(whileSkipped.italic * 2);
        const drawn = await read();

        expect(drawn.readings).toHaveLength(formulas);
        expect(whileSkipped.readings).toEqual(drawn.readings);
      });
    });
    // As when a screen reader runs: Chromium keeps its whole accessibility tree from the start.
  },
  { chromiumArgs: ["--force-renderer-accessibility"] },
);
