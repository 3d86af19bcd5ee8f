/**
 * The search page's behaviour: query the Pagefind index (built by
 * src/integrations/search-index.ts) and list the matching chapter sections.
 * The query is kept in the URL (?q=…) so a search can be shared or reloaded.
 */
import { echo } from "../echo";
import { matchesQuery, wordsAt } from "./query-match";

interface PagefindResult {
  /** Positions of the matched words in the page's content. */
  words: number[];
  data(): Promise<{
    url: string;
    content: string;
    meta: { title?: string };
    excerpt: string;
    sub_results?: { title: string; url: string; excerpt: string }[];
  }>;
}
interface Pagefind {
  options(o: { baseUrl: string }): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] }>;
}

const MAX_RESULTS = 20;

function item(url: string, title: string, excerptHtml: string): HTMLLIElement {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = url;
  a.textContent = title;
  const p = document.createElement("p");
  // Pagefind's excerpt is escaped page text with <mark> around the matches.
  p.innerHTML = excerptHtml;
  li.append(a, p);
  return li;
}

export async function runSearch(form: HTMLFormElement) {
  const base = form.dataset.base ?? "/";
  const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
  const status = document.querySelector<HTMLElement>(".search-status")!;
  const list = document.querySelector<HTMLOListElement>(".search-results")!;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base });
  } catch {
    status.textContent = "The search index is missing: it is written by `npm run build` (try `npm run preview`).";
    return;
  }

  let latest = 0;
  const search = async (query: string) => {
    const ticket = ++latest;
    const q = query.trim();
    history.replaceState(history.state, "", q ? `?q=${encodeURIComponent(q)}` : location.pathname);
    if (!q) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const found = await pagefind.search(q);
    const all = await Promise.all(found.results.slice(0, MAX_RESULTS).map(async (r) => ({ words: r.words, data: await r.data() })));
    if (ticket !== latest) return; // a newer query has started
    const data = all.filter((r) => matchesQuery(q, wordsAt(r.data.content, r.words))).map((r) => r.data);
    const results = data;
    list.replaceChildren(
      ...data.flatMap((d) => {
        const page = d.meta.title ?? d.url;
        const subs = (d.sub_results ?? []).slice(0, 3);
        return subs.length > 0
          ? subs.map((s) => item(s.url, s.title === page ? page : `${page}: ${s.title}`, s.excerpt))
          : [item(d.url, page, d.excerpt)];
      }),
    );
    status.textContent =
      results.length === 0
        ? `No chapter mentions “${echo(q, 60)}”.`
        : `${results.length} ${results.length === 1 ? "chapter matches" : "chapters match"} “${echo(q, 60)}”.`;
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void search(input.value);
  });
  input.addEventListener("input", () => void search(input.value));
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    await search(initial);
  }
}
