/**
 * Chapter 1.1 in the browser, beyond what every widget is tested for: the
 * chain widget at thousands of layers under a long drag, a shared link, and a
 * broken one; the numbers the widgets show where the prose quotes them (the
 * w = −6 peak, exercise 4's slope through the chapter's own link, the 2-cycle,
 * the knife edge in the worker-computed log-log figure); walking the cobweb
 * by keyboard; worked solutions closed until a reader opens them.
 */
import { expect, inject, it } from "vitest";
import { ONE_UNIT_CHAIN_INPUTS as IN, shownText } from "../../../lib/one-unit-chain-numbers";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import {
  expectNoBadNumbers,
  bodyText,
  mount,
  openPage,
  openWidget,
  search,
  settled,
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

  const description = (page: import("playwright-core").Page, id: string) =>
    page.locator(`#${id} .figure-description`).evaluate((el) => el.textContent ?? "");

  it("#fig-chain at w = −6 from x = 0.22 shows the peak, its depth and the end value the prose prints", async () => {
    const query = `?fig-chain.show=sigmoid&fig-chain.weight=${IN.negativeWeight}&fig-chain.x=${IN.negativeWeightStart}&fig-chain.depth=${IN.widgetDepth}`;
    const { page, problems, close } = await openWidget(ctx().browser, `${href()}${query}`, "fig-chain");
    try {
      const text = await description(page, "fig-chain");
      expect(text).toContain(`is ${shownText("sigmoidNegativePeak")}, at depth ${shownText("sigmoidNegativePeakDepth")}.`);
      expect(text).toContain(`gradient is ${shownText("sigmoidNegativeEnd")}`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("exercise 4: the solution's link opens #fig-chain on tanh, w = 2, and its description gives the slope the solution quotes", async () => {
    const { page, problems, close } = await openPage(ctx().browser, href());
    try {
      const solution = page.locator("details.solution", { has: page.locator(`a[href*="fig-chain.weight=${IN.tanhGrowthWeight}"]`) });
      expect(await solution.count()).toBe(1);
      await solution.locator("summary").click();
      await solution.locator(`a[href*="fig-chain.weight=${IN.tanhGrowthWeight}"]`).click();
      await page.waitForURL(/fig-chain\.weight=2/);
      const widget = await mount(page, "fig-chain");
      expect(await valueOf(widget)).toMatchObject({ show: ["tanh"], weight: IN.tanhGrowthWeight, x: IN.deepInput, depth: IN.widgetDepth });
      expect(await description(page, "fig-chain")).toContain(`changes by ${shownText("tanhMeasuredSlopeWeight2")} per layer`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-cobweb walks one layer per press of the step button, by keyboard, and names the factor of that layer", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-cobweb");
    try {
      const before = (await valueOf(widget)).step as number;
      await widget.locator('[data-param="step"] [data-action="next"]').focus();
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await valueOf(widget)).step).toBe(before + 1);
      const text = await description(page, "fig-cobweb");
      expect(text).toContain(`After ${before + 1} layers`);
      expect(text).toContain(`where the slope w·σ′(w·a* + b) is ${shownText("sigmoidRate")}`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-cobweb-cycle opens on the w = −6 2-cycle the prose prints", async () => {
    const { page, problems, close } = await openWidget(ctx().browser, href(), "fig-cobweb-cycle");
    try {
      const text = await description(page, "fig-cobweb-cycle");
      expect(text).toContain(`2-cycle ${shownText("sigmoidNegativeCycleLow")} ↔ ${shownText("sigmoidNegativeCycleHigh")}`);
      // The description gives the per-layer factor to four digits; the prose to three.
      const perLayer = /= (\d\.\d+) on average/.exec(text)?.[1];
      expect(Number(perLayer).toPrecision(3)).toBe(shownText("sigmoidNegativeCyclePerLayer"));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-tanh-power-law (computed in a worker): w = 0.99 turns the power law into exponential decay", async () => {
    const { page, widget, problems, close } = await openWidget(
      ctx().browser,
      `${href()}?fig-tanh-power-law.weight=${IN.knifeWeightBelow}`,
      "fig-tanh-power-law",
    );
    try {
      await settled(widget);
      await expect.poll(() => description(page, "fig-tanh-power-law")).toContain("vanishes exponentially");
      expect(await description(page, "fig-tanh-power-law")).toContain(`w = ${IN.knifeWeightBelow}`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("worked solutions are closed until a reader opens one, by keyboard too", async () => {
    const { page, problems, close } = await openPage(ctx().browser, href());
    try {
      const solutions = page.locator("details.solution");
      expect(await solutions.count()).toBe(4);
      expect(await solutions.evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
      const first = solutions.first();
      await first.locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await expect.poll(() => first.locator(".solution-body").isVisible()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
