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
