/**
 * How a reader drives each kind of control, by keyboard and by pointer, for
 * the generic widget tests: they follow a widget's parameter schema, so a new
 * widget is tested as soon as it is on a page, and a new kind of control is
 * tested here before a chapter uses it. Every action must change the value,
 * redraw the figure, write the URL and keep the focus where the reader left it.
 */
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import { resolveBound, showNumber, valueToText, type Param, type ParamKind, type Values as SchemaValues } from "../../src/figures/params";
import { description, search, settled, svgMarkup, valueOf, visibleNote, type Values } from "./widget-page";

export interface DriverContext {
  page: Page;
  widget: Locator;
  figureId: string;
  key: string;
  param: Param;
}

export interface KindDriver {
  keyboard(ctx: DriverContext): Promise<void>;
  pointer(ctx: DriverContext): Promise<void>;
  /** A value a hand-edited link might hold that must be corrected, and a check of the corrected value. */
  badUrlValue(param: Param, defaults: Values): { raw: string; check(value: unknown): void };
}

const control = (ctx: DriverContext) => ctx.widget.locator(`[data-param="${ctx.key}"]`);
const current = async (ctx: DriverContext) => (await valueOf(ctx.widget))[ctx.key];

/**
 * Run an action and check its effect: the value changes (to `expected` when
 * given), the figure is drawn anew (a new SVG, and the drawing or its
 * description differs: two values can draw the same picture, as a receptive
 * field clipped by the image border), and the URL gets the new value.
 */
export async function expectChange(ctx: DriverContext, what: string, action: () => Promise<void>, expected?: unknown) {
  await ctx.widget
    .locator(".figure-plot svg")
    .first()
    .evaluate((svg) => svg.setAttribute("data-drawn-before", ""));
  const before = { value: await current(ctx), svg: await svgMarkup(ctx.widget), description: await description(ctx.widget) };
  await action();
  await settled(ctx.widget);
  const after = await current(ctx);
  if (expected !== undefined) expect(after, `${ctx.key}: ${what} gives ${JSON.stringify(expected)}`).toEqual(expected);
  else expect(after, `${ctx.key}: ${what} changes the value`).not.toEqual(before.value);
  await expect
    .poll(() => ctx.widget.locator(".figure-plot svg[data-drawn-before]").count(), {
      message: `${ctx.key}: ${what} draws the figure anew`,
      timeout: 10_000,
    })
    .toBe(0);
  const changed =
    (await svgMarkup(ctx.widget)).replace(/ data-drawn-before=""/, "") !== before.svg.replace(/ data-drawn-before=""/, "") ||
    (await description(ctx.widget)) !== before.description;
  expect(changed, `${ctx.key}: after ${what} the figure or its description shows the new value`).toBe(true);
  const text = valueToText(ctx.param, after as SchemaValues[string]);
  await expect
    .poll(async () => (await search(ctx.page))[`${ctx.figureId}.${ctx.key}`], { message: `${ctx.key}: ${what} writes the URL` })
    .toBe(text);
}

async function expectFocus(page: Page, locator: Locator, what: string) {
  expect(await locator.evaluate((el) => el === document.activeElement), `${what}: focus stays`).toBe(true);
}

/** Type into a text box one key at a time, as a person does, checking that the box is never rewritten mid-typing. */
export async function typeSlowly(page: Page, box: Locator, text: string) {
  await box.click();
  await box.press("Control+a");
  await box.press("Backspace");
  let typed = "";
  for (const ch of text) {
    await page.keyboard.type(ch);
    typed += ch;
    expect(await box.inputValue(), `the box shows what was typed so far (${typed})`).toBe(typed);
  }
}

