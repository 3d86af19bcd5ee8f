/**
 * Citations: how a reference is named in the text ("He et al. 2016"), where
 * it is listed, and which chapters cite which reference (read from the
 * chapter sources, as equation labels are, so any page can know it without
 * rendering the chapters).
 */
import { readChapterSources } from "./markdown/equation-index";

export interface Reference {
  id: string;
  authors: string[];
  title: string;
  venue: string;
  year: number;
  arxiv?: string;
  url?: string;
}

/** The surname: what follows the initials ("A. van den Oord" → "van den Oord"). */
const surname = (author: string) => author.replace(/^(\S+\.\s+)+/, "");

/** "He et al. 2016", "Ioffe and Szegedy 2015", "van den Oord et al. 2016". */
export function citeLabel(ref: Reference): string {
  const [first, second] = ref.authors.map(surname);
  const names = ref.authors.length === 1 ? first : ref.authors.length === 2 ? `${first} and ${second}` : `${first} et al.`;
  return `${names} ${ref.year}`;
}

/** A title as it sorts: without a leading article ("The", "A", "An"), case ignored. */
const titleSortKey = (title: string) => title.replace(/^(the|an?)\s+/i, "").toLowerCase();

/**
 * Each reference's label in the text and on the references page: its
 * citeLabel, with a letter after the year where several references share one
 * ("van den Oord et al. 2016a", "…2016b"), lettered by title as author–year
 * styles do, so every label names one source.
 */
export function citeLabels(refs: readonly Reference[]): Map<string, string> {
  const groups = new Map<string, Reference[]>();
  for (const ref of refs) groups.set(citeLabel(ref), [...(groups.get(citeLabel(ref)) ?? []), ref]);
  const out = new Map<string, string>();
  for (const [label, group] of groups) {
    if (group.length === 1) {
      out.set(group[0].id, label);
      continue;
    }
    const byTitle = [...group].sort((a, b) => titleSortKey(a.title).localeCompare(titleSortKey(b.title)));
    byTitle.forEach((ref, i) => out.set(ref.id, `${label}${String.fromCharCode(97 + i)}`));
  }
  return out;
}

/** Where a reader can read it: the arXiv abstract page, or the given URL. */
export function referenceLink(ref: Reference): string | undefined {
  return ref.arxiv ? `https://arxiv.org/abs/${ref.arxiv}` : ref.url;
}

/** The element id of a reference on the references page. */
export const referenceAnchor = (id: string) => `ref-${id}`;

const CITE = /<Cite\b[^>]*\bid="([^"]+)"/g;

/** Ids cited in a chapter source, in order of first citation. */
export function citedIn(source: string): string[] {
  return [...new Set([...source.matchAll(CITE)].map((m) => m[1]))];
}

const CITE_TAG = /<Cite\b[^>]*>/g;
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** For each id cited in a chapter source, the parts of it the chapter names (`detail`: "Table 2", "§3.4"), in order, without repeats. */
export function citedDetails(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [tag] of source.matchAll(CITE_TAG)) {
    const id = attribute(tag, "id");
    if (id === undefined) continue;
    const details = out.get(id) ?? [];
    const detail = attribute(tag, "detail");
    if (detail && !details.includes(detail)) details.push(detail);
    out.set(id, details);
  }
  return out;
}

/** For each reference id, the chapters (slug and section) that cite it, with the parts of it each names. */
export function citingChapters(chaptersDir: string): Map<string, { slug: string; section: string; details: string[] }[]> {
  const out = new Map<string, { slug: string; section: string; details: string[] }[]>();
  for (const chapter of readChapterSources(chaptersDir)) {
    for (const [id, details] of citedDetails(chapter.source))
      out.set(id, [...(out.get(id) ?? []), { slug: chapter.slug, section: chapter.section, details }]);
  }
  return out;
}
