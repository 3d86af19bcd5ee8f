/** KaTeX's font faces, named as their files are (katex/dist/fonts/KaTeX_<face>.woff2). */
export const KATEX_FACES = [
  "AMS-Regular",
  "Caligraphic-Bold",
  "Caligraphic-Regular",
  "Fraktur-Bold",
  "Fraktur-Regular",
  "Main-Bold",
  "Main-BoldItalic",
  "Main-Italic",
  "Main-Regular",
  "Math-BoldItalic",
  "Math-Italic",
  "SansSerif-Bold",
  "SansSerif-Italic",
  "SansSerif-Regular",
  "Script-Regular",
  "Size1-Regular",
  "Size2-Regular",
  "Size3-Regular",
  "Size4-Regular",
  "Typewriter-Regular",
] as const;

export type KatexFace = (typeof KATEX_FACES)[number];

/** The faces nearly every formula uses: every page with math preloads them. */
export const COMMON_FACES: readonly KatexFace[] = ["Main-Regular", "Math-Italic"];
