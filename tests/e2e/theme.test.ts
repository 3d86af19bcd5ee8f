/**
 * The theme switch: auto → light → dark → auto, shown on the button, applied
 * as data-theme, remembered across a reload (localStorage "theme"), and really
 * changing the colours, also against the OS preference.
 */
import { expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { describeInBrowser, inPage } from "../support/browser-suite";
import { listPages } from "../support/built-site.mjs";

/**
 * The background the reader sees behind the text: body's computed background,
 * or, when body is transparent (the canvas then takes the root's background),
 * the root's.
 */
const background = (page: Page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body).backgroundColor;
    const transparent = body === "transparent" || /^rgba\(.*,\s*0\)$/.test(body);
    return { body, seen: transparent ? getComputedStyle(document.documentElement).backgroundColor : body };
  });
const textColour = (page: Page) => page.evaluate(() => getComputedStyle(document.body).color);
const theme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-theme"));
const stored = (page: Page) => page.evaluate(() => localStorage.getItem("theme"));

describeInBrowser("theme toggle", (ctx) => {
  const dir = inject("siteDir");

  for (const p of listPages(dir).filter((p) => p.status === 200)) {
    it(`${p.name}: the toggle cycles auto → light → dark → auto, is remembered across reloads, and changes the colours`, async () => {
      const { browser, url } = ctx();
      const href = new URL(p.path, url).href;
      // OS preference light: "dark" must come from the reader's choice.
      await inPage(browser, { colorScheme: "light" }, async (page) => {
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(href);
        const toggle = page.locator("[data-theme-toggle]");
        expect(await toggle.count(), "one theme toggle").toBe(1);
        expect(await theme(page)).toBeNull();
        expect(await toggle.textContent()).toMatch(/auto/i);
        const auto = await background(page);

        await toggle.click();
        expect(await theme(page)).toBe("light");
        expect(await toggle.textContent()).toMatch(/light/i);
        expect(await stored(page)).toBe("light");
        const light = { bg: await background(page), fg: await textColour(page) };
        expect(light.bg.seen, "light theme = the light OS default").toBe(auto.seen);

        await toggle.click();
        expect(await theme(page)).toBe("dark");
        expect(await toggle.textContent()).toMatch(/dark/i);
        expect(await stored(page)).toBe("dark");
        const dark = { bg: await background(page), fg: await textColour(page) };
        console.log(
          `${p.name}: body background light ${light.bg.body} / dark ${dark.bg.body}; seen light ${light.bg.seen} / dark ${dark.bg.seen}`,
        );
        expect(dark.bg.seen, "background differs between light and dark").not.toBe(light.bg.seen);
        expect(dark.fg, "text colour differs between light and dark").not.toBe(light.fg);

        // The choice survives a reload, before and after scripts run.
        await page.reload();
        expect(await theme(page)).toBe("dark");
        expect(await toggle.textContent()).toMatch(/dark/i);
        expect((await background(page)).seen).toBe(dark.bg.seen);

        // Back to auto: the attribute and the stored choice are gone, also after a reload.
        await toggle.click();
        expect(await theme(page)).toBeNull();
        expect(await stored(page)).toBeNull();
        expect(await toggle.textContent()).toMatch(/auto/i);
        await page.reload();
        expect(await theme(page)).toBeNull();
        expect((await background(page)).seen).toBe(auto.seen);
        expect(errors).toEqual([]);
      });
    });
  }

  it("with no choice stored, the OS preference applies; a stored choice overrides it", async () => {
    const { browser, url } = ctx();
    const seen: Record<string, string> = {};
    for (const [name, colorScheme, choice] of [
      ["os-light", "light", null],
      ["os-dark", "dark", null],
      ["light-over-os-dark", "dark", "light"],
      ["dark-over-os-light", "light", "dark"],
    ] as const) {
      await inPage(browser, { colorScheme }, async (page, context) => {
        if (choice) await context.addInitScript((t) => localStorage.setItem("theme", t), choice);
        await page.goto(url);
        expect(await theme(page)).toBe(choice);
        seen[name] = (await background(page)).seen;
      });
    }
    console.log(`backgrounds: ${JSON.stringify(seen)}`);
    expect(seen["os-dark"]).not.toBe(seen["os-light"]);
    expect(seen["light-over-os-dark"]).toBe(seen["os-light"]);
    expect(seen["dark-over-os-light"]).toBe(seen["os-dark"]);
  });
});
