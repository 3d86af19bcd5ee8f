/**
 * Chapter 2.1 in the browser, beyond what every widget is tested for: the
 * dependency graph is itself an input (a click or the arrow keys on its top
 * row pick the output), a shared link restores a state whose description
 * shows lib's numbers, and the graph fits a 320 px phone.
 */
import { expect, inject, it } from "vitest";
import { formatInteger } from "../../../lib/format";
import {
  waveNetDependencyGraph,
  waveNetReceptiveField,
  waveNetReceptiveFieldOfDilations,
  repeatedDoublingDilations,
} from "../../../lib/wavenet";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import { expectNoSidewaysScroll, openWidget, search, valueOf, visibleNote } from "../../support/widget-page";

const SLUG = "2-1-wavenet";

describeInBrowser(`chapter ${SLUG}`, (ctx) => {
  const widgets = listWidgets(inject("siteDir"), SLUG);
  const href = () => new URL(`chapters/${SLUG}/`, ctx().url).href;
  const description = (id: string) => `#${id} .figure-description`;

  it("#fig-graph and #fig-field are the chapter's two widgets", () => {
    expect(widgets.find((w) => w.id === "fig-graph")?.spec).toBe("wavenet-dependency-graph");
    expect(widgets.find((w) => w.id === "fig-field")?.spec).toBe("wavenet-receptive-field");
  });

  it("#fig-graph: a click on a unit of the top row picks that output, and the description follows lib", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-graph");
    try {
      const start = await valueOf(widget);
      const target = 20;
      await widget.locator(`.figure-plot svg [data-cell][data-row="1"][data-col="${target}"]`).click();
      await expect.poll(async () => (await valueOf(widget)).position).toBe(target);
      expect(Number(await widget.locator('[data-param="position"] input.number-box').inputValue())).toBe(target);
      const graph = waveNetDependencyGraph(start.depth as number, start.schedule as "doubling", 32, target - 1);
      const field = waveNetReceptiveField(start.depth as number, start.schedule as "doubling");
      const first = target - graph.inputCount + 1;
      const text = await page.locator(description("fig-graph")).textContent();
      expect(text).toContain(`Output position ${target} `);
      expect(text).toContain(`It depends on ${formatInteger(graph.inputCount)} input samples (positions ${first}–${target})`);
      expect(graph.inputCount).toBe(Math.min(target, field));
      await expect.poll(async () => (await search(page))["fig-graph.position"]).toBe(String(target));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-graph: with the graph focused, the arrow keys, Home and End move the output, and the graph says which", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-graph.position=10`, "fig-graph");
    try {
      const svg = widget.locator(".figure-plot svg[tabindex]");
      await svg.focus();
      await page.keyboard.press("ArrowLeft");
      await expect.poll(async () => (await valueOf(widget)).position).toBe(9);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await expect.poll(async () => (await valueOf(widget)).position).toBe(11);
      await page.keyboard.press("Home");
      await expect.poll(async () => (await valueOf(widget)).position).toBe(1);
      await page.keyboard.press("End");
      await expect.poll(async () => (await valueOf(widget)).position).toBe(32);
      // The focus stays on the redrawn graph, so the keys keep working.
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe("svg");
      // To a screen reader the graph is a slider over the output positions, its value the one picked.
      const graph = widget.getByRole("slider", { name: "Output position, on the figure", exact: true });
      expect(await graph.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await graph.getAttribute("aria-valuetext")).toBe("32 of 32");
      expect(await graph.getAttribute("aria-valuenow")).toBe("32");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-graph restores ?depth=6&schedule=plus-one&position=10: the field spills into the padding, as lib says", async () => {
    const url = `${href()}?fig-graph.depth=6&fig-graph.schedule=plus-one&fig-graph.position=10`;
    const { page, widget, problems, close } = await openWidget(ctx().browser, url, "fig-graph");
    try {
      expect(await valueOf(widget)).toEqual({ depth: 6, schedule: "plus-one", position: 10 });
      expect(await widget.locator('[data-param="schedule"] input:checked').getAttribute("value")).toBe("plus-one");
      const field = waveNetReceptiveField(6, "plus-one");
      const graph = waveNetDependencyGraph(6, "plus-one", 32, 9);
      expect(graph.inputCount).toBe(10);
      const text = await page.locator(description("fig-graph")).textContent();
      expect(text).toContain("dilations 1, 2, 3, 4, 5, 6 (+1 per layer)");
      expect(text).toContain(
        `It depends on 10 input samples (positions 1–10): its receptive field is ${formatInteger(field)} samples, but ${formatInteger(field - 10)} of them would lie before the start`,
      );
      // Dashed taps to the padding column are drawn.
      expect(await widget.locator(".figure-plot svg line[stroke-dasharray]").count()).toBe(graph.paddingEdges.length);
      expect(await visibleNote(widget)).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-field restores ?depth=30: doubling reaches 2³⁰ and WaveNet's three blocks 3 070", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-field.depth=30`, "fig-field");
    try {
      expect((await valueOf(widget)).depth).toBe(30);
      const text = await page.locator(description("fig-field")).textContent();
      expect(text).toContain(`${formatInteger(waveNetReceptiveField(30, "doubling"))} with doubling`);
      expect(text).toContain(`reach ${formatInteger(waveNetReceptiveFieldOfDilations(repeatedDoublingDilations(30, 10)))}`);
      expect(text).toContain(`${formatInteger(waveNetReceptiveField(30, "plus-one"))} with the +1 schedule`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-graph fits a 320 px phone at its deepest, widest setting: nothing sticks out and the page does not scroll sideways", async () => {
    const url = `${href()}?fig-graph.depth=8&fig-graph.schedule=doubling&fig-graph.position=32`;
    const { page, widget, problems, close } = await openWidget(ctx().browser, url, "fig-graph", { viewport: { width: 320, height: 740 } });
    try {
      const [svgRight, plotRight, viewport] = await widget.evaluate((el) => [
        el.querySelector(".figure-plot svg")!.getBoundingClientRect().right,
        el.querySelector(".figure-plot")!.getBoundingClientRect().right,
        document.documentElement.clientWidth,
      ]);
      expect(svgRight).toBeLessThanOrEqual(plotRight + 0.5);
      expect(plotRight).toBeLessThanOrEqual(viewport);
      await expectNoSidewaysScroll(page, "chapter 2.1 with the graph at depth 8");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
