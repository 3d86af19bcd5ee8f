/**
 * Opening a page with a widget in Chromium and reading its state: shared by
 * the generic widget tests (tests/e2e/widgets.test.ts), the kind drivers
 * (tests/support/widget-drivers.ts) and the chapter-specific browser tests
 * (tests/e2e/chapters/).
 */
import { expect } from "vitest";
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";

export type Values = Record<string, unknown>;

export interface Opened {
  page: Page;
  widget: Locator;
  close: () => Promise<void>;
  /** Uncaught exceptions and console errors or warnings seen so far. */
  problems: string[];
}

export async function openPage(browser: Browser, href: string, options: BrowserContextOptions = {}): Promise<Omit<Opened, "widget">> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`uncaught exception: ${e.stack ?? e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
  });
  const response = await page.goto(href);
  expect(response?.status(), href).toBe(200);
  return { page, problems, close: () => context.close() };
}

export const widgetLocator = (page: Page, id: string) => page.locator(`figure-widget[data-figure-id="${id}"]`);

/** Scroll a widget into view and wait until its runtime has mounted. */
export async function mount(page: Page, id: string): Promise<Locator> {
  const widget = widgetLocator(page, id);
  expect(await widget.count(), `one widget with data-figure-id="${id}"`).toBe(1);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`figure-widget[data-figure-id="${id}"][data-ready]`, { timeout: 20_000 });
  await widget.evaluate((el) => (el as HTMLElement & { ready: Promise<void> }).ready);
  expect(
    await widget.locator("fieldset.widget-fieldset").evaluate((f) => (f as HTMLFieldSetElement).disabled),
    "controls enabled once mounted",
  ).toBe(false);
  return widget;
}

export async function openWidget(browser: Browser, href: string, id: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const opened = await openPage(browser, href, options);
  return { ...opened, widget: await mount(opened.page, id) };
}

/** The figure's description in words, as the widget last wrote it. */
export const description = (widget: Locator) =>
  widget.evaluate((el) => el.closest("figure")?.querySelector(".figure-description")?.textContent ?? "");

export const svgMarkup = (widget: Locator) => widget.locator(".figure-plot").evaluate((el) => el.innerHTML);
export const valueOf = (widget: Locator) => widget.evaluate((el) => (el as HTMLElement & { value: Values }).value);
/** The page's query as an object. Widgets write it once input pauses (250 ms), so poll it. */
export const search = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
export const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Wait until a worker-computed figure has finished (no-op for the others). */
export const settled = (widget: Locator) =>
  widget.locator(".figure-plot").evaluate(
    (plot) =>
      new Promise<void>((resolve) => {
        const check = () => (plot.hasAttribute("aria-busy") ? setTimeout(check, 20) : resolve());
        check();
      }),
  );

/** The note under the controls, if it is shown: its text, else null. */
export const visibleNote = (widget: Locator) =>
  widget.locator(".widget-note").evaluate((n) => {
    const el = n as HTMLElement;
    const shown = !el.hidden && el.offsetHeight > 0 && getComputedStyle(el).visibility !== "hidden";
    return shown ? (el.textContent ?? "").trim() : null;
  });

export function expectNoBadNumbers(text: string, where: string) {
  expect(text, `${where}: "NaN" shown`).not.toMatch(/\bNaN\b/);
  expect(text, `${where}: "Infinity" shown`).not.toMatch(/Infinity/);
  expect(text, `${where}: "undefined" shown`).not.toMatch(/\bundefined\b/);
}

/** The page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `${where}: page is ${scroll - client}px wider than the viewport`).toBeLessThanOrEqual(client);
}

/** What the widget's live region holds now (null if it has none). */
export const announcement = (widget: Locator) =>
  widget.evaluate((el) => el.querySelector<HTMLElement>(".widget-status[role=status]")?.textContent ?? null);

/**
 * Record every text the widget's live region is given from now on, with
 * whether the figure was still being computed then; `announcements` reads
 * the record.
 */
export const recordAnnouncements = (widget: Locator) =>
  widget.evaluate((el) => {
    const status = el.querySelector<HTMLElement>(".widget-status[role=status]");
    if (!status) throw new Error("the widget has no live region");
    const plot = el.querySelector(".figure-plot")!;
    const seen: { text: string; busy: boolean }[] = [];
    (el as HTMLElement & { announced?: typeof seen }).announced = seen;
    new MutationObserver(() => seen.push({ text: status.textContent ?? "", busy: plot.hasAttribute("aria-busy") })).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });

export const announcements = (widget: Locator) =>
  widget.evaluate((el) => (el as HTMLElement & { announced?: { text: string; busy: boolean }[] }).announced ?? []);

/** The pieces of a text between full stops, for checking that one text is made of sentences of another. */
export const pieces = (text: string) =>
  text
    .split(/(?<=\.)\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