const numberDriver: KindDriver = {
  async keyboard(ctx) {
    const range = control(ctx).locator('input[type="range"]');
    const p = ctx.param as Extract<Param, { kind: "number" | "step" }>;
    const values = await valueOf(ctx.widget);
    const max = resolveBound(p.max, values);
    await range.focus();
    // Consecutive values differ in size too: x and −x draw the same curve in some figures.
    const keys = [...((await current(ctx)) === max ? ["Home"] : []), "ArrowRight", "End", "PageDown", "Home", "PageUp"];
    for (const key of keys) {
      await expectChange(ctx, `key ${key} on the slider`, () => ctx.page.keyboard.press(key));
      await expectFocus(ctx.page, range, key);
    }
  },
  async pointer(ctx) {
    const range = control(ctx).locator('input[type="range"]');
    await range.scrollIntoViewIfNeeded();
    const info = await range.evaluate((r) => ({
      min: Number((r as HTMLInputElement).min),
      max: Number((r as HTMLInputElement).max),
      value: Number((r as HTMLInputElement).value),
    }));
    const box = (await range.boundingBox())!;
    const at = (info.value - info.min) / (info.max - info.min) > 0.5 ? 0.2 : 0.8;
    await expectChange(ctx, `a click at ${at * 100}% of the slider`, () =>
      ctx.page.mouse.click(box.x + at * box.width, box.y + box.height / 2),
    );
    const value = (await current(ctx)) as number;
    // Where on the track the click landed (the thumb's width makes it approximate).
    expect(Math.abs((value - info.min) / (info.max - info.min) - at), `${ctx.key} lands near ${at * 100}% of the track`).toBeLessThan(0.1);
  },
  badUrlValue(param) {
    const p = param as Extract<Param, { kind: "number" }>;
    return {
      raw: "1e308",
      check: (v) => expect(v, "1e308 is clamped to the maximum").toBe(resolveBound(p.max, {})),
    };
  },
};

/** A number or step value to type: inside the range, different from the current one, with decimals where the parameter allows them. */
function typedTarget(p: Extract<Param, { kind: "number" }>, values: Values, now: unknown): string {
  const min = resolveBound(p.min, values);
  const max = resolveBound(p.max, values);
  if (p.integer) {
    const mid = Math.round(min + 0.37 * (max - min));
    return String(mid === now ? min : mid);
  }
  // A negative value with two decimals when the range allows it: "-" and "." are typed on the way.
  const target = Math.round((min < 0 ? Math.max(min, -0.35 * Math.min(1, max - min)) : min + 0.05 * (max - min)) * 100) / 100;
  return String(target === now ? max : target);
}

/** Typing into the exact box: taken only on commit (never mid-typing, where a half-typed number could clamp other settings), put back by Escape; out of range is clamped with a note on commit. */
export async function typeIntoNumberBox(ctx: DriverContext) {
  const p = ctx.param as Extract<Param, { kind: "number" }>;
  const box = control(ctx).locator("input.number-box");
  const values = await valueOf(ctx.widget);
  const target = typedTarget(p, values, values[ctx.key]);
  const noteBefore = await visibleNote(ctx.widget);
  await typeSlowly(ctx.page, box, target);
  expect(await valueOf(ctx.widget), `${ctx.key}: typing alone changes no setting`).toEqual(values);
  expect(await visibleNote(ctx.widget), `${ctx.key}: no new note while typing`).toBe(noteBefore);
  await box.press("Escape");
  expect(await box.inputValue(), `${ctx.key}: Escape puts the value back`).toBe(String(values[ctx.key]));
  expect(await valueOf(ctx.widget)).toEqual(values);
  await expectChange(
    ctx,
    `typing ${target}`,
    async () => {
      await typeSlowly(ctx.page, box, target);
      await box.press("Enter");
    },
    Number(target),
  );
  expect(await box.inputValue()).toBe(String(Number(target)));
  expect(await visibleNote(ctx.widget), `${ctx.key}: no note for a valid typed value`).toBeNull();
  const max = resolveBound(p.max, await valueOf(ctx.widget));
  await typeSlowly(ctx.page, box, "99999999");
  await box.press("Tab");
  await settled(ctx.widget);
  expect(await current(ctx), `${ctx.key}: 99999999 is clamped to the maximum`).toBe(max);
  expect(Number(await box.inputValue()), `${ctx.key}: the box shows the clamped value once the reader leaves it`).toBe(max);
  expect(await visibleNote(ctx.widget), `${ctx.key}: a note explains the clamp`).toMatch(/above the largest allowed value/);
  // Text that never becomes a number changes nothing, and the note names the value kept as the chapters write numbers.
  await typeSlowly(ctx.page, box, ".");
  await box.press("Tab");
  expect(await current(ctx), `${ctx.key}: "." keeps the value`).toBe(max);
  expect(await box.inputValue(), `${ctx.key}: the box shows the kept value`).toBe(String(max));
  expect(await visibleNote(ctx.widget)).toBe(`${p.label}: “.” is not a number; keeping ${showNumber(max)}.`);
  // The note follows the latest commit: an emptied box puts the value back and takes down the note about earlier text ...
  for (const key of ["Enter", "Tab"]) {
    await typeSlowly(ctx.page, box, "1e");
    await box.press("Enter");
    expect(await visibleNote(ctx.widget)).toBe(`${p.label}: “1e” is not a number; keeping ${showNumber(max)}.`);
    await typeSlowly(ctx.page, box, "");
    await box.press(key);
    expect(await box.inputValue(), `${ctx.key}: an emptied box shows the kept value after ${key}`).toBe(String(max));
    expect(await current(ctx)).toBe(max);
    expect(await visibleNote(ctx.widget), `${ctx.key}: an emptied box (${key}) leaves no note about earlier text`).toBeNull();
  }
  // ... and so does a valid number.
  await typeSlowly(ctx.page, box, "1e");
  await box.press("Enter");
  await typeSlowly(ctx.page, box, target);
  await box.press("Tab");
  await settled(ctx.widget);
  expect(await current(ctx)).toBe(Number(target));
  expect(await visibleNote(ctx.widget), `${ctx.key}: a valid number after “1e” leaves no note`).toBeNull();
}

