/**
 * Files for deploying: a record of the last build (so `npm run preview`
 * serves a sub-path build at its sub-path without being told again), and,
 * when the site's URL is known (SITE_URL), a sitemap of every page. A build
 * into a folder outside the project ships only the site (see below).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const RECORD = ".astro/last-build.json";

export interface LastBuild {
  base: string;
  outDir: string;
}

/** The base and output folder of the last `astro build` in this project, if any. */
export function readLastBuild(root = "."): LastBuild | undefined {
  const path = join(root, RECORD);
  if (!existsSync(path)) return undefined;
  const last = JSON.parse(readFileSync(path, "utf8")) as LastBuild;
  return existsSync(resolve(root, last.outDir)) ? last : undefined;
}

/** The value of `--name value` or `--name=value` in a command line (Astro's own --base and --outDir), if given. */
export function commandLineOption(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].startsWith(`--${name}=`) ? argv[i].slice(name.length + 3) : argv[i + 1];
}

/** Pages for the sitemap: every index.html but the gallery (not part of a deployed site) and search (a form, with nothing to index). */
export function sitemapPaths(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(sep).join("/"))
    .filter((f) => f.endsWith("index.html") && !f.startsWith("gallery/") && !f.startsWith("search/"))
    .map((f) => f.replace(/index\.html$/, ""))
    .sort();
}

export function sitemapXml(site: string, base: string, paths: string[]): string {
  const urls = paths.map((p) => `  <url><loc>${new URL(base + p, site).href}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * Astro builds into a folder outside the project by way of its cache folder
 * (.astro/), then copies everything in that folder into the output (content
 * schemas, module maps, the record above) and deletes it. What the cache held
 * when the build started is not part of the site: these are the names to
 * remove from such an output.
 */
export function cacheLeftovers(outDir: string, projectDir: string, cacheNames: readonly string[]): string[] {
  const inside = resolve(outDir).startsWith(resolve(projectDir) + sep);
  return inside ? [] : cacheNames.filter((name) => existsSync(join(outDir, name)));
}

export function deployFiles(options: { base: string; outDir: string }): AstroIntegration {
  let cacheNames: string[] = [];
  return {
    name: "deploy-files",
    hooks: {
      "astro:build:start": () => {
        cacheNames = existsSync(".astro") ? readdirSync(".astro") : [];
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const name of cacheLeftovers(out, process.cwd(), cacheNames)) rmSync(join(out, name), { recursive: true, force: true });
        // Test and benchmark builds (SITE_RECORD_BUILD=0) go to scratch folders: not what a reader previews.
        if (process.env.SITE_RECORD_BUILD !== "0") {
          mkdirSync(".astro", { recursive: true });
          writeFileSync(RECORD, JSON.stringify({ base: options.base, outDir: options.outDir } satisfies LastBuild));
        }
        const site = process.env.SITE_URL;
        if (site) {
          writeFileSync(join(out, "sitemap.xml"), sitemapXml(site, options.base, sitemapPaths(out)));
          logger.info(`sitemap.xml written for ${site}`);
        }
      },
    },
  };
}
