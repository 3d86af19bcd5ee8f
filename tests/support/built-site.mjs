// Helpers shared by the benchmark (tests/bench/bench.mjs) and the browser
// tests (tests/e2e/*.test.ts): find the built pages and widgets, load every
// widget on a page, and measure what a first visit downloads.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Chapter slugs of a built site: every `chapters/<slug>/index.html`, sorted.
 * @param {string} dir the build output folder
 * @returns {string[]}
 */
export function listChapters(dir) {
  const root = join(dir, "chapters");
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "index.html")))
    .map((d) => d.name)
    .sort();
}

/**
 * @typedef {{ id: string, spec: string, values: Record<string, unknown> }} WidgetInfo
 *   id: the figure's id on the page; spec: its spec's id; values: the values it was built with.
 */

const decodeEntities = (s) =>
  s
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The `<figure-widget>` elements of a built page, read from its HTML.
 * @param {string} dir the build output folder
 * @param {string} path the page's path relative to the site root ("chapters/x/", "gallery/")
 * @returns {WidgetInfo[]}
 */
export function widgetsOnPage(dir, path) {
  const file = join(dir, path.replace(/\?.*$/, ""), "index.html");
  if (!existsSync(file)) return [];
  const html = readFileSync(file, "utf8");
  const widgets = [];
  for (const [tag] of html.matchAll(/<figure-widget\b[^>]*>/g)) {
    const attr = (name) => {
      const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`));
      return m ? decodeEntities(m[1] ?? m[2]) : undefined;
    };
    widgets.push({ id: attr("data-figure-id") ?? "", spec: attr("data-spec") ?? "", values: JSON.parse(attr("data-values") ?? "{}") });
  }
  return widgets;
}

/**
 * The widgets of a built chapter.
 * @param {string} dir
 * @param {string} slug
 */
export function listWidgets(dir, slug) {
  return widgetsOnPage(dir, `chapters/${slug}/`);
}

/**
 * Every page of the site, as paths relative to the site root URL.
 * The 404 page is reached through an address that does not exist.
 * @param {string} dir
 * @returns {{ name: string, path: string, status: number, chapter?: string, widgets?: boolean }[]}
 */
export function listPages(dir) {
  return [
    { name: "home", path: "", status: 200 },
    ...listChapters(dir).map((slug) => ({ name: `chapter ${slug}`, path: `chapters/${slug}/`, status: 200, chapter: slug, widgets: true })),
    { name: "search", path: "search/?q=fixed%20point", status: 200 },
    { name: "answer sheet", path: "answer-sheet/", status: 200 },
    { name: "notation", path: "notation/", status: 200 },
    { name: "references", path: "references/", status: 200 },
    // One of the figures' code pages (they share one template).
    { name: "code of a figure", path: "code/cobweb/", status: 200 },
    ...(existsSync(join(dir, "gallery", "index.html")) ? [{ name: "gallery", path: "gallery/", status: 200, widgets: true }] : []),
    { name: "404 (unknown address)", path: "no-such-page/really/", status: 404 },
  ];
}

/**
 * Scroll through the whole page, a viewport at a time (an IntersectionObserver
 * does not fire for an element jumped over), then wait until every widget on
 * it has mounted (`data-ready`). Throws, naming the widgets, if any has not.
 * @param {import("playwright-core").Page} page
 * @param {number} [timeout]
 * @returns {Promise<number>} how many widgets the page has
 */
export async function loadAllWidgets(page, timeout = 30_000) {
  // A page the browser considers hidden (others opened after it, side by side) makes no rendering
  // updates, and an IntersectionObserver reports nothing without them: widgets would never mount.
  await page.bringToFront();
  await page.evaluate(async () => {
    // A frame, or 250 ms if the browser is not producing frames (a page it considers hidden): never wait forever.
    const frame = () =>
      new Promise((r) => {
        requestAnimationFrame(() => setTimeout(r, 20));
        setTimeout(r, 250);
      });
    const step = Math.max(200, Math.floor(innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    // Blocks above change height as their widgets mount, and can carry a widget past a step unseen: visit each one left.
    for (const w of document.querySelectorAll("figure-widget:not([data-ready])")) {
      w.scrollIntoView({ block: "center" });
      await frame();
    }
  });
  try {
    await page.waitForFunction(() => [...document.querySelectorAll("figure-widget")].every((w) => w.hasAttribute("data-ready")), null, {
      timeout,
      polling: 100,
    });
  } catch {
    const pending = await page.evaluate(() =>
      [...document.querySelectorAll("figure-widget")]
        .filter((w) => !w.hasAttribute("data-ready"))
        .map((w) => w.getAttribute("data-figure-id")),
    );
    throw new Error(`widgets never became ready after scrolling the page: ${pending.join(", ")}`);
  }
  return page.evaluate(() => document.querySelectorAll("figure-widget").length);
}

/**
 * Category of a response for the byte budget.
 * @param {import("playwright-core").Response} response
 * @returns {"html" | "css" | "font" | "js" | "other"}
 */
export function categorize(response) {
  const type = response.request().resourceType();
  const contentType = response.headers()["content-type"] ?? "";
  const path = new URL(response.url()).pathname;
  if (type === "document" || contentType.startsWith("text/html")) return "html";
  if (type === "stylesheet" || /\.css$/.test(path)) return "css";
  if (type === "font" || /\.(woff2?|ttf|otf)$/.test(path)) return "font";
  if (type === "script" || /\.m?js$/.test(path)) return "js";
  return "other";
}

/**
 * Bytes a response took on the wire for its body (encoded: gzip as served).
 * @param {import("playwright-core").Response} response
 */
export async function encodedBodySize(response) {
  const sizes = await response.request().sizes();
  if (sizes.responseBodySize > 0) return sizes.responseBodySize;
  return Number(response.headers()["content-length"] ?? 0);
}

/**
 * @typedef {{ html: number, css: number, font: number, js: number, other: number, total: number }} Bytes
 * @typedef {{
 *   bytes: Bytes,
 *   jsBeforeWidgets: number,
 *   inlineScriptGzip: number,
 *   scripts: { url: string, bytes: number }[],
 *   files: { url: string, category: string, bytes: number }[],
 *   nearestWidgetTop: number | null,
 *   widgetsReadyAtTop: number,
 *   widgetCount: number,
 * }} FirstLoad
 */

/**
 * Load a page in a fresh context at the given viewport, stay at the top, and
 * sum the encoded bytes of everything the first load fetched (document, CSS,
 * fonts, JS, anything else), by category. Also reports where the nearest
 * widget is (its top, in CSS pixels from the top of the viewport) and how many
 * widgets mounted without scrolling, so a caller can check that no widget was
 * near enough to load its runtime.
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 * @param {{ width: number, height: number }} [viewport]
 * @returns {Promise<FirstLoad>}
 */
export async function measureFirstLoad(browser, url, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    /** @type {Promise<{ url: string, category: string, bytes: number }>[]} */
    const pending = [];
    page.on("response", (response) => {
      pending.push(encodedBodySize(response).then((bytes) => ({ url: response.url(), category: categorize(response), bytes })));
    });
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState("networkidle");
    // Give a widget that (wrongly) started loading time to show up in the count.
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const widgets = [...document.querySelectorAll("figure-widget")];
      const tops = widgets.map((w) => w.getBoundingClientRect().top);
      // Scripts the browser runs (not JSON data), written into the page.
      const inlineCode = [...document.querySelectorAll("script:not([src])")]
        .filter((s) => !s.type || s.type === "module" || s.type === "text/javascript")
        .map((s) => s.textContent ?? "");
      return {
        scrollY,
        nearestWidgetTop: tops.length ? Math.min(...tops) : null,
        widgetsReadyAtTop: widgets.filter((w) => w.hasAttribute("data-ready")).length,
        widgetCount: widgets.length,
        inlineCode,
      };
    });
    if (state.scrollY !== 0) throw new Error(`page did not stay at the top (scrollY = ${state.scrollY})`);
    const files = await Promise.all(pending);
    /** @type {Bytes} */
    const bytes = { html: 0, css: 0, font: 0, js: 0, other: 0, total: 0 };
    for (const f of files) {
      bytes[/** @type {keyof Bytes} */ (f.category)] += f.bytes;
      bytes.total += f.bytes;
    }
    const scripts = files.filter((f) => f.category === "js").map(({ url, bytes }) => ({ url, bytes }));
    // Inline code travels inside the gzipped document: count each script as if gzipped on its own, as a file would be.
    const inlineScriptGzip = state.inlineCode.reduce((n, code) => n + gzipSync(code).length, 0);
    return {
      bytes,
      jsBeforeWidgets: bytes.js + inlineScriptGzip,
      inlineScriptGzip,
      scripts,
      files,
      nearestWidgetTop: state.nearestWidgetTop,
      widgetsReadyAtTop: state.widgetsReadyAtTop,
      widgetCount: state.widgetCount,
    };
  } finally {
    await context.close();
  }
}

/**
 * Percentile (nearest rank) of a list of numbers.
 * @param {number[]} xs
 * @param {number} p in [0, 100]
 */
export function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Bytes as KiB with one decimal. @param {number} n */
export const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
