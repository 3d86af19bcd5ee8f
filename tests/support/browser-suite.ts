/**
 * Shared set-up for browser tests: serve the built site, launch Chromium once
 * per file, and skip (loudly, in global-setup) only when no Chromium exists
 * and the run does not require one.
 */
import { afterAll, beforeAll, describe, inject } from "vitest";
import type { Browser, BrowserContext as PlaywrightContext, BrowserContextOptions, Page } from "playwright-core";
import { findChromium, launchChromium } from "./chromium.mjs";
import { serveStatic } from "./static-server.mjs";

export interface BrowserContext {
  browser: Browser;
  /** Site root URL, ending with the base: http://127.0.0.1:PORT/csc413/ */
  url: string;
  dir: string;
}

/**
 * describe() that runs with a served site and a browser, or is skipped when there is no browser.
 * `chromiumArgs` adds flags to the browser's command line.
 */
export function describeInBrowser(name: string, body: (ctx: () => BrowserContext) => void, { chromiumArgs = [] as string[] } = {}) {
  const run = findChromium() ? describe : describe.skip;
  run(name, () => {
    let ctx: BrowserContext | undefined;
    let stop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const dir = inject("siteDir");
      const server = await serveStatic(dir, inject("siteBase"));
      const { browser, close } = await launchChromium({ args: chromiumArgs });
      ctx = { browser, url: server.url, dir };
      stop = async () => {
        await close();
        await server.close();
      };
    });
    afterAll(async () => stop?.());
    body(() => {
      if (!ctx) throw new Error("browser context used before beforeAll");
      return ctx;
    });
  });
}

/** Run `fn` with a fresh page in its own browser context, closed afterwards whatever happens. */
export async function inPage<T>(
  browser: Browser,
  options: BrowserContextOptions,
  fn: (page: Page, context: PlaywrightContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}
