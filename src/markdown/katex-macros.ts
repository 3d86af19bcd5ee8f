/**
 * Course-wide KaTeX macros: the notation every chapter shares. Add a macro here
 * rather than in a chapter, so the notation stays one notation.
 */
export const katexMacros: Record<string, string> = {
  /** The activation of a generic layer. */
  "\\act": "\\phi",
  "\\sech": "\\operatorname{sech}",
  "\\abs": "\\left\\lvert #1 \\right\\rvert",
};
