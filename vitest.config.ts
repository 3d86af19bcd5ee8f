import { defineConfig } from "vitest/config";

// One command, `npm test`, runs everything:
// - unit: lib, figure specs (SVG snapshots), markdown plugins, content checks;
// - site: the built site (links, budgets) and the browser tests, against one
//   build under the sub-path /csc413/ made by tests/support/global-setup.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "tests/lib/**/*.test.ts",
            "tests/figures/**/*.test.ts",
            "tests/markdown/**/*.test.ts",
            "tests/content/**/*.test.ts",
            "tests/bench/**/*.test.ts",
          ],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machines here have two cores.
          fileParallelism: false,
          // One retry: on a loaded two-core machine Chromium has, rarely, stalled a page past the
          // test timeout (a different page each time). A real failure fails twice.
          retry: 1,
        },
      },
    ],
  },
});
