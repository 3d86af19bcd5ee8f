// Lighthouse scores for `npm run bench`: performance, accessibility, best
// practices and SEO, on mobile and desktop, for every page of a built site
// served locally. Lighthouse 12.8 is the last line that runs on Node 20; it
// drives the system Chromium through chrome-launcher.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { throttling } from "lighthouse/core/config/constants.js";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { findChromium } from "../support/chromium.mjs";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/** Lighthouse's own mobile CPU slowdown (4×), as PageSpeed Insights and its CLI use it. */
export const DEFAULT_CPU_SLOWDOWN = throttling.mobileSlow4G.cpuSlowdownMultiplier;

/**
 * Lighthouse's mobile profile slows the CPU 4×, which turns a high-end desktop
 * (benchmarkIndex 1500–2000) into the mid-tier phone it means to emulate. On a
 * slower host the same 4× emulates a slower phone, on a faster host a faster
 * one. Lighthouse's throttling guide ("Calibrating the CPU slowdown",
 * docs/throttling.md, and the calculator it links to) maps the host's
 * benchmarkIndex to the multiplier that reaches that phone: 1× at 150, 2× at
 * 800, 3× at 1300, then one more per 233. This is that map, linear between
 * those points.
 * @param {number} benchmarkIndex
 */
export function calibratedCpuSlowdown(benchmarkIndex) {
  if (!(benchmarkIndex > 150)) return 1;
  if (benchmarkIndex < 800) return 1 + (benchmarkIndex - 150) / 650;
  if (benchmarkIndex < 1300) return 2 + (benchmarkIndex - 800) / 500;
  return 3 + (benchmarkIndex - 1300) / 233;
}

/**
 * Scores (0–100) of one URL per form factor, the audits that cost points,
 * when the page first painted in the unthrottled load Lighthouse simulates
 * from (ms; its simulated Speed Index is mostly 1.4 × the observed one), and
 * the host's benchmarkIndex as Lighthouse measured it for that run (the figure
 * its throttling guide calibrates from). Mobile runs slow the CPU by
 * `cpuSlowdown`.
 * @param {string[]} urls
 * @param {{ cpuSlowdown?: number, formFactors?: ("mobile" | "desktop")[] }} [options]
 * @returns {Promise<{ url: string, formFactor: "mobile" | "desktop", scores: Record<string, number>, failing: string[], observedFirstPaint: number | undefined, benchmarkIndex: number }[]>}
 */
export async function lighthouseScores(urls, { cpuSlowdown = DEFAULT_CPU_SLOWDOWN, formFactors = ["mobile", "desktop"] } = {}) {
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
      for (const formFactor of formFactors) {
        const options = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
        if (formFactor === "mobile") options.throttling = { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown };
        const result = await lighthouse(url, options, formFactor === "desktop" ? desktopConfig : undefined);
        const lhr = result.lhr;
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
        // Audits that count towards a category and did not pass.
        const counted = new Set(CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
        const failing = Object.values(lhr.audits)
          .filter((a) => counted.has(a.id) && a.score !== null && a.score < 1)
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
        const observedFirstPaint = lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint;
        out.push({ url, formFactor, scores, failing, observedFirstPaint, benchmarkIndex: lhr.environment.benchmarkIndex });
      }
    }
  } finally {
    await chrome.kill();
  }
  return out;
}
