import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { KATEX_FACES } from "../../src/katex-faces";

it("KATEX_FACES names every woff2 face KaTeX ships, and nothing else", () => {
  const fonts = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist", "fonts");
  const shipped = readdirSync(fonts)
    .filter((f) => f.endsWith(".woff2"))
    .map((f) => f.replace(/^KaTeX_/, "").replace(/\.woff2$/, ""))
    .sort();
  expect([...KATEX_FACES].sort()).toEqual(shipped);
});
