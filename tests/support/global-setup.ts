/**
 * Builds the site once for the "site" test project, the way an instructor
 * deploys it: under a sub-path (/csc413/), into a temporary folder. Tests read
 * the folder and base with `inject("siteDir")` / `inject("siteBase")`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { cleanBuildEnv } from "./build-env";
import { browserRequired, findChromium, INSTALL_HINT } from "./chromium.mjs";

export const SITE_BASE = "/csc413/";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
  }
}

export default function setup(project: TestProject) {
  // Inside the project: with an out dir elsewhere, Astro leaves its server
  // chunks beside the pages.
  mkdirSync(".test-sites", { recursive: true });
  const root = mkdtempSync(join(".test-sites", "site-"));
  const outDir = resolve(root, "dist");
  const result = spawnSync(process.execPath, ["node_modules/astro/astro.js", "build"], {
    env: { ...cleanBuildEnv(), SITE_BASE, SITE_OUT_DIR: outDir },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (!findChromium()) {
    const line = `BROWSER TESTS SKIPPED: no Chromium found; ${INSTALL_HINT}.`;
    if (browserRequired()) throw new Error(`${line} (CI or REQUIRE_BROWSER_TESTS=1 requires them)`);
    console.warn(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n`);
  }
  project.provide("siteDir", outDir);
  project.provide("siteBase", SITE_BASE);
  return () => rmSync(root, { recursive: true, force: true });
}
