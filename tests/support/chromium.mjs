// Launching the system Chromium (Debian's `chromium` package) with
// playwright-core: test tools cannot download their own browser here.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Path of a Chromium binary, or undefined when none is installed. */
export function findChromium() {
  return CANDIDATES.find((p) => p && existsSync(p));
}

/** Whether a missing browser must fail the run instead of skipping (CI, or asked for). */
export function browserRequired() {
  return Boolean(process.env.CI) || process.env.REQUIRE_BROWSER_TESTS === "1";
}

export const INSTALL_HINT = "install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH";

/**
 * Launch headless Chromium with a fresh temporary profile directory; the
 * returned close() also deletes it. Flags keep it off the network (this
 * machine has none) and working as root. `args` adds flags.
 * @param {{ args?: string[] }} [options]
 */
export async function launchChromium({ args = [] } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found: ${INSTALL_HINT}.`);
  const { chromium } = await import("playwright-core");
  const scratch = mkdtempSync(join(tmpdir(), "dc-chromium-"));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    env: { ...process.env, TMPDIR: scratch },
    // Playwright turns off Chromium's flooding protection, which a reader's
    // browser has: it ignores history updates past ~200 in ten seconds.
    ignoreDefaultArgs: ["--disable-ipc-flooding-protection"],
    args: [
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...args,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
