/**
 * Chapter 2.2 in the browser, beyond what every widget is tested for: the
 * image grid picks the pixel that was clicked or reached by the arrow keys and
 * describes it with lib's numbers, a shared link restores depth, masks and
 * pixel, the prose's link to the leaking all-B stack shows the leak, and the
 * size plot follows the depth.
 */
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { maskSchedule, pixelCnnInteriorCountSeries, pixelCnnView, type Mask } from "../../../lib/pixelcnn";
import { describeInBrowser } from "../../support/browser-suite";
import { listWidgets } from "../../support/built-site.mjs";
import { ANNOUNCE_DELAY_MS } from "../../../src/widgets/widget-runtime";
import {
  announcement,
  announcements,
  expectNoBadNumbers,
  bodyText,
  openPage,
  openWidget,
  recordAnnouncements,
  search,
  settled,
  valueOf,
  visibleNote,
} from "../../support/widget-page";

const SLUG = "2-2-pixelcnn";
const [ROWS, COLS] = [12, 16];

/** The sentence the grid's description must hold for this stack and 1-based pixel, from lib. */
function expectedCounts(masks: Mask[], row: number, col: number): string {
  const v = pixelCnnView(masks, ROWS, COLS, row - 1, col - 1);
  const before = (row - 1) * COLS + col - 1;
  const seen = v.fieldSize - (v.field[row - 1][col - 1] ? 1 : 0);
  return `It depends on ${seen} pixel${seen === 1 ? "" : "s"} of the ${before} generated before it.`;
}

