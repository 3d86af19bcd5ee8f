#!/usr/bin/env node
// `npm run bench`: how long the site takes to build, what a first visit to
// each chapter downloads, and how fast each widget re-renders in Chromium.
// Prints numbers only; it asserts nothing (the budgets are tested in
// tests/e2e/budgets.test.ts) and exits 0 unless something crashes.
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { findChromium, INSTALL_HINT, launchChromium } from "../support/chromium.mjs";
import { serveStatic } from "../support/static-server.mjs";
import { buildSite, scratchOutDir } from "../support/build-site.mjs";
import { kib, listChapters, listPages, listWidgets, measureFirstLoad, percentile } from "../support/built-site.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const WIDGET_MARGIN = 300; // figure-widget.ts: IntersectionObserver rootMargin
const WARMUP = 5;
const RUNS = 100;
const CHAIN_DEPTH = 5000;
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
const build = buildSite({ cwd: ROOT, base: "/", outDir });
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
  console.log("(budgets, tested in tests/e2e/budgets.test.ts: total ≤ 120 KiB, JS before widgets ≤ 5 KiB)");
  for (const n of notes) console.log(`note: ${n}`);

  // ── 3. Widget update latency ─────────────────────────────────────────────
  section(`Widget update latency in Chromium (${RUNS} inputs after ${WARMUP} warm-up; input event → re-rendered SVG in the DOM)`);
  const latency = [];
  let chainP95;
  for (const slug of chapters) {
    for (const w of listWidgets(outDir, slug)) {
      const isChain = w.spec === "chain-gradient";
      const query = isChain ? `?${encodeURIComponent(`${w.id}.depth`)}=${CHAIN_DEPTH}` : "";
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(new URL(`chapters/${slug}/${query}`, server.url).href);
        const el = page.locator(`figure-widget[data-figure-id="${w.id}"]`);
        await el.scrollIntoViewIfNeeded();
        await page.waitForSelector(`figure-widget[data-figure-id="${w.id}"][data-ready]`, { timeout: 30_000 });
        await el.evaluate((node) => node.ready);
        const r = await el.evaluate(
          async (node, { warmup, runs }) => {
            const plot = node.querySelector(".figure-plot");
            // The x slider when there is one (the brief's measure), else the first control.
            const input =
              node.querySelector('input[type="range"][name="x"]') ??
              node.querySelector('input[type="range"]') ??
              node.querySelector("select");
            if (!input) return { error: "no control" };
            let values;
            if (input instanceof HTMLSelectElement) values = [...input.options].map((o) => o.value);
            else {
              const min = Number(input.min),
                max = Number(input.max),
                step = Number(input.step) || 1;
              // 37 values across the range, on the step grid, each different from the one before.
              values = Array.from({ length: 37 }, (_, i) => {
                const v = min + ((((i * 17) % 37) + 0.5) / 37) * (max - min);
                return String(Math.round(v / step) * step);
              });
            }
            const times = [];
            let notReplaced = 0;
            const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
            for (let i = 0; i < warmup + runs; i++) {
              const before = plot.querySelector("svg");
              const t0 = performance.now();
              input.value = values[i % values.length];
              input.dispatchEvent(new Event("input", { bubbles: true }));
              const t1 = performance.now();
              const after = plot.querySelector("svg");
              if (!after || after === before || !after.isConnected) notReplaced++;
              if (i >= warmup) times.push(t1 - t0);
              await frame();
            }
            return { control: input.name, times, notReplaced, value: node.value };
          },
          { warmup: WARMUP, runs: RUNS },
        );
        if (r.error) {
          latency.push([slug, `#${w.id}`, w.spec, "-", r.error, "", "", "", ""]);
          continue;
        }
        const p50 = percentile(r.times, 50);
        const p95 = percentile(r.times, 95);
        const max = Math.max(...r.times);
        const params = Object.entries(r.value)
          .filter(([k]) => k !== r.control)
          .map(([k, v]) => `${k}=${v}`)
          .join(" ");
        if (isChain && Number(r.value.depth) === CHAIN_DEPTH && chainP95 === undefined) chainP95 = p95;
        const replaced = r.notReplaced === 0 ? "yes" : `NO (${r.notReplaced} of ${WARMUP + RUNS} inputs)`;
        latency.push([
          slug,
          `#${w.id}`,
          w.spec,
          params || "(defaults)",
          r.control,
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
  console.log(table(["chapter", "widget", "figure", "fixed params", "input", "p50", "p95", "max", "SVG replaced synchronously"], latency));
  if (chainP95 === undefined)
    console.log(`\nchain-gradient at depth ${CHAIN_DEPTH}: not measured (no such widget, or the URL did not set the depth).`);
  else
    console.log(
      `\nchain-gradient at depth ${CHAIN_DEPTH}: p95 = ${ms(chainP95)} → target p95 ≤ ${FRAME_BUDGET_MS} ms (one frame): ${chainP95 <= FRAME_BUDGET_MS ? "MET" : "NOT MET"}`,
    );
} finally {
  await close();
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}
