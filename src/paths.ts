/**
 * Site paths. Every internal URL goes through `withBase` so the built site
 * works under a sub-path (SITE_BASE=/csc413/), not only at the domain root.
 */

/** Normalise a base path to "/" or "/a/b/" (leading and trailing slash). */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * The base the site is built for: the one given (Astro's --base or
 * SITE_BASE), or else the path of the site's URL (SITE_URL), so that the URL
 * alone is enough and canonical links and the sitemap point where the pages
 * are. A base that disagrees with the URL's path is an error, since one of
 * the two would then be wrong on every page.
 */
export function resolveBase(given: string | undefined, siteUrl: string | undefined): string {
  const fromSite = siteUrl === undefined ? undefined : normalizeBase(new URL(siteUrl).pathname);
  if (given === undefined) return fromSite ?? "/";
  const base = normalizeBase(given);
  if (fromSite !== undefined && fromSite !== base) {
    throw new Error(
      `The base ${base} (SITE_BASE or --base) disagrees with the path of SITE_URL ${siteUrl} (${fromSite}); give one, or make them agree.`,
    );
  }
  return base;
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
