/**
 * Chapter 1.1 in the browser, beyond what every widget is tested for: the
 * chain widget at thousands of layers under a long drag, a shared link, and a
 * broken one.
 */
import { expect, inject, it } from "vitest";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import {
  expectNoBadNumbers,
  bodyText,
  mount,
  openPage,
  openWidget,
  search,
  svgMarkup,
  valueOf,
  visibleNote,
} from "../../support/widget-page";

const SLUG = "1-1-one-unit-chains";

describeInBrowser(`chapter ${SLUG}`, (ctx) => {
  const chain = listWidgets(inject("siteDir"), SLUG).find((w) => w.id === "fig-chain");
  const href = () => new URL(`chapters/${SLUG}/`, ctx().url).href;

  it("#fig-chain is the chain-gradient widget", () => {
    expect(chain?.spec).toBe("chain-gradient");
  });

  it("#fig-chain: a long drag (400 inputs in one burst) re-renders every time and writes the URL once, with no console error", async () => {
    // Chromium refuses (and logs an error for) more than a few hundred history
    // updates in ten seconds; a dragged slider must not run into that.
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-chain");
    try {
      const rendered = await widget.evaluate((el) => {
        const range = el.querySelector<HTMLInputElement>('[data-param="depth"] input[type="range"]')!;
        const plot = el.querySelector(".figure-plot")!;
        let renders = 0;
        for (let i = 1; i <= 400; i++) {
          const before = plot.firstElementChild;
          range.value = String(i);
          range.dispatchEvent(new Event("input", { bubbles: true }));
          if (plot.firstElementChild !== before) renders++;
        }
        return renders;
      });
      expect(rendered).toBe(400);
      await expect.poll(async () => (await search(page))["fig-chain.depth"]).toBe("400");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-chain restores ?fig-chain.depth=37&fig-chain.x=0.5 from the URL", async () => {
    const plain = await openPage(ctx().browser, href());
    let buildTime: string, runtimeDefault: string;
    try {
      // Before it mounts, the plot is the build-time SVG.
      buildTime = await plain.page.locator('figure-widget[data-figure-id="fig-chain"] .figure-plot').evaluate((el) => el.innerHTML);
      runtimeDefault = await svgMarkup(await mount(plain.page, "fig-chain"));
    } finally {
      await plain.close();
    }
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-chain.depth=37&fig-chain.x=0.5`, "fig-chain");
    try {
      const input = (kind: string, name: string) => widget.locator(`[data-param="${name}"] ${kind}`);
      expect(Number(await input('input[type="range"]', "depth").inputValue())).toBe(37);
      expect(Number(await input("input.number-box", "depth").inputValue())).toBe(37);
      expect(Number(await input('input[type="range"]', "x").inputValue())).toBe(0.5);
      expect(Number(await input("input.number-box", "x").inputValue())).toBe(0.5);
      expect(await valueOf(widget)).toEqual({ ...chain!.values, depth: 37, x: 0.5 });
      const svg = await svgMarkup(widget);
      expect(svg, "differs from the build-time (default) SVG").not.toBe(buildTime);
      expect(svg, "differs from the default state drawn in the browser").not.toBe(runtimeDefault);
      expect(await page.locator("#fig-chain .figure-description").textContent()).toMatch(/\b37\b/);
      expect(await visibleNote(widget), "no note for a valid link").toBeNull();
      const params = await search(page);
      expect(params["fig-chain.depth"]).toBe("37");
      expect(params["fig-chain.x"]).toBe("0.5");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-chain survives a malformed URL (?fig-chain.depth=abc&fig-chain.x=1e9&fig-chain.bogus=1): defaults, clamps, a note, no exception", async () => {
    const { page, widget, problems, close } = await openWidget(
      ctx().browser,
      `${href()}?fig-chain.depth=abc&fig-chain.x=1e9&fig-chain.bogus=1`,
      "fig-chain",
    );
    try {
      const value = await valueOf(widget);
      expect(value.depth, "depth=abc falls back to the default").toBe(chain!.values.depth);
      expect(value.x, "x=1e9 clamps to the maximum").toBe(6);
      expect(value.weight).toBe(chain!.values.weight);
      expect(Number(await widget.locator('[data-param="depth"] input[type="range"]').inputValue())).toBe(chain!.values.depth);
      expect(Number(await widget.locator('[data-param="x"] input.number-box').inputValue())).toBe(6);
      const note = await visibleNote(widget);
      expect(note).toContain("abc");
      expect(note).toContain("1.00 × 10⁹");
      expect(note).toContain("bogus");
      expectNoBadNumbers(await bodyText(page), "page after a malformed URL");
      expect(problems, "no exception or console error").toEqual([]);
    } finally {
      await close();
    }
  });
});
