// Lighthouse scores for `npm run bench`: performance, accessibility, best
// practices and SEO, on mobile and desktop, for every page of a built site
// served locally. Lighthouse 12.8 is the last line that runs on Node 20; it
// drives the system Chromium through chrome-launcher.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { findChromium } from "../support/chromium.mjs";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/**
 * Scores (0–100) of one URL per form factor, and the audits that cost points.
 * @param {string[]} urls
 * @returns {Promise<{ url: string, formFactor: "mobile" | "desktop", scores: Record<string, number>, failing: string[] }[]>}
 */
export async function lighthouseScores(urls) {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: [
      "--headless=new",
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
  const out = [];
  try {
    for (const url of urls) {
      for (const formFactor of ["mobile", "desktop"]) {
        const options = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
        const result = await lighthouse(url, options, formFactor === "desktop" ? desktopConfig : undefined);
        const lhr = result.lhr;
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
        // Audits that count towards a category and did not pass.
        const counted = new Set(CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
        const failing = Object.values(lhr.audits)
          .filter((a) => counted.has(a.id) && a.score !== null && a.score < 1)
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
        out.push({ url, formFactor, scores, failing });
      }
    }
  } finally {
    await chrome.kill();
  }
  return out;
}
