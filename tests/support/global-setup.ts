/**
 * Builds the site once for the "site" test project, the way an instructor
 * deploys it: under a sub-path (/csc413/), into a temporary folder, plus the
 * figure gallery (/gallery/, which a deployed site leaves out), so every spec
 * and every kind of control is tested. Tests read the folder and base with
 * `inject("siteDir")` / `inject("siteBase")`.
 */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildSite, scratchOutDir } from "./build-site.mjs";
import { browserRequired, findChromium, INSTALL_HINT } from "./chromium.mjs";

export const SITE_BASE = "/csc413/";
/** Where the test build says it will be deployed: canonical links and the sitemap use it. */
export const SITE_URL = "https://courses.example.edu/csc413/";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
    siteUrl: string;
  }
}

export default function setup(project: TestProject) {
  const { root, outDir } = scratchOutDir();
  const { status, output } = buildSite({ base: SITE_BASE, outDir, gallery: true, siteUrl: SITE_URL });
  if (status !== 0) throw new Error(`astro build failed:\n${output}`);
  if (!findChromium()) {
    const line = `BROWSER TESTS SKIPPED: no Chromium found; ${INSTALL_HINT}.`;
    if (browserRequired()) throw new Error(`${line} (CI or REQUIRE_BROWSER_TESTS=1 requires them)`);
    console.warn(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n`);
  }
  project.provide("siteDir", outDir);
  project.provide("siteBase", SITE_BASE);
  project.provide("siteUrl", SITE_URL);
  return () => rmSync(root, { recursive: true, force: true });
}
