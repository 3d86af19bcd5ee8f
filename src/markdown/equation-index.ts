/**
 * Labelled display equations across all chapters. A chapter labels an equation
 * with `\label{name}` inside `$$…$$`; equations are numbered per chapter in
 * order of appearance, and any chapter can refer to one with the Markdown link
 * `[](eq:name)`. The index is built from the chapter sources themselves, so a
 * reference to another chapter resolves without building that chapter first.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

export interface ChapterSource {
  slug: string;
  section: string;
  path: string;
  source: string;
}

export interface EquationEntry {
  label: string;
  slug: string;
  section: string;
  number: number;
  path: string;
}

// Fences on lines of their own, indented when the equation sits in a list item.
const DISPLAY_MATH = /^[ \t]*\$\$([\s\S]*?)^[ \t]*\$\$/gm;
const LABEL = /\\label\{([^}]*)\}/g;
const LABEL_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Element id of a labelled equation (also its URL fragment). */
export function equationId(label: string): string {
  return `eq-${label}`;
}

/** Labels found in display math, in order; throws on a malformed or repeated label. */
export function labelsIn(chapter: ChapterSource): string[] {
  const labels: string[] = [];
  for (const block of chapter.source.matchAll(DISPLAY_MATH)) {
    const found = [...block[1].matchAll(LABEL)].map((m) => m[1]);
    if (found.length > 1) {
      throw new Error(`${chapter.path}: one display equation has ${found.length} labels (${found.join(", ")}); give it one.`);
    }
    labels.push(...found);
  }
  for (const label of labels) {
    if (!LABEL_NAME.test(label)) {
      throw new Error(`${chapter.path}: equation label "${label}" must be lower-case letters, digits and hyphens.`);
    }
  }
  return labels;
}

/** Number every labelled equation of every chapter; a label may be used once site-wide. */
export function indexEquations(chapters: ChapterSource[]): Map<string, EquationEntry> {
  const index = new Map<string, EquationEntry>();
  for (const chapter of chapters) {
    labelsIn(chapter).forEach((label, i) => {
      const previous = index.get(label);
      if (previous) {
        throw new Error(`${chapter.path}: equation label "${label}" is already used in ${previous.path}.`);
      }
      index.set(label, { label, slug: chapter.slug, section: chapter.section, number: i + 1, path: chapter.path });
    });
  }
  return index;
}

/** Read the chapter sources (slug from the file name, section from the frontmatter). */
export function readChapterSources(dir: string): ChapterSource[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const source = readFileSync(path, "utf8");
      const section = /^section:\s*["']?([^"'\n]+)["']?\s*$/m.exec(source)?.[1]?.trim() ?? "?";
      return { slug: basename(name, ".mdx"), section, path, source };
    });
}
