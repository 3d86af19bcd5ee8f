/**
 * axe-core finds no violations on any page, in the light and the dark theme,
 * whether the theme comes from the OS (colorScheme emulation) or from the
 * reader's choice (data-theme, set through the site's own localStorage key,
 * against the opposite OS preference). Chapters are checked with every widget
 * mounted, a widget note showing (and in its live region), and every <details>
 * (data tables, code) open.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect, inject, it } from "vitest";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listPages, loadAllWidgets, widgetsOnPage } from "../support/built-site.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Mode {
  name: string;
  colorScheme: "light" | "dark";
  theme?: "light" | "dark";
  expect: "light" | "dark";
}
const MODES: Mode[] = [
  { name: "light via OS preference", colorScheme: "light", expect: "light" },
  { name: "dark via OS preference", colorScheme: "dark", expect: "dark" },
  { name: "light via data-theme (OS dark)", colorScheme: "dark", theme: "light", expect: "light" },
  { name: "dark via data-theme (OS light)", colorScheme: "light", theme: "dark", expect: "dark" },
];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One line per rule, then one per element (target, and why), at most 12 elements per rule. */
function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 12).map((n) => {
      const why = (n.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
      return `\n      ${JSON.stringify(n.target)}: ${why}`;
    });
    const more = v.nodes.length > 12 ? `\n      … and ${v.nodes.length - 12} more` : "";
    return `[${v.id}] (${v.impact}) ${v.help}: ${v.nodes.length} element(s)${nodes.join("")}${more}`;
  });
}

/** A step that must finish within `ms`, so that a stall names the step rather than time out the whole test. */
function within<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stall = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, stall]).finally(() => clearTimeout(timer));
}

/** Run axe on the page as it stands: every rule axe enables by default, or only `rules`. */
async function axeViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  const options = { resultTypes: ["violations"], ...(rules ? { runOnly: { type: "rule", values: rules } } : {}) };
  return (await within(
    "axe.run",
    60_000,
    page.evaluate(async (opts) => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, opts)).violations;
    }, options),
  )) as AxeViolation[];
}

describeInBrowser("accessibility (axe-core)", (ctx) => {
  const dir = inject("siteDir");

  for (const p of listPages(dir)) {
    for (const mode of MODES) {
      it(`${p.name}, ${mode.name}: no axe violations`, async () => {
        const { browser, url } = ctx();
        await inPage(browser, { viewport: { width: 1280, height: 800 }, colorScheme: mode.colorScheme }, async (page, context) => {
          if (mode.theme) await context.addInitScript((t) => localStorage.setItem("theme", t), mode.theme);
          // An unknown key for each widget makes its note show, so the note is checked too.
          const widgets = p.widgets ? widgetsOnPage(dir, p.path) : [];
          const query = widgets.length ? `?${widgets.map((w) => `${encodeURIComponent(w.id)}.axe-check=1`).join("&")}` : "";
          const response = await within("loading the page", 40_000, page.goto(new URL(p.path + query, url).href));
          expect(response?.status()).toBe(p.status);

          const applied = await page.evaluate(() => ({
            theme: document.documentElement.dataset.theme ?? null,
            dark: matchMedia("(prefers-color-scheme: dark)").matches,
            bg: getComputedStyle(document.documentElement).backgroundColor,
          }));
          expect(applied.theme, "data-theme").toBe(mode.theme ?? null);
          expect(applied.dark, "emulated OS preference").toBe(mode.colorScheme === "dark");
          // The page really is in the expected scheme: a dark background is dark.
          const [r, g, b] = applied.bg.match(/[\d.]+/g)!.map(Number);
          const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
          if (mode.expect === "dark") expect(luminance, `background ${applied.bg} is dark`).toBeLessThan(0.3);
          else expect(luminance, `background ${applied.bg} is light`).toBeGreaterThan(0.7);

          if (p.widgets) {
            expect(await loadAllWidgets(page)).toBe(widgets.length);
            const notes = await page.locator("figure-widget .widget-note:not([hidden])").count();
            expect(notes, "every widget shows its note").toBe(widgets.length);
            const spoken = await page.locator("figure-widget").evaluateAll(
              (els) =>
                els.filter((w) => {
                  const note = w.querySelector(".widget-note")?.textContent;
                  return !!note && w.querySelector(".widget-status[role=status]")?.textContent === note;
                }).length,
            );
            expect(spoken, "every widget's live region says its note").toBe(widgets.length);
          }
          await page.evaluate(() => {
            for (const d of document.querySelectorAll("details")) d.open = true;
            scrollTo(0, 0);
          });
          await page.waitForTimeout(100);
          const violations = await axeViolations(page);
          const report = describeViolations(violations);
          if (report.length) console.log(`axe violations on ${p.name}, ${mode.name}:\n  ${report.join("\n  ")}`);
          expect(report, `axe violations on ${p.name}, ${mode.name}`).toEqual([]);
        });
      });
    }

    // axe leaves this WCAG 2.2 rule off by default; Lighthouse runs it at 412 px.
    it(`${p.name}, on phones: every touch target is 24 px or has room around it (axe target-size)`, async () => {
      const { browser, url } = ctx();
      for (const viewport of [
        { width: 412, height: 823 },
        { width: 320, height: 568 },
      ]) {
        await inPage(browser, { viewport, isMobile: true, hasTouch: true }, async (page) => {
          const response = await within("loading the page", 40_000, page.goto(new URL(p.path, url).href));
          expect(response?.status()).toBe(p.status);
          // Lay every block out first. A skipped block (content-visibility: auto) is only as tall as its estimate,
          // and a geometry query lays its content out over the blocks that follow: axe would report targets that
          // overlap only there.
          await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
          const violations = await axeViolations(page, ["target-size"]);
          expect(describeViolations(violations), `${p.name} at ${viewport.width} px`).toEqual([]);
        });
      }
    });
  }
});
