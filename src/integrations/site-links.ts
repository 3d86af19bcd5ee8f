/**
 * Checks a built site: every internal link, asset and #fragment resolves, and
 * nothing a page loads (script, style, font, image) comes from another origin.
 * Used by the build (fails it, naming the source file) and by the site tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";
import { chapterSlugOf, chapterSource } from "../paths";

export interface LinkProblem {
  page: string; // path of the HTML file, relative to the output directory
  source: string; // the file a contributor edits to fix it
  message: string;
}

/** Every HTML page under the output directory `dir`: paths relative to it, "/"-separated, sorted. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.split(sep).join("/"))
    .sort();
}

/** The source that produced a built page, so an error names a file someone can edit. */
export function sourceOfPage(page: string): string {
  const slug = chapterSlugOf(`/${page.replace(/index\.html$/, "")}`, "/");
  if (slug) return chapterSource(slug);
  if (page === "index.html") return "src/pages/index.astro";
  return `src/pages/${page.replace(/(\/index)?\.html$/, "") || "index"}.astro`;
}

/** Resolve a site path (already stripped of the base) to a file in the output. */
function resolveFile(dir: string, path: string): string | undefined {
  const decoded = decodeURIComponent(path);
  const candidates =
    decoded.endsWith("/") || decoded === "" ? [join(dir, decoded, "index.html")] : [join(dir, decoded), join(dir, decoded, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    ids = new Set([...document.querySelectorAll("[id]")].map((e) => e.getAttribute("id") ?? ""));
    idCache.set(file, ids);
  }
  return ids;
}

const LOADED = [
  ["script[src]", "src"],
  ["link[rel~=stylesheet][href]", "href"],
  ["link[rel~=icon][href]", "href"],
  ["link[rel~=preload][href]", "href"],
  ["link[rel~=modulepreload][href]", "href"],
  ["img[src]", "src"],
  ["source[srcset]", "srcset"],
] as const;

/** Check every page under `dir`, built with `base` ("/" or "/csc413/"). */
export function checkSite(dir: string, base: string): LinkProblem[] {
  idCache.clear();
  const problems: LinkProblem[] = [];
  for (const page of htmlFiles(dir)) {
    const file = join(dir, page);
    const { document } = parseHTML(readFileSync(file, "utf8"));
    const report = (message: string) => problems.push({ page, source: sourceOfPage(page), message });

    for (const [selector, attr] of LOADED) {
      for (const el of document.querySelectorAll(selector)) {
        const url = el.getAttribute(attr) ?? "";
        if (/^(https?:)?\/\//.test(url)) report(`loads ${url} from another origin (${selector})`);
      }
    }

    const anchors = [...document.querySelectorAll("a[href], link[href], script[src], img[src]")];
    for (const el of anchors) {
      const url = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) continue; // other origin or scheme: not ours to resolve
      const [rawPath, fragment] = url.split("#", 2);
      const pathOnly = rawPath.split("?")[0];
      let target = file;
      if (pathOnly !== "") {
        if (!pathOnly.startsWith("/")) {
          report(`relative link "${url}" breaks under a sub-path; use a site-absolute link`);
          continue;
        }
        if (!pathOnly.startsWith(base)) {
          report(`link "${url}" is outside the base ${base}`);
          continue;
        }
        const resolved = resolveFile(dir, pathOnly.slice(base.length));
        if (!resolved) {
          report(`link "${url}" does not resolve to a page or file`);
          continue;
        }
        target = resolved;
      }
      if (fragment !== undefined && fragment !== "" && target.endsWith(".html")) {
        if (!idsOf(target).has(decodeURIComponent(fragment))) {
          report(`link "${url}" points to #${fragment}, which ${relative(dir, target)} does not have`);
        }
      }
    }
  }
  return problems;
}

/** Format problems as one readable block, grouped by the file to edit. */
export function formatProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.source} (${p.page}): ${p.message}`).join("\n");
}
