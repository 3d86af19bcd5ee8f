/**
 * Every widget on every page (found in the built HTML, chapters and the
 * figure gallery), driven through its own parameter schema: each parameter
 * by keyboard and by pointer, as its kind of control is used
 * (tests/support/widget-drivers.ts). Also: it is the static figure until it
 * nears the viewport; its state survives a reload through the URL; a
 * hand-edited URL is corrected with a note; `el.value = …` goes through the
 * same path as a control; a change is announced once it settles, a load is
 * not. Chapter-specific checks are in tests/e2e/chapters/.
 */
import { expect, inject, it } from "vitest";
import type { Param } from "../../src/figures/params";
import { loadSpec } from "../../src/figures/registry";
import { ANNOUNCE_DELAY_MS, WORKER_DELAY_MS } from "../../src/widgets/widget-runtime";
import { describeInBrowser } from "../support/browser-suite";
import { listPages, widgetsOnPage } from "../support/built-site.mjs";
import { DRIVERS, typeIntoNumberBox, type DriverContext } from "../support/widget-drivers";
import {
  announcement,
  announcements,
  bodyText,
  description,
  expectNoBadNumbers,
  expectNoSidewaysScroll,
  mount,
  openPage,
  openWidget,
  pieces,
  recordAnnouncements,
  search,
  settled,
  svgMarkup,
  valueOf,
  visibleNote,
  widgetLocator,
  type Values,
} from "../support/widget-page";