const choiceDriver: KindDriver = {
  async keyboard(ctx) {
    const p = ctx.param as Extract<Param, { kind: "choice" }>;
    if (p.control === "radio") {
      await control(ctx).locator("input:checked").focus();
      const last = (await current(ctx)) === p.options.at(-1)!.value;
      await expectChange(ctx, "an arrow key in the radio group", () => ctx.page.keyboard.press(last ? "ArrowLeft" : "ArrowRight"));
      await expectFocus(ctx.page, control(ctx).locator("input:checked"), "radio arrow key");
    } else {
      const select = control(ctx).locator("select");
      await select.focus();
      const last = (await current(ctx)) === p.options.at(-1)!.value;
      await expectChange(ctx, "an arrow key on the select", () => ctx.page.keyboard.press(last ? "ArrowUp" : "ArrowDown"));
      await expectFocus(ctx.page, select, "select arrow key");
    }
  },
  async pointer(ctx) {
    const p = ctx.param as Extract<Param, { kind: "choice" }>;
    const other = p.options.find((o) => o.value !== undefined && o.value !== "")!;
    const now = await current(ctx);
    const target = p.options.find((o) => o.value !== now) ?? other;
    if (p.control === "radio") {
      await expectChange(
        ctx,
        `a click on “${target.label}”`,
        () => control(ctx).locator(`input[value="${target.value}"]`).click(),
        target.value,
      );
    } else {
      await expectChange(
        ctx,
        `choosing “${target.label}”`,
        async () => void (await control(ctx).locator("select").selectOption(target.value)),
        target.value,
      );
    }
  },
  badUrlValue(param) {
    const p = param as Extract<Param, { kind: "choice" }>;
    return { raw: "zzz", check: (v) => expect(v).toBe(p.default) };
  },
};

