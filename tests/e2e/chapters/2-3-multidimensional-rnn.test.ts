/**
 * Chapter 2.3 in the browser, beyond what every widget is tested for: the
 * wavefront widget restores a shared schedule and step and draws lib's units
 * at that step, Play stops at the last step, reduced motion removes Play; the
 * comparison widget picks a pixel by click and by keyboard and describes it
 * with lib's counts.
 */
import { expect, inject, it } from "vitest";
import { compareContexts, mdrnnScheduleSteps, mdrnnScheduleTimeline } from "../../../lib/mdrnn";
import { formatInteger } from "../../../lib/format";
import { maskSchedule } from "../../../lib/pixelcnn";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import { typeSlowly } from "../../support/widget-drivers";
import { openWidget, search, svgMarkup, valueOf, visibleNote } from "../../support/widget-page";
import type { Locator } from "playwright-core";

const SLUG = "2-3-multidimensional-rnn";

/** Cells drawn with a given fill (the outline rectangles have fill "none"). */
const cellsFilled = (widget: Locator, fill: string) =>
  widget.locator(".figure-plot svg").evaluate((svg, f) => svg.querySelectorAll(`rect[fill="${f}"]`).length, fill);

const description = (widget: Locator, id: string) => widget.page().locator(`#${id} .figure-description`).textContent();

