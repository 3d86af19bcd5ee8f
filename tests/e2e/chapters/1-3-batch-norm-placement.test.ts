/**
 * Chapter 1.3 in the browser, beyond what every widget is tested for: the
 * residual-gradients simulation runs in a Web Worker (build-time data at the
 * defaults, curves arriving one kind at a time, a newer request replacing an
 * older one, the kinds shown toggled without a wrong figure), and the
 * Jacobian widget restores a shared link.
 */
import { expect, inject, it } from "vitest";
import { defaultValues } from "../../../src/figures/params";
import residualGradients from "../../../src/figures/batch-norm/residual-gradients.figure";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import { expectNoBadNumbers, mount, openPage, openWidget, settled, valueOf, visibleNote } from "../../support/widget-page";

const SLUG = "1-3-batch-norm-placement";
const SIM = "fig-residual-gradients";

describeInBrowser(`chapter ${SLUG}`, (ctx) => {
  const widgets = listWidgets(inject("siteDir"), SLUG);
  const href = (query = "") => `${new URL(`chapters/${SLUG}/`, ctx().url).href}${query}`;
  const description = (widget: import("playwright-core").Locator) =>
    widget.page().locator(`#${SIM} .figure-description`).textContent() as Promise<string>;

  it("the chapter has the simulation, the Jacobian and the block diagrams", () => {
    expect(widgets.find((w) => w.id === SIM)?.spec).toBe("residual-gradients");
    expect(widgets.find((w) => w.id === "fig-bn-jacobian")?.spec).toBe("bn-jacobian");
  });

  it(`#${SIM} mounts on its build-time data (nothing to compute) and describes lib's numbers`, async () => {
    // The description the spec writes for lib's data at the defaults, computed here in Node.
    const values = defaultValues(residualGradients.params);
    const expected = residualGradients.describe(residualGradients.data(values), values);
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), SIM);
    try {
      expect(await widget.locator(".figure-plot").getAttribute("aria-busy"), "not computing at the defaults").toBeNull();
      expect(await description(widget)).toBe(expected);
      expect(expected).toMatch(/BN after addition grows it to .* per block on average/);
      expect(await page.locator(`#${SIM} .widget-busy`).isHidden()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it(`#${SIM} restores a link (depth 12, width 32, batch 64, two kinds): computed in the worker, drawn, described`, async () => {
    const query = `?${SIM}.depth=12&${SIM}.width=32&${SIM}.batch=64&${SIM}.blocks=bn-after-addition,relu-before-addition`;
    const { widget, problems, close } = await openWidget(ctx().browser, href(query), SIM);
    try {
      await settled(widget);
      const value = await valueOf(widget);
      expect(value).toMatchObject({ depth: 12, width: 32, batch: 64, blocks: ["bn-after-addition", "relu-before-addition"] });
      const text = await description(widget);
      expect(text).toContain("12 residual blocks (width 32, batch 64, seed 1)");
      expect(text).toContain("BN after addition");
      expect(text).toContain("ReLU before addition");
      expect(text).not.toContain("Original");
      expect(text).not.toContain("Still computing");
      expectNoBadNumbers(text, "description");
      expect(await widget.locator(".figure-plot path").count(), "two curves drawn").toBeGreaterThanOrEqual(2);
      expect(await visibleNote(widget)).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it(`#${SIM}: a new setting is computed in stages, each drawn as it arrives, then marked done`, async () => {
    const { widget, problems, close } = await openWidget(ctx().browser, href(), SIM);
    try {
      const seen = await widget.evaluate(async (el) => {
        const desc = el.closest("figure")!.querySelector(".figure-description")!;
        const plot = el.querySelector(".figure-plot")!;
        const texts: string[] = [];
        const observer = new MutationObserver(() => texts.push(desc.textContent ?? ""));
        observer.observe(desc, { childList: true, characterData: true, subtree: true });
        (el as HTMLElement & { value: Record<string, unknown> }).value = { depth: 100, width: 32, batch: 128 };
        // Wait until the computation has started and then ended.
        await new Promise<void>((resolve) => {
          const check = () => (plot.hasAttribute("aria-busy") ? setTimeout(check, 20) : resolve());
          setTimeout(check, 200);
        });
        observer.disconnect();
        return texts;
      });
      const final = seen.at(-1) ?? "";
      expect(final).toContain("100 residual blocks (width 32, batch 128, seed 1)");
      expect(final).not.toContain("Still computing");
      // Each kind's curve is drawn as soon as it is done: the figure was redrawn with kinds still missing.
      expect(
        seen.some((t) => t.includes("100 residual blocks") && t.includes("Still computing")),
        seen.join("\n"),
      ).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it(`#${SIM}: a newer request replaces a running one, and unchecking a kind removes it`, async () => {
    const { widget, problems, close } = await openWidget(ctx().browser, href(), SIM);
    try {
      await widget.evaluate(async (el) => {
        const w = el as HTMLElement & { value: Record<string, unknown> };
        w.value = { depth: 100, width: 32, batch: 128 };
        // Let the first computation start in the worker, then replace it.
        await new Promise((r) => setTimeout(r, 300));
        w.value = { depth: 7 };
      });
      await settled(widget);
      let text = await description(widget);
      expect(text).toContain("7 residual blocks (width 32, batch 128, seed 1)");
      expect(text).not.toContain("Still computing");
      await widget.locator('[data-param="blocks"] input[value="original"]').uncheck();
      await settled(widget);
      text = await description(widget);
      expect(text).toContain("7 residual blocks");
      expect(text).not.toContain("Original");
      expect(text).toContain("BN after addition");
      expect((await valueOf(widget)).blocks).not.toContain("original");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-bn-jacobian restores ?fig-bn-jacobian.m=12&fig-bn-jacobian.spread=0.003 and still finds formula = finite differences", async () => {
    const plain = await openPage(ctx().browser, href("?fig-bn-jacobian.m=12&fig-bn-jacobian.spread=0.003"));
    try {
      const widget = await mount(plain.page, "fig-bn-jacobian");
      expect(await valueOf(widget)).toMatchObject({ m: 12, spread: "0.003" });
      const text = (await plain.page.locator("#fig-bn-jacobian .figure-description").textContent()) ?? "";
      expect(text).toContain("All 144 entries");
      expect(text).toContain("Every point lies on the diagonal line");
      expect(await widget.locator(".figure-plot circle").count()).toBe(144);
      expect(plain.problems).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