const choicesDriver: KindDriver = {
  async keyboard(ctx) {
    const unchecked = control(ctx).locator('input[type="checkbox"]:not(:checked)');
    const chosen = (await unchecked.count()) > 0 ? unchecked.first() : control(ctx).locator('input[type="checkbox"]:checked').last();
    // By its value: a :checked locator would point elsewhere once Space unchecks it.
    const box = control(ctx).locator(`input[type="checkbox"][value="${await chosen.getAttribute("value")}"]`);
    await box.focus();
    await expectChange(ctx, "Space on a box", () => ctx.page.keyboard.press("Space"));
    await expectFocus(ctx.page, box, "Space");
  },
  async pointer(ctx) {
    const checked = await control(ctx).locator('input[type="checkbox"]:checked').count();
    const target =
      checked > 1
        ? control(ctx).locator('input[type="checkbox"]:checked').first()
        : control(ctx).locator('input[type="checkbox"]:not(:checked)').first();
    await expectChange(ctx, "a click on a box", () => target.click());
  },
  badUrlValue(param) {
    const p = param as Extract<Param, { kind: "choices" }>;
    return { raw: "zzz", check: (v) => expect(v).toEqual(p.default) };
  },
};

const toggleDriver: KindDriver = {
  async keyboard(ctx) {
    const box = control(ctx).locator('input[type="checkbox"]');
    await box.focus();
    await expectChange(ctx, "Space", () => ctx.page.keyboard.press("Space"));
    await expectFocus(ctx.page, box, "Space");
  },
  async pointer(ctx) {
    await expectChange(ctx, "a click", () => control(ctx).locator("label").click());
  },
  badUrlValue(param) {
    const p = param as Extract<Param, { kind: "toggle" }>;
    return { raw: "maybe", check: (v) => expect(v).toBe(p.default) };
  },
};

const stepDriver: KindDriver = {
  async keyboard(ctx) {
    const range = control(ctx).locator('input[type="range"]');
    await range.focus();
    const last = (await current(ctx)) === Number(await range.getAttribute("max"));
    await expectChange(ctx, "an arrow key on the step slider", () => ctx.page.keyboard.press(last ? "ArrowLeft" : "ArrowRight"));
    await expectFocus(ctx.page, range, "step arrow key");
    const next = control(ctx).locator('[data-action="next"]');
    const previous = control(ctx).locator('[data-action="previous"]');
    const atEnd = (await current(ctx)) === Number(await range.getAttribute("max"));
    const button = atEnd ? previous : next;
    await button.focus();
    await expectChange(ctx, "Enter on a step button", () => ctx.page.keyboard.press("Enter"));
    await expectFocus(ctx.page, button, "Enter on a step button");
  },
  async pointer(ctx) {
    const range = control(ctx).locator('input[type="range"]');
    const min = Number(await range.getAttribute("min"));
    const start = (await current(ctx)) as number;
    if (start > min) await expectChange(ctx, "a click on ◀", () => control(ctx).locator('[data-action="previous"]').click(), start - 1);
    // Back to the first step, to watch Play go forward.
    await range.focus();
    await ctx.page.keyboard.press("Home");
    await expectChange(ctx, "a click on ▶", () => control(ctx).locator('[data-action="next"]').click(), min + 1);
    // Play advances one step at a time until paused.
    const play = control(ctx).locator('[data-action="play"]');
    await play.click();
    expect(await play.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => current(ctx), { message: "Play advances the step", timeout: 10_000 }).toBeGreaterThan(min + 2);
    await play.click();
    expect(await play.getAttribute("aria-pressed"), "Pause stops it").toBe("false");
    const stopped = await current(ctx);
    await ctx.page.waitForTimeout(1500);
    expect(await current(ctx), "nothing moves once paused").toBe(stopped);
  },
  badUrlValue() {
    return { raw: "99999", check: (v) => expect(Number.isInteger(v)).toBe(true) };
  },
};

