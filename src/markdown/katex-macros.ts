/**
 * Course-wide KaTeX macros: the notation every chapter shares. Add a macro here
 * rather than in a chapter, so the notation stays one notation.
 */
export const katexMacros: Record<string, string> = {
  /** The activation of a generic layer. */
  "\\act": "\\phi",
  "\\sech": "\\operatorname{sech}",
  "\\abs": "\\left\\lvert #1 \\right\\rvert",
  /** The Euclidean norm of a vector (the spectral norm of a matrix). */
  "\\norm": "\\left\\lVert #1 \\right\\rVert",
  /** A diagonal matrix with the given entries. */
  "\\diag": "\\operatorname{diag}",
  /** Largest and smallest singular value of a matrix. */
  "\\smax": "\\sigma_{\\max}",
  "\\smin": "\\sigma_{\\min}",
};