describeInBrowser(`chapter ${SLUG}`, (ctx) => {
  const widgets = listWidgets(inject("siteDir"), SLUG);
  const href = () => new URL(`chapters/${SLUG}/`, ctx().url).href;
  const description = (id: string) => (page: Page) => page.locator(`#${id} .figure-description`).textContent();

  it("#fig-field is the receptive-field grid and #fig-field-size the size plot", () => {
    expect(widgets.find((w) => w.id === "fig-field")?.spec).toBe("receptive-field");
    expect(widgets.find((w) => w.id === "fig-field-size")?.spec).toBe("field-size");
  });

  it("#fig-field: a click on a cell picks that pixel, and the description gives lib's counts for it", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-field");
    try {
      await widget.locator('.figure-plot svg [data-cell][data-row="5"][data-col="7"]').first().click();
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 5, col: 7 });
      const text = await description("fig-field")(page);
      expect(text).toContain("row 5, column 7");
      expect(text).toContain(expectedCounts(maskSchedule(3, "A-then-B"), 5, 7));
      await expect.poll(async () => (await search(page))["fig-field.pixel"]).toBe("5,7");
      // The picked cell is the one outlined as the output pixel: drawn after the click, at row 5, column 7.
      expect(await widget.locator('.figure-plot svg [data-cell][data-row="5"][data-col="7"]').first().getAttribute("fill")).toBe(
        "var(--c-cell-ink)",
      );
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-field: the arrow keys and End move the pick on the focused grid", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, href(), "fig-field");
    try {
      const grid = widget.locator(".figure-plot svg[tabindex]").first();
      await grid.focus();
      await page.keyboard.press("ArrowUp");
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 7, col: 8 });
      await widget.locator(".figure-plot svg[tabindex]").first().focus();
      await page.keyboard.press("End");
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 7, col: COLS });
      expect(await description("fig-field")(page)).toContain(expectedCounts(maskSchedule(3, "A-then-B"), 7, COLS));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-field: the grid is a slider named for the pixel it picks; a run of arrow keys is announced once, where it stops, with lib's counts", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-field.pixel=9,6`, "fig-field");
    try {
      await settled(widget);
      await page.waitForTimeout(ANNOUNCE_DELAY_MS + 300);
      expect(await announcement(widget), "a state restored from the link is not announced").toBe("");
      const grid = () => widget.getByRole("slider", { name: "Output pixel, on the figure", exact: true });
      expect(await grid().count()).toBe(1);
      expect(await grid().getAttribute("aria-valuetext")).toBe("row 9, column 6");
      await recordAnnouncements(widget);
      await grid().focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
      await expect.poll(async () => (await valueOf(widget)).pixel).toEqual({ row: 9, col: 2 });
      expect(await grid().getAttribute("aria-valuetext"), "the focused grid's value is the new pixel").toBe("row 9, column 2");
      await page.waitForTimeout(ANNOUNCE_DELAY_MS + 300);
      const said = (await announcements(widget)).map((a) => a.text);
      expect(said, "one announcement for four keys").toHaveLength(1);
      expect(said[0]).toContain("the output at row 9, column 2 after 3 masked layers");
      expect(said[0]).toContain(expectedCounts(maskSchedule(3, "A-then-B"), 9, 2));
      expect(said[0], "what did not change is not repeated").not.toContain("Pick another pixel");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-field restores ?fig-field.depth=5&fig-field.schedule=all-A&fig-field.pixel=9,4 from the URL", async () => {
    const { page, widget, problems, close } = await openWidget(
      ctx().browser,
      `${href()}?fig-field.depth=5&fig-field.schedule=all-A&fig-field.pixel=9,4`,
      "fig-field",
    );
    try {
      expect(await valueOf(widget)).toEqual({ depth: 5, schedule: "all-A", pixel: { row: 9, col: 4 } });
      expect(await widget.locator('[data-param="schedule"] input[value="all-A"]').isChecked()).toBe(true);
      expect(Number(await widget.locator('[data-param="depth"] input.number-box').inputValue())).toBe(5);
      const text = (await description("fig-field")(page)) ?? "";
      expect(text).toContain("row 9, column 4 after 5 masked layers (mask A in every layer)");
      expect(text).toContain(expectedCounts(maskSchedule(5, "all-A"), 9, 4));
      // Column 4 is within 5 columns of the left edge: not interior, and the description says so.
      expect(text).toContain("The border cuts this pixel's field");
      expect(await visibleNote(widget), "no note for a valid link").toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("the prose's link to mask B in every layer opens the grid with the output pixel in its own field", async () => {
    const plain = await openPage(ctx().browser, href());
    let link: string;
    try {
      link = (await plain.page.locator('a[href*="fig-field.schedule=all-B"]').first().getAttribute("href"))!;
    } finally {
      await plain.close();
    }
    expect(link).toMatch(/#fig-field$/);
    const { page, widget, problems, close } = await openWidget(ctx().browser, new URL(link, href()).href, "fig-field");
    try {
      expect((await valueOf(widget)).schedule).toBe("all-B");
      const masks = new Array<Mask>(3).fill("B");
      expect(pixelCnnView(masks, ROWS, COLS, 7, 7).field[7][7], "lib: the pixel is in its own field").toBe(true);
      const text = (await description("fig-field")(page)) ?? "";
      expect(text).toContain("It depends on the input at its own position");
      expect(text).toContain(expectedCounts(masks, 8, 8));
      expect(await widget.locator(".figure-key").textContent()).toContain("inside its own field (a leak)");
      // The output cell is drawn in the field's colour, hatched and outlined.
      expect(await widget.locator('.figure-plot svg [data-cell][data-row="8"][data-col="8"]').first().getAttribute("fill")).toBe(
        "var(--c-cell-main)",
      );
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("#fig-field-size at 32 layers describes lib's sizes, and the page shows no bad number", async () => {
    const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?fig-field-size.maxDepth=32`, "fig-field-size");
    try {
      expect((await valueOf(widget)).maxDepth).toBe(32);
      const text = (await description("fig-field-size")(page)) ?? "";
      for (const s of ["A-then-B", "all-A"] as const) {
        const last = pixelCnnInteriorCountSeries(s, 32)[31];
        const format = (n: number) => n.toLocaleString("en").replace(/,/g, "\u202F");
        expect(text).toContain(`a field of ${format(last.fieldSize)} pixels and a blind spot of ${format(last.blindSpotSize)}`);
      }
      expectNoBadNumbers(await bodyText(page), "chapter 2.2");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
