import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { checkSite, formatProblems } from "./site-links";

/** Fails `astro build` when a built page has a dangling link or anchor, naming the source file. */
export function checkLinks(base: string): AstroIntegration {
  return {
    name: "check-links",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const problems = checkSite(fileURLToPath(dir), base);
        if (problems.length > 0) {
          throw new Error(`${problems.length} broken link(s) in the built site:\n${formatProblems(problems)}`);
        }
        logger.info("every internal link and anchor resolves");
      },
    },
  };
}
