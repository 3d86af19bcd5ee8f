import type { Plugin } from "vite";

/**
 * KaTeX's stylesheet lists each font as woff2, woff and ttf, so importing it
 * copies all three formats into the build. Every browser we target reads
 * woff2; keep only that source in each @font-face.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: "katex-woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/katex(\.min)?\.css(\?.*)?$/.test(id)) return null;
      return code.replace(/(url\([^)]*\.woff2\) format\("woff2"\))(,url\([^)]*\) format\("(woff|truetype)"\))+/g, "$1");
    },
  };
}