describeInBrowser(`chapter ${SLUG}`, (ctx) => {
  const widgets = listWidgets(inject("siteDir"), SLUG);
  const href = () => new URL(`chapters/${SLUG}/`, ctx().url).href;

  it("has the wavefront and the comparison widgets", () => {
    expect(widgets.find((w) => w.id === "fig-wavefront")?.spec).toBe("wavefront");
    expect(widgets.find((w) => w.id === "fig-mdrnn-vs-pixelcnn")?.spec).toBe("mdrnn-vs-pixelcnn");
  });

  it("#fig-wavefront restores a shared schedule and step, and draws lib's units for that step", async () => {
    const query =
      "?fig-wavefront.rows=4&fig-wavefront.cols=7&fig-wavefront.layers=2&fig-wavefront.schedule=layer-by-layer&fig-wavefront.step=13";
    const { page, widget, problems, close } = await openWidget(ctx().browser, href() + query, "fig-wavefront");
    try {
      expect(await valueOf(widget)).toEqual({ rows: 4, cols: 7, layers: 2, schedule: "layer-by-layer", step: 13 });
      expect(await visibleNote(widget)).toBeNull();
      const timeline = mdrnnScheduleTimeline(4, 7, 2, "layer-by-layer");
      // Layer by layer, step 13 is in layer 2 (layer 1 takes 4 + 7 − 1 = 10 steps).
      expect(await cellsFilled(widget, "var(--c-cell-ink)")).toBe(timeline.unitsPerStep[12]);
      const doneBefore = timeline.unitsPerStep.slice(0, 12).reduce((a, b) => a + b, 0);
      expect(await cellsFilled(widget, "var(--c-cell-main)")).toBe(doneBefore);
      const text = (await description(widget, "fig-wavefront")) ?? "";
      expect(text).toContain(`Step 13 of ${timeline.stepCount}, one layer at a time`);
      expect(text).toContain("in layer 2");
      const counts = mdrnnScheduleSteps(4, 7, 2);
      expect(text).toContain(`${formatInteger(counts.wavefront)} steps as a wavefront`);
      expect(text).toContain(`${formatInteger(counts.rasterScan)} steps one unit at a time`);
      expect(Number(await widget.locator('[data-param="step"] input[type="range"]').getAttribute("max"))).toBe(timeline.stepCount);
      // Switching to the wavefront shrinks the step range; the step is clamped into it.
      await widget.locator('[data-param="schedule"] input[value="wavefront"]').check();
      await expect.poll(async () => (await valueOf(widget)).schedule).toBe("wavefront");
      const step = (await valueOf(widget)).step as number;
      expect(step).toBeLessThanOrEqual(counts.wavefront);
      expect(Number(await widget.locator('[data-param="step"] input[type="range"]').getAttribute("max"))).toBe(counts.wavefront);
      await expect.poll(async () => (await search(page))["fig-wavefront.schedule"]).toBe("wavefront");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-wavefront: typing a larger image, one key at a time, keeps the step (the half-typed 1 of 10 is never applied)", async () => {
    const query = "?fig-wavefront.schedule=raster-scan&fig-wavefront.step=90";
    const { page, widget, problems, close } = await openWidget(ctx().browser, href() + query, "fig-wavefront");
    try {
      expect(await valueOf(widget)).toMatchObject({ rows: 5, cols: 6, layers: 3, step: 90 });
      await typeSlowly(page, widget.locator('[data-param="rows"] input.number-box'), "10");
      await page.keyboard.press("Tab");
      await expect.poll(async () => (await valueOf(widget)).rows).toBe(10);
      expect((await valueOf(widget)).step).toBe(90);
      expect(await visibleNote(widget)).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-wavefront: Play runs to the last step and stops there", async () => {
    const query = "?fig-wavefront.rows=1&fig-wavefront.cols=2&fig-wavefront.layers=2&fig-wavefront.step=1";
    const { widget, problems, close } = await openWidget(ctx().browser, href() + query, "fig-wavefront");
    try {
      const play = widget.locator('[data-action="play"]');
      await play.click();
      const last = mdrnnScheduleSteps(1, 2, 2).wavefront;
      await expect.poll(async () => (await valueOf(widget)).step, { timeout: 10_000 }).toBe(last);
      await expect.poll(() => play.getAttribute("aria-pressed"), { timeout: 5_000 }).toBe("false");
      expect(await cellsFilled(widget, "var(--c-cell-blank)"), "nothing left waiting").toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-wavefront: a reader who asks for reduced motion gets no Play button, only the steps", async () => {
    const { widget, problems, close } = await openWidget(ctx().browser, href(), "fig-wavefront", { reducedMotion: "reduce" });
    try {
      expect(await widget.locator('[data-action="play"]').isHidden()).toBe(true);
      expect(await widget.locator(".step-hint").isVisible()).toBe(true);
      const before = (await valueOf(widget)).step as number;
      await widget.locator('[data-action="next"]').click();
      await expect.poll(async () => (await valueOf(widget)).step).toBe(before + 1);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-mdrnn-vs-pixelcnn: a click on either grid picks the pixel, the arrow keys move it, the description gives lib's counts", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-mdrnn-vs-pixelcnn");
    try {
      const expectCounts = async (row: number, col: number, depth: number) => {
        const cmp = compareContexts(maskSchedule(depth, "A-then-B"), 12, 16, row - 1, col - 1);
        const text = (await description(widget, "fig-mdrnn-vs-pixelcnn")) ?? "";
        expect(text).toContain(`row ${row}, column ${col}`);
        expect(text).toContain(`sees the ${formatInteger(cmp.mdrnnSize)} pixel`);
        expect(text).toContain(`sees ${formatInteger(cmp.fieldSize)} pixel`);
        expect(text).toContain(
          cmp.upRightPast === 0
            ? "no earlier pixel lies above and to the right"
            : `never the ${formatInteger(cmp.upRightPast)} earlier pixel`,
        );
        // Hatched cells: exactly the pixels only the PixelCNN sees.
        expect(await cellsFilled(widget, "var(--c-cell-alt)")).toBe(cmp.pixelCnnOnly);
      };
      // A click on the second grid (the PixelCNN's): the pixel at row 5, column 3.
      const cells = widget.locator('.figure-plot svg [data-cell][data-row="5"][data-col="3"]');
      expect(await cells.count(), "both grids are pickable").toBe(2);
      await cells.nth(1).click();
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 5, col: 3 });
      await expectCounts(5, 3, 3);
      // Keyboard: focus the figure, ArrowUp then End.
      await widget.locator(".figure-plot svg[tabindex]").first().focus();
      await page.keyboard.press("ArrowUp");
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 4, col: 3 });
      await page.keyboard.press("End");
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 4, col: 16 });
      const grids = widget.getByRole("slider", { name: "Pixel to predict, on the figure", exact: true });
      expect(await grids.getAttribute("aria-valuetext"), "the two grids are one control, its value the pixel").toBe("row 4, column 16");
      // The last column has nothing to its right: nothing only the PixelCNN sees.
      await expectCounts(4, 16, 3);
      expect(await cellsFilled(widget, "var(--c-cell-alt)")).toBe(0);
      await expect.poll(async () => (await search(page))["fig-mdrnn-vs-pixelcnn.pixel"]).toBe("4,16");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-mdrnn-vs-pixelcnn restores a shared pixel, depth and masks", async () => {
    const query = "?fig-mdrnn-vs-pixelcnn.depth=12&fig-mdrnn-vs-pixelcnn.schedule=all-A&fig-mdrnn-vs-pixelcnn.pixel=12,1";
    const { widget, problems, close } = await openWidget(ctx().browser, href() + query, "fig-mdrnn-vs-pixelcnn");
    try {
      expect(await valueOf(widget)).toEqual({ depth: 12, schedule: "all-A", pixel: { row: 12, col: 1 } });
      const cmp = compareContexts(maskSchedule(12, "all-A"), 12, 16, 11, 0);
      const text = (await description(widget, "fig-mdrnn-vs-pixelcnn")) ?? "";
      expect(text).toContain("mask A in every layer");
      expect(text).toContain(`sees ${formatInteger(cmp.fieldSize)} pixel`);
      expect(await cellsFilled(widget, "var(--c-cell-alt)")).toBe(cmp.pixelCnnOnly);
      expect(await svgMarkup(widget)).toContain("PixelCNN, 12 layers");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
