/**
 * Whether a search result really matches the query. Pagefind, finding no
 * word that starts with a query term, falls back to words the term starts
 * with, down to a single letter: "xyzzyq" matched the variable "x". A result
 * counts only if every query term matches one of the words Pagefind found by
 * more than that: the found word starts with the term ("grad" → "gradient"),
 * or the term starts with a found word of at least four letters (a stem:
 * "layers" → "layer", "vanishing" → "vanish").
 */

const normalise = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

export function matchesQuery(query: string, foundWords: readonly string[]): boolean {
  const terms = query.split(/\s+/).map(normalise).filter(Boolean);
  const found = foundWords.map(normalise).filter(Boolean);
  return terms.every((t) => found.some((w) => w.startsWith(t) || (t.startsWith(w) && w.length >= Math.min(4, t.length))));
}

/** The words of a page's indexed text at Pagefind's word positions. */
export function wordsAt(content: string, positions: readonly number[]): string[] {
  const words = content.split(/\s+/).filter(Boolean);
  return positions.map((i) => words[i] ?? "");
}
