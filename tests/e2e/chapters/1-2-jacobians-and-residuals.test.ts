/**
 * Chapter 1.2 in the browser, beyond what every widget is tested for: the
 * matrix widgets restore a shared link, take typed entries and presets and
 * say what lib computes; the recurrent widget shows the attained bound; the
 * residual stack widget shows lib's numbers for another scale; the 2×2 boxes
 * fit on a 320 px phone; the prose shows lib's numbers.
 */
import { expect, inject, it } from "vitest";
import { formatLog10Text } from "../../../lib/format";
import { jacobianShown } from "../../../lib/jacobian-numbers";
import { residualFactors, residualProductSpectra } from "../../../lib/residual-products";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import { bodyText, expectNoBadNumbers, openPage, openWidget, search, settled, valueOf, visibleNote } from "../../support/widget-page";
import { typeSlowly } from "../../support/widget-drivers";

const SLUG = "1-2-jacobians-and-residuals";

describeInBrowser(`chapter ${SLUG}`, (ctx) => {
  const widgets = listWidgets(inject("siteDir"), SLUG);
  const href = () => new URL(`chapters/${SLUG}/`, ctx().url).href;
  const description = (page: import("playwright-core").Page, id: string) =>
    page.locator(`#${id} .figure-description`).textContent() as Promise<string>;

  it("has the four widgets, each with its spec", () => {
    expect(Object.fromEntries(widgets.map((w) => [w.id, w.spec]))).toEqual({
      "fig-svd": "svd-ellipse",
      "fig-recurrent": "recurrent-spectrum",
      "fig-residual-step": "residual-step",
      "fig-residual-stack": "residual-stack",
    });
  });

  it("#fig-svd restores ?fig-svd.m=0,0.01;100,0 (the counterexample's F): the boxes, the preset and the singular values", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-svd.m=0,0.01;100,0`, "fig-svd");
    try {
      expect(await valueOf(widget)).toEqual({
        m: [
          [0, 0.01],
          [100, 0],
        ],
      });
      const boxes = widget.locator('[data-param="m"] input.number-box');
      expect(await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(["0", "0.01", "100", "0"]);
      expect(await widget.locator("select[data-preset] option:checked").textContent()).toBe("F of 1.2.2");
      const text = await description(page, "fig-svd");
      expect(text).toContain("σ₁ = 100 and σ₂ = 0.01");
      expect(text).toContain("det M = −1");
      expect(await visibleNote(widget)).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-svd: typing 1 into M₁₁ and M₂₂ of that F gives the singular I + F, said to have σ₂ = 0; the URL follows", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-svd.m=0,0.01;100,0`, "fig-svd");
    try {
      for (const name of ["m-0-0", "m-1-1"]) {
        const box = widget.locator(`input[name="${name}"]`);
        await typeSlowly(page, box, "1");
        await box.press("Enter");
      }
      expect((await valueOf(widget)).m).toEqual([
        [1, 0.01],
        [100, 1],
      ]);
      expect(await widget.locator("select[data-preset] option:checked").textContent()).toBe("I + F of 1.2.2");
      const text = await description(page, "fig-svd");
      expect(text).toContain("σ₂ = 0 (det M computes to 0");
      expect(text).toContain("segment");
      await expect.poll(async () => (await search(page))["fig-svd.m"]).toBe("1,0.01;100,1");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-residual-step: the symmetric preset reaches the claimed floor; the counterexample breaks it", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-residual-step");
    try {
      expect(await description(page, "fig-residual-step")).toContain("σ_min(I + F) is below the claimed floor 1 − σ_small = 0.99");
      const select = widget.locator("select[data-preset]");
      const symmetric = await select.locator("option", { hasText: "symmetric" }).getAttribute("value");
      await select.selectOption(symmetric!);
      const text = await description(page, "fig-residual-step");
      expect(text).toContain("a normal matrix");
      expect(text).toContain("σ(I + F) = 101 and 0.99");
      expect(text).toContain("σ_min(I + F) equals the claimed floor 1 − σ_small = 0.99");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-recurrent: W = σ_max·I and x₁ = 0 put every singular value on the bound (1/2)ⁿ⁻¹", async () => {
    const { page, widget, problems, close } = await openWidget(
      ctx().browser,
      `${href()}?fig-recurrent.w=identity&fig-recurrent.start=zero`,
      "fig-recurrent",
    );
    try {
      // Computed in a worker: wait for the drawing of the linked values.
      await settled(widget);
      expect(await valueOf(widget)).toMatchObject({ w: "identity", start: "zero", sigma: 0.5, depth: 1000 });
      const text = await description(page, "fig-recurrent");
      expect(text).toContain("σ₁ = 1.87 × 10⁻³⁰¹ and σ₁₆ = 1.87 × 10⁻³⁰¹; the bound σ_max(W)ⁿ⁻¹ is 1.87 × 10⁻³⁰¹");
      // Only the depth shown changes: the same system, sliced.
      await widget.evaluate((el) => {
        (el as HTMLElement & { value: Record<string, unknown> }).value = { depth: 11 };
      });
      expect(await description(page, "fig-recurrent")).toContain("At n = 11, σ₁ = 9.77 × 10⁻⁴ and σ₁₆ = 9.77 × 10⁻⁴");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-residual-stack at ?fig-residual-stack.scale=3 says what lib computes for that scale", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-residual-stack.scale=3`, "fig-residual-stack");
    try {
      await settled(widget);
      const v = await valueOf(widget);
      const s = residualProductSpectra(residualFactors(v.dim as number, 200, v.seed as number), 3);
      const text = await description(page, "fig-residual-stack");
      expect(text).toContain(`Plain stack: σ_max = ${formatLog10Text(s.log10MaxPlain[200], 3)}`);
      expect(text).toContain(`Residual stack: σ_max = ${formatLog10Text(s.log10MaxResidual[200], 3)}`);
      expect(text).toContain("with s ≥ 1 nothing keeps the residual stack's σ_min away from 0");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("at 320 px the 2×2 matrix boxes and the preset list fit inside the page", async () => {
    const { page, close } = await openPage(ctx().browser, href(), { viewport: { width: 320, height: 740 } });
    try {
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll(".control-matrix input, .control-matrix select")]
          .map((el) => ({ name: el.getAttribute("name") ?? "preset", r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.left < 0 || r.right > document.documentElement.clientWidth)
          .map(({ name, r }) => `${name}: ${Math.round(r.left)}–${Math.round(r.right)}`),
      );
      expect(outside).toEqual([]);
    } finally {
      await close();
    }
  });

  it("the prose shows lib's numbers", async () => {
    const { page, close } = await openPage(ctx().browser, href());
    try {
      // textContent, not innerText: the worked solutions are closed <details>.
      const text = await page.evaluate(() => document.body.textContent ?? "");
      const n = jacobianShown();
      for (const s of [
        n.rho,
        n.lateRate,
        n.sumOfLogs,
        n.counterSvdMin,
        n.symmetricSigma1,
        n.scalarRatio,
        `${n.ordersBelowBound} orders of magnitude`,
      ]) {
        expect(text).toContain(s);
      }
      expectNoBadNumbers(await bodyText(page), "chapter 1.2");
    } finally {
      await close();
    }
  });
});
