/**
 * Site paths. Every internal URL goes through `withBase` so the built site
 * works under a sub-path (SITE_BASE=/csc413/), not only at the domain root.
 */

/** Normalise a base path to "/" or "/a/b/" (leading and trailing slash). */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** Prefix a site-absolute path ("/chapters/x/") with the base ("/csc413/"). */
export function joinBase(base: string, path: string): string {
  return normalizeBase(base) + path.replace(/^\/+/, "");
}

/** The URL path of a chapter page, relative to the base. */
export function chapterPath(slug: string): string {
  return `/chapters/${slug}/`;
}

/** The MDX file a chapter is written in, relative to the project root: what an error should name. */
export function chapterSource(slug: string): string {
  return `content/chapters/${slug}.mdx`;
}

/** The chapter slug of a page's URL path under `base`, or undefined for other pages. */
export function chapterSlugOf(pathname: string, base: string): string | undefined {
  const rest = pathname.startsWith(normalizeBase(base)) ? pathname.slice(normalizeBase(base).length) : pathname;
  return /^chapters\/([^/]+)\/?$/.exec(rest.replace(/^\/+/, ""))?.[1];
}

/** The file a contributor edits for the page at `pathname`: the chapter's MDX, or the page itself. What a build error should name. */
export function pageSource(pathname: string, base: string): string {
  const slug = chapterSlugOf(pathname, base);
  return slug ? chapterSource(slug) : pathname;
}
