/**
 * Source excerpts for a figure's code page. Reads files relative to the project
 * root at build time; with `names`, only those exported functions (and the doc
 * comment above each) are shown. A name that is not found fails the build, so
 * a renamed function cannot leave a figure showing stale code.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CodeRef } from "./figure-spec";

/** The text of `export function name` (or `export const name`) with its doc comment, up to its closing line. */
export function extractExport(source: string, name: string): string | undefined {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^export (async )?(function\\*? |const |class )${name}\\b`).test(l));
  if (start < 0) return undefined;
  let from = start;
  if (lines[from - 1]?.trim().endsWith("*/")) {
    while (from > 0 && !lines[from].trim().startsWith("/**")) from--;
  }
  // A top-level declaration ends at the first line that closes it at column 0.
  let to = start;
  if (!/;\s*$/.test(lines[start])) {
    while (to < lines.length && !/^[}\]);]/.test(lines[to])) to++;
  }
  return lines.slice(from, to + 1).join("\n");
}

export function codeExcerpt(ref: CodeRef, root = process.cwd()): string {
  const source = readFileSync(resolve(root, ref.file), "utf8");
  if (!ref.names) return source.trimEnd();
  return ref.names
    .map((name) => {
      const text = extractExport(source, name);
      if (text === undefined) throw new Error(`${ref.file}: no exported "${name}" to show on a figure's code page.`);
      return text;
    })
    .join("\n\n");
}
