/**
 * Course-wide KaTeX macros: the notation every chapter shares. Add a macro here
 * rather than in a chapter, so the notation stays one notation.
 */
export const katexMacros: Record<string, string> = {
  "\\R": "\\mathbb{R}",
  "\\sigmoid": "\\sigma",
  "\\sigmax": "\\sigma_{\\max}",
  "\\sigmin": "\\sigma_{\\min}",
  "\\diag": "\\operatorname{diag}",
  "\\sech": "\\operatorname{sech}",
  "\\act": "\\phi",
  "\\deriv": "\\frac{\\mathrm{d}#1}{\\mathrm{d}#2}",
  "\\pderiv": "\\frac{\\partial #1}{\\partial #2}",
  "\\abs": "\\left\\lvert #1 \\right\\rvert",
  "\\norm": "\\left\\lVert #1 \\right\\rVert",
  "\\bigO": "\\mathcal{O}",
};
