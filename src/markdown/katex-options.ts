import type { KatexOptions } from "katex";
import { katexMacros } from "./katex-macros";

/**
 * One KaTeX configuration for the whole site, used by rehype-katex for the
 * chapters' `$…$` math and by <Tex> for math with computed numbers in it.
 * `strict: "error"` turns KaTeX's strict-mode warnings into errors, which the
 * build then reports with the file and the TeX (see rehype-math-errors.ts).
 */
export const katexOptions: KatexOptions = {
  macros: katexMacros,
  strict: "error",
  trust: false,
  output: "htmlAndMathml",
};