const matrixDriver: KindDriver = {
  async keyboard(ctx) {
    const p = ctx.param as Extract<Param, { kind: "matrix" }>;
    const entry = control(ctx).locator("input.number-box").first();
    await entry.focus();
    const now = ((await current(ctx)) as number[][])[0][0];
    const key = now + p.step <= p.max ? "ArrowUp" : "ArrowDown";
    await expectChange(ctx, `${key} in the first entry`, () => ctx.page.keyboard.press(key));
    await expectFocus(ctx.page, entry, key);
    const target = Math.round((p.min < 0 ? -0.35 : 0.35) * Math.min(1, p.max) * 100) / 100;
    const before = (await current(ctx)) as number[][];
    const expected = before.map((row, i) => row.map((x, j) => (i === 0 && j === 0 ? target : x)));
    await expectChange(
      ctx,
      `typing ${target} into the first entry`,
      async () => {
        await typeSlowly(ctx.page, entry, String(target));
        await entry.press("Enter");
      },
      expected,
    );
  },
  async pointer(ctx) {
    const p = ctx.param as Extract<Param, { kind: "matrix" }>;
    const select = control(ctx).locator("select[data-preset]");
    if ((await select.count()) === 0) return;
    const now = (await current(ctx)) as number[][];
    const other = p.presets!.findIndex((pr) => JSON.stringify(pr.value) !== JSON.stringify(now));
    await expectChange(
      ctx,
      `choosing the preset “${p.presets![other].label}”`,
      async () => void (await select.selectOption(String(other))),
      p.presets![other].value,
    );
  },
  badUrlValue(param) {
    const p = param as Extract<Param, { kind: "matrix" }>;
    return { raw: "1,2", check: (v) => expect(v).toEqual(p.default) };
  },
};

const pointDriver: KindDriver = {
  async keyboard(ctx) {
    const svg = ctx.widget.locator(".figure-plot svg[tabindex]").first();
    expect(await svg.count(), `${ctx.key}: the figure is focusable to pick a cell`).toBe(1);
    await svg.focus();
    // Mark the focused element: a redraw must keep it, not replace it (a new element, focused, is read out whole again).
    await svg.evaluate((el) => ((el as unknown as { pickerMark: boolean }).pickerMark = true));
    const now = (await current(ctx)) as { row: number; col: number };
    const key = now.col > 1 ? "ArrowLeft" : "ArrowRight";
    const expected = { row: now.row, col: now.col + (key === "ArrowLeft" ? -1 : 1) };
    await expectChange(ctx, `${key} on the focused figure`, () => ctx.page.keyboard.press(key), expected);
    await expectFocus(ctx.page, ctx.widget.locator(".figure-plot svg[tabindex]").first(), `${key} on the figure`);
    expect(
      await ctx.page.evaluate(() => (document.activeElement as unknown as { pickerMark?: boolean } | null)?.pickerMark === true),
      `${ctx.key}: after ${key}, the focus is on the same element, redrawn in place`,
    ).toBe(true);
    // A control, not a focusable image: named for what it picks, its value the picked cell.
    const picker = ctx.widget.getByRole("slider", {
      name: `${(ctx.param as Extract<Param, { kind: "point" }>).label}, on the figure`,
      exact: true,
    });
    expect(await picker.count(), `${ctx.key}: the figure is a slider named for what it picks`).toBe(1);
    expect(await picker.getAttribute("aria-valuetext"), `${ctx.key}: its value is the picked cell`).toBe(
      `row ${expected.row}, column ${expected.col}`,
    );
    const row = control(ctx).locator(`input[name="${ctx.key}-row"]`);
    const target = expected.row > 1 ? expected.row - 1 : expected.row + 1;
    await expectChange(
      ctx,
      `typing row ${target}`,
      async () => {
        await typeSlowly(ctx.page, row, String(target));
        await row.press("Enter");
      },
      { ...expected, row: target },
    );
  },
  async pointer(ctx) {
    const now = (await current(ctx)) as { row: number; col: number };
    const cell = ctx.widget
      .locator(`.figure-plot svg [data-cell][data-row="${now.row > 1 ? now.row - 1 : now.row + 1}"][data-col="${now.col}"]`)
      .first();
    const row = Number(await cell.getAttribute("data-row"));
    await expectChange(ctx, "a click on a cell of the figure", () => cell.click(), { row, col: now.col });
  },
  badUrlValue() {
    return { raw: "999,0", check: (v) => expect((v as { row: number }).row).toBeGreaterThan(1) };
  },
};

export const DRIVERS: Record<ParamKind, KindDriver> = {
  number: numberDriver,
  choice: choiceDriver,
  choices: choicesDriver,
  toggle: toggleDriver,
  step: stepDriver,
  matrix: matrixDriver,
  point: pointDriver,
};