describeInBrowser("widgets", (ctx) => {
  const dir = inject("siteDir");
  const all = listPages(dir)
    .filter((p) => p.widgets)
    .flatMap((p) => widgetsOnPage(dir, p.path).map((w) => ({ page: p.path, ...w })));

  it("the pages have widgets to test, each naming its spec and its figure id", () => {
    expect(all.length).toBeGreaterThan(0);
    for (const w of all) {
      expect(w.id, `widget of spec ${w.spec} has a figure id`).toMatch(/\S/);
      expect(w.spec).toMatch(/\S/);
    }
  });

  for (const w of all) {
    const label = `${w.page} #${w.id} (${w.spec})`;
    const href = () => new URL(w.page, ctx().url).href;

    it(`${label}: the static figure until it nears the viewport; once mounted, value = the values it was built with`, async () => {
      const { page, problems, close } = await openPage(ctx().browser, href());
      try {
        const el = widgetLocator(page, w.id);
        const top = await el.evaluate((e) => e.getBoundingClientRect().top);
        if (top > 800 + 300 + 50) {
          await page.waitForTimeout(300);
          expect(await el.getAttribute("data-ready"), "not mounted while far below the viewport").toBeNull();
        }
        const widget = await mount(page, w.id);
        await settled(widget);
        expect(await valueOf(widget)).toEqual(w.values);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`${label}: every parameter answers the keyboard, then the pointer; the URL then restores the state`, async () => {
      const spec = await loadSpec(w.spec);
      const { page, widget, problems, close } = await openWidget(ctx().browser, href(), w.id);
      try {
        await recordAnnouncements(widget);
        for (const [key, param] of Object.entries(spec.params as Record<string, Param>)) {
          const driver: DriverContext = { page, widget, figureId: w.id, key, param };
          await DRIVERS[param.kind].keyboard(driver);
          await DRIVERS[param.kind].pointer(driver);
          if (param.kind === "number") await typeIntoNumberBox(driver);
        }
        expectNoBadNumbers(await bodyText(page), label);
        // Changes were announced, never while a result was on its way, and the last says, in sentences of
        // the description or the note, what it changed (nothing, if it changed only the drawing).
        // Each change waits ANNOUNCE_DELAY_MS for input to pause, and the drivers act about that often, so
        // under load every announcement can be put off to the last change; a busy page delays that one too.
        await page.waitForTimeout(ANNOUNCE_DELAY_MS + 300);
        await expect
          .poll(async () => (await announcements(widget)).filter((a) => a.text !== "").length, {
            message: "changes are announced",
            timeout: 10_000,
          })
          .toBeGreaterThan(0);
        const said = await announcements(widget);
        expect(
          said.filter((a) => a.busy),
          "nothing is announced while computing",
        ).toEqual([]);
        const shown = `${await description(widget)} ${(await visibleNote(widget)) ?? ""}`;
        expect(
          pieces((await announcement(widget)) ?? "").filter((p) => !shown.includes(p)),
          "the last announcement is in the words of the description or the note",
        ).toEqual([]);
        // The URL now holds the state: opening it shows the same figure, with no note.
        await page.waitForTimeout(400);
        const state = await valueOf(widget);
        const svg = await svgMarkup(widget);
        const again = await openWidget(ctx().browser, page.url(), w.id);
        try {
          await settled(again.widget);
          expect(await valueOf(again.widget), "state restored from the URL").toEqual(state);
          expect(await svgMarkup(again.widget), "same figure from the URL").toBe(svg);
          expect(await visibleNote(again.widget), "no note for a valid URL").toBeNull();
          expect(again.problems).toEqual([]);
        } finally {
          await again.close();
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`${label}: a hand-edited URL (bad values, a 10 KB value, an unknown key) is corrected with a short note, at 320 px too`, async () => {
      const spec = await loadSpec(w.spec);
      const params = Object.entries(spec.params as Record<string, Param>);
      const query = new URLSearchParams();
      const checks: [string, (v: unknown) => void][] = [];
      for (const [key, param] of params) {
        const bad = DRIVERS[param.kind].badUrlValue(param, w.values);
        query.set(`${w.id}.${key}`, bad.raw);
        checks.push([key, bad.check]);
      }
      // The first parameter gets 10 KB of garbage instead.
      query.set(`${w.id}.${params[0][0]}`, "9".repeat(5000) + "x".repeat(5000));
      query.set(`${w.id}.bogus`, "1");
      for (const width of [1280, 320]) {
        const { page, widget, problems, close } = await openWidget(ctx().browser, `${href()}?${query}`, w.id, {
          viewport: { width, height: 800 },
        });
        try {
          await settled(widget);
          const value = await valueOf(widget);
          for (const [key, check] of checks.slice(1)) check(value[key]);
          const note = await visibleNote(widget);
          expect(note, "a note explains the corrections").toBeTruthy();
          expect(note).toContain("bogus");
          // A corrected choice names its options as the reader sees them on the control.
          for (const [key, param] of params) {
            if (param.kind !== "choice") continue;
            for (const o of param.options) expect(note, `${key}: the note names “${o.label}”`).toContain(`“${o.label}”`);
          }
          expect(note!.length, "the note echoes outside input only in part").toBeLessThan(200 * params.length + 200);
          await expect
            .poll(async () => (await search(page))[`${w.id}.${params[0][0]}`]?.length ?? 0, {
              message: "the link is rewritten with the values in use",
            })
            .toBeLessThan(100);
          expectNoBadNumbers(await bodyText(page), `${label} after a malformed URL`);
          await expectNoSidewaysScroll(page, `${label} with a malformed URL at ${width} px`);
          expect(problems, "no exception or console error").toEqual([]);
        } finally {
          await close();
        }
      }
    });

    it(`${label}: setting el.value re-renders, syncs the controls, writes the URL and fires an input event`, async () => {
      const spec = await loadSpec(w.spec);
      const { page, widget, problems, close } = await openWidget(ctx().browser, href(), w.id);
      try {
        // A change the reader could make: the first number (or step) parameter to its other end.
        const entry = Object.entries(spec.params as Record<string, Param>).find(([, p]) => p.kind === "number" || p.kind === "step");
        if (!entry) return;
        const [key] = entry;
        const range = widget.locator(`[data-param="${key}"] input[type="range"]`);
        const [min, max] = [Number(await range.getAttribute("min")), Number(await range.getAttribute("max"))];
        const target = (await valueOf(widget))[key] === max ? min : max;
        const before = await svgMarkup(widget);
        const fired = await widget.evaluate(
          (el, [name, v]) => {
            let events = 0;
            el.addEventListener("input", () => events++);
            (el as HTMLElement & { value: Values }).value = { [name as string]: v };
            return events;
          },
          [key, target] as const,
        );
        expect(fired, "input events").toBeGreaterThanOrEqual(1);
        await settled(widget);
        expect(Number(await range.inputValue())).toBe(target);
        expect((await valueOf(widget))[key]).toBe(target);
        expect(await svgMarkup(widget)).not.toBe(before);
        await expect.poll(async () => Number((await search(page))[`${w.id}.${key}`])).toBe(target);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it("a worker-computed figure is announced once its latest result is drawn, not while computing, and not on load", async () => {
    let found: { w: (typeof all)[number]; key: string } | undefined;
    for (const w of all) {
      const spec = await loadSpec(w.spec);
      const key = Object.entries(spec.params as Record<string, Param>).find(([, p]) => p.kind === "number")?.[0];
      if (spec.compute === "worker" && key) {
        found = { w, key };
        break;
      }
    }
    expect(found, "a worker-computed widget with a slider").toBeDefined();
    const { w, key } = found!;
    const { page, widget, problems, close } = await openWidget(ctx().browser, new URL(w.page, ctx().url).href, w.id);
    try {
      await settled(widget);
      await page.waitForTimeout(ANNOUNCE_DELAY_MS + 300);
      expect(await announcement(widget), "loading the figure is not announced").toBe("");
      const before = await description(widget);
      await recordAnnouncements(widget);
      const range = widget.locator(`[data-param="${key}"] input[type="range"]`);
      const arrow = Number(await range.inputValue()) === Number(await range.getAttribute("max")) ? "ArrowLeft" : "ArrowRight";
      await range.focus();
      await page.keyboard.press(arrow);
      // The first computation is under way when the second change replaces it.
      await page.waitForTimeout(WORKER_DELAY_MS + 100);
      await page.keyboard.press(arrow);
      await settled(widget);
      await page.waitForTimeout(ANNOUNCE_DELAY_MS + 300);
      const said = await announcements(widget);
      const after = await description(widget);
      expect(said.length, `one announcement: ${JSON.stringify(said)}`).toBe(1);
      expect(said[0].busy, "announced once the result is drawn").toBe(false);
      expect(
        pieces(said[0].text).filter((p) => !after.includes(p)),
        "every sentence announced is one of the latest description",
      ).toEqual([]);
      expect(
        pieces(said[0].text).some((p) => !before.includes(p)),
        "it says what changed",
      ).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  const stepWidget = all.find((w) => Object.values(w.values).length > 0 && w.spec === "wavefront");
  it("a step widget offers no Play button to a reader who asks for reduced motion, and still steps", async () => {
    expect(stepWidget, "a widget with a step control").toBeDefined();
    const { page, widget, problems, close } = await openWidget(ctx().browser, new URL(stepWidget!.page, ctx().url).href, stepWidget!.id, {
      reducedMotion: "reduce",
    });
    try {
      const play = widget.locator('[data-action="play"]');
      expect(await play.isVisible(), "no Play button").toBe(false);
      expect(await widget.locator(".step-hint").isVisible(), "a hint says why").toBe(true);
      const before = (await valueOf(widget)).step as number;
      await widget.locator('[data-action="next"]').click();
      expect((await valueOf(widget)).step).toBe(before + 1);
      await page.waitForTimeout(1500);
      expect((await valueOf(widget)).step, "nothing moves by itself").toBe(before + 1);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
