#!/usr/bin/env node
// `npm run bench`: how long the site takes to build, what a first visit to
// each chapter downloads, how fast each widget re-renders in Chromium (at the
// largest values its sliders allow), how long the heavy lib computations take,
// and every page's Lighthouse scores.
// Prints numbers only; it asserts nothing (the budgets are tested in
// tests/e2e/budgets.test.ts) and exits 0 unless something crashes.
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { findChromium, INSTALL_HINT, launchChromium } from "../support/chromium.mjs";
import { serveStatic } from "../support/static-server.mjs";
import { buildSite, scratchOutDir } from "../support/build-site.mjs";
import { CATEGORIES, calibratedCpuSlowdown, DEFAULT_CPU_SLOWDOWN, lighthouseScores } from "./lighthouse.mjs";
import { libTimings } from "./lib-timing.mjs";
import { kib, listChapters, listPages, listWidgets, measureFirstLoad, percentile } from "../support/built-site.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const WIDGET_MARGIN = 300; // figure-widget.ts: IntersectionObserver rootMargin
const WARMUP = 5;
const RUNS = 100;
/** Worker figures take up to seconds per update: fewer runs. */
const WORKER_RUNS = 5;
const FRAME_BUDGET_MS = 16;

/** Render rows as a table with aligned columns; numbers right-aligned. */
function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const right = header.map((_, i) => rows.every((r) => typeof r[i] === "number" || /^[\d.,]+( ?(KiB|ms|B|s))?$/.test(String(r[i]))));
  const line = (r) =>
    r
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(all[0]), widths.map((w) => "─".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

const section = (title) => console.log(`\n${title}\n${"═".repeat(title.length)}`);
const ms = (x) => `${x.toFixed(2)} ms`;

// ── 1. Build ────────────────────────────────────────────────────────────────
section("Build");
const { root: scratch, outDir } = scratchOutDir(ROOT);
const t0 = performance.now();
const build = await buildSite({ cwd: ROOT, base: "/", outDir });
const buildSeconds = (performance.now() - t0) / 1000;
if (build.status !== 0) {
  console.error(`astro build failed (exit ${build.status}):\n${build.output}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
}
const chapters = listChapters(outDir);
console.log(
  `astro build of the whole site (${chapters.length} chapter(s); ${listPages(outDir).length} pages tested) into a temporary folder, wall clock: ${buildSeconds.toFixed(1)} s`,
);

if (!findChromium()) {
  console.log(`\nNo Chromium: skipping the browser measurements (${INSTALL_HINT}).`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}

const server = await serveStatic(outDir, "/");
const { browser, close } = await launchChromium();
try {
  // ── 2. Bytes of a first visit ────────────────────────────────────────────
  section(`First load per chapter (gzip as served, ${VIEWPORT.width}×${VIEWPORT.height}, scrolled to the top)`);
  const rows = [];
  const notes = [];
  for (const slug of chapters) {
    const href = new URL(`chapters/${slug}/`, server.url).href;
    const first = await measureFirstLoad(browser, href, VIEWPORT);
    let js = first;
    if (first.nearestWidgetTop !== null && first.nearestWidgetTop <= VIEWPORT.height + WIDGET_MARGIN) {
      // A widget starts within reach of the first viewport: measure the JS with a shorter one.
      const viewport = { width: VIEWPORT.width, height: Math.max(200, Math.floor(first.nearestWidgetTop - WIDGET_MARGIN - 20)) };
      js = await measureFirstLoad(browser, href, viewport);
      notes.push(
        `${slug}: a widget is ${Math.round(first.nearestWidgetTop)} px from the top; "JS before widgets" measured at ${viewport.width}×${viewport.height}.`,
      );
    }
    if (js.widgetsReadyAtTop > 0)
      notes.push(`${slug}: ${js.widgetsReadyAtTop} widget(s) mounted without scrolling; "JS before widgets" includes their runtime.`);
    const b = first.bytes;
    rows.push([slug, kib(b.html), kib(b.css), kib(b.font), kib(b.js), kib(b.other), kib(b.total), kib(js.jsBeforeWidgets)]);
  }
  console.log(table(["chapter", "HTML", "CSS", "fonts", "JS", "other", "total", "JS before widgets"], rows));
  console.log("(budgets, tested in tests/e2e/budgets.test.ts: total ≤ 100 KiB, JS before widgets ≤ 5 KiB)");
  for (const n of notes) console.log(`note: ${n}`);

  // ── 3. Widget update latency ─────────────────────────────────────────────
  // Every widget, with every slider at its largest value (the most work), on
  // its first slider: input event → new SVG in the DOM. Figures computed on
  // the page redraw synchronously; worker figures are timed until the final
  // drawing (fewer runs: each takes up to seconds).
  section(
    `Widget update latency in Chromium, every slider at its maximum (input event → redrawn SVG; ${RUNS} inputs after ${WARMUP} warm-up, ${WORKER_RUNS} for worker figures)`,
  );
  const latency = [];
  const overBudget = [];
  for (const slug of chapters) {
    for (const w of listWidgets(outDir, slug)) {
      const href = new URL(`chapters/${slug}/`, server.url).href;
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        const mount = async (url) => {
          await page.goto(url);
          const el = page.locator(`figure-widget[data-figure-id="${w.id}"]`);
          await el.scrollIntoViewIfNeeded();
          await page.waitForSelector(`figure-widget[data-figure-id="${w.id}"][data-ready]`, { timeout: 30_000 });
          await el.evaluate((node) => node.ready);
          await page.waitForFunction(
            (id) => !document.querySelector(`figure-widget[data-figure-id="${id}"] .figure-plot[aria-busy]`),
            w.id,
            { timeout: 120_000 },
          );
          return el;
        };
        let el = await mount(href);
        // Every slider to its maximum, through the URL as a reader's link would.
        const maxima = await el.evaluate((node) =>
          [...node.querySelectorAll("[data-param]")].flatMap((c) => {
            const range = c.querySelector('input[type="range"]');
            return range ? [[c.getAttribute("data-param"), range.max]] : [];
          }),
        );
        if (maxima.length === 0) {
          latency.push([slug, `#${w.id}`, w.spec, "-", "no slider", "", "", "", ""]);
          continue;
        }
        const query = new URLSearchParams(maxima.map(([k, v]) => [`${w.id}.${k}`, v]));
        el = await mount(`${href}?${query}`);
        const worker = (await el.getAttribute("data-compute")) === "worker";
        const r = await el.evaluate(
          async (node, { warmup, runs, key }) => {
            const plot = node.querySelector(".figure-plot");
            const input = node.querySelector(`[data-param="${key}"] input[type="range"]`);
            const min = Number(input.min),
              max = Number(input.max),
              step = Number(input.step) || 1;
            // Values across the range, on the step grid, each different from the one before; the maximum included.
            const values = Array.from({ length: 37 }, (_, i) =>
              String(Math.round((min + (((i * 17) % 37) / 36) * (max - min)) / step) * step),
            );
            const times = [];
            let notReplaced = 0;
            const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
            const idle = () =>
              new Promise((r) => {
                const check = () => (plot.hasAttribute("aria-busy") ? setTimeout(check, 5) : r());
                check();
              });
            for (let i = 0; i < warmup + runs; i++) {
              const before = plot.querySelector("svg");
              const t0 = performance.now();
              input.value = values[i % values.length];
              input.dispatchEvent(new Event("input", { bubbles: true }));
              await idle();
              const t1 = performance.now();
              const after = plot.querySelector("svg");
              if (!after || after === before || !after.isConnected) notReplaced++;
              if (i >= warmup) times.push(t1 - t0);
              await frame();
            }
            return { times, notReplaced, value: node.value };
          },
          { warmup: worker ? 1 : WARMUP, runs: worker ? WORKER_RUNS : RUNS, key: maxima[0][0] },
        );
        const p50 = percentile(r.times, 50);
        const p95 = percentile(r.times, 95);
        const max = Math.max(...r.times);
        const fixed = Object.entries(r.value)
          .filter(([k]) => k !== maxima[0][0])
          .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`)
          .join(" ");
        if (!worker && p95 > FRAME_BUDGET_MS) overBudget.push(`#${w.id} (${w.spec}): p95 ${ms(p95)}`);
        const replaced = r.notReplaced === 0 ? "yes" : `NO (${r.notReplaced})`;
        latency.push([
          slug,
          `#${w.id}`,
          w.spec,
          fixed,
          `${maxima[0][0]}${worker ? " (worker)" : ""}`,
          ms(p50),
          ms(p95),
          ms(max),
          replaced + (errors.length ? `; page errors: ${errors.join("; ")}` : ""),
        ]);
      } finally {
        await context.close();
      }
    }
  }
  console.log(table(["chapter", "widget", "spec", "other values", "input", "p50", "p95", "max", "SVG replaced"], latency));
  console.log(
    `\nTarget: p95 ≤ ${FRAME_BUDGET_MS} ms (one frame) for figures computed on the page. ` +
      (overBudget.length ? `NOT MET by ${overBudget.join(", ")}.` : "Met by every such widget."),
  );

  // ── 4. The heavy lib computations at the issues' sizes ──────────────────
  section("Heavy lib computations in Node, at the sizes the issues name (p50 of 3 runs)");
  console.log(table(["computation", "size", "wall", "CPU", "target"], await libTimings()));

  // ── 5. Lighthouse ────────────────────────────────────────────────────────
  // The target is Lighthouse's default settings, as PageSpeed Insights and the
  // CLI use them. A second mobile pass slows the CPU by what Lighthouse's
  // throttling guide gives for this host's benchmarkIndex, to show what the
  // same mid-tier phone would see when the host is not the desktop 4× assumes.
  section(`Lighthouse 12.8 (simulated throttling, default settings: mobile CPU ${DEFAULT_CPU_SLOWDOWN}×), every page, mobile and desktop`);
  const pageNames = new Map(
    listPages(outDir)
      .filter((p) => p.status === 200)
      .map((p) => [new URL(p.path, server.url).href, p.name]),
  );
  const urls = [...pageNames.keys()];
  const report = (runs) => {
    console.log(
      table(
        ["page", "form factor", ...CATEGORIES],
        runs.map((r) => [pageNames.get(r.url), r.formFactor, ...CATEGORIES.map((c) => r.scores[c])]),
      ),
    );
    // Pages under 100 somewhere, with the audits that cost the points (an audit can
    // score under 1 while its category still rounds to 100: those are not listed).
    const short = runs.filter((r) => CATEGORIES.some((c) => r.scores[c] < 100));
    for (const r of short) {
      const painted = r.observedFirstPaint === undefined ? "" : `; unthrottled, it first painted at ${Math.round(r.observedFirstPaint)} ms`;
      console.log(`${new URL(r.url).pathname} (${r.formFactor}) loses points on: ${r.failing.join(", ")}${painted}`);
    }
    return short.length === 0;
  };
  const lh = await lighthouseScores(urls);
  console.log(
    report(lh) ? "Target 100 in all four categories: met on every page." : "Target 100 in all four categories: not met where listed above.",
  );

  const benchmarkIndex = percentile(
    lh.map((r) => r.benchmarkIndex),
    50,
  );
  const cpuSlowdown = Math.round(calibratedCpuSlowdown(benchmarkIndex) * 10) / 10;
  section(`Lighthouse on mobile with the CPU slowdown calibrated to this host (${cpuSlowdown}×)`);
  console.log(
    `Lighthouse measured this host's benchmarkIndex at ${Math.round(benchmarkIndex)} (median of its runs above). ` +
      `Its ${DEFAULT_CPU_SLOWDOWN}× assumes 1500–2000; its throttling guide gives ${cpuSlowdown}× for this host to emulate the same phone.`,
  );
  if (Math.abs(cpuSlowdown - DEFAULT_CPU_SLOWDOWN) < 0.5) console.log("That is within 0.5× of the default: the table above stands for it.");
  else report(await lighthouseScores(urls, { cpuSlowdown, formFactors: ["mobile"] }));
} finally {
  await close();
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}
