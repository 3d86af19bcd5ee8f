// Running `astro build` from a test or the benchmark, the way a user runs it.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join, resolve } from "node:path";

// Vitest puts Vite's own variables (BASE_URL, MODE, …) into its process;
// inherited by a child build they override the site's base and mode.
const VITE_KEYS = new Set(["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "TEST"]);

/** The environment without Vite's and Vitest's variables, telemetry off. */
export function cleanBuildEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_KEYS.has(k) && !k.startsWith("VITEST")));
  return { ...env, ASTRO_TELEMETRY_DISABLED: "1" };
}

/**
 * A fresh output folder under `<projectDir>/.test-sites/` (gitignored).
 * @param {string} [projectDir]
 */
export function scratchOutDir(projectDir = ".") {
  mkdirSync(join(projectDir, ".test-sites"), { recursive: true });
  const root = resolve(mkdtempSync(join(projectDir, ".test-sites", "site-")));
  return { root, outDir: join(root, "dist") };
}

/**
 * Build the site in `cwd` with the given base and output folder (undefined:
 * the project's default, dist/), with the figure gallery when asked.
 * Resolves to the exit status and all output.
 * @param {{ cwd?: string, base: string, outDir?: string, gallery?: boolean, siteUrl?: string }} options
 */
export function buildSite({ cwd = ".", base, outDir, gallery = false, siteUrl }) {
  // Asynchronous, so that several builds (the broken-chapter cases) can run side by side.
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/astro/astro.js", "build"], {
      cwd,
      env: {
        ...cleanBuildEnv(),
        SITE_BASE: base,
        SITE_GALLERY: gallery ? "1" : "",
        SITE_RECORD_BUILD: "0",
        SITE_URL: siteUrl ?? "",
        ...(outDir ? { SITE_OUT_DIR: outDir } : {}),
      },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}
