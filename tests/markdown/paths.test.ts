import { describe, expect, it } from "vitest";
import { commandLineOption } from "../../src/integrations/deploy-files";
import { sourceOfPage } from "../../src/integrations/site-links";
import { chapterPath, chapterSlugOf, chapterSource, joinBase, normalizeBase, resolveBase } from "../../src/paths";

describe("site paths under a base", () => {
  it("normalises any spelling of the base", () => {
    for (const raw of [undefined, "", "/", "//"]) expect(normalizeBase(raw)).toBe("/");
    for (const raw of ["csc413", "/csc413", "csc413/", "/csc413/", " /csc413// "]) expect(normalizeBase(raw)).toBe("/csc413/");
    expect(normalizeBase("a/b")).toBe("/a/b/");
  });

  it("takes the base from the site's URL when none is given, and refuses a base that disagrees with it", () => {
    expect(resolveBase(undefined, undefined)).toBe("/");
    expect(resolveBase("csc413", undefined)).toBe("/csc413/");
    expect(resolveBase(undefined, "https://www.cs.example.edu/csc413/")).toBe("/csc413/");
    expect(resolveBase(undefined, "https://www.cs.example.edu/~you/csc413")).toBe("/~you/csc413/");
    expect(resolveBase(undefined, "https://owner.github.io")).toBe("/");
    expect(resolveBase("/csc413/", "https://www.cs.example.edu/csc413/")).toBe("/csc413/");
    expect(() => resolveBase("/", "https://www.cs.example.edu/csc413/")).toThrow(/disagrees with the path of SITE_URL/);
    expect(() => resolveBase("/csc413/", "https://www.cs.example.edu/")).toThrow(/\/csc413\/.*disagrees/);
  });

  it("joins base and site-absolute paths with exactly one slash", () => {
    expect(joinBase("/csc413/", "/chapters/x/")).toBe("/csc413/chapters/x/");
    expect(joinBase("/", "/favicon.svg")).toBe("/favicon.svg");
    expect(joinBase("/csc413/", chapterPath("1-1-a"))).toBe("/csc413/chapters/1-1-a/");
  });

  it("finds the chapter slug of a page path, with or without the base", () => {
    expect(chapterSlugOf("/csc413/chapters/1-1-a/", "/csc413/")).toBe("1-1-a");
    expect(chapterSlugOf("/chapters/1-1-a/", "/")).toBe("1-1-a");
    expect(chapterSlugOf("/csc413/", "/csc413/")).toBeUndefined();
    expect(chapterSlugOf("/csc413/404/", "/csc413/")).toBeUndefined();
  });
});

describe("the file to blame for a built page", () => {
  it("maps chapter pages to their MDX and other pages to src/pages", () => {
    expect(sourceOfPage("chapters/1-1-a/index.html")).toBe(chapterSource("1-1-a"));
    expect(chapterSource("1-1-a")).toBe("content/chapters/1-1-a.mdx");
    expect(sourceOfPage("index.html")).toBe("src/pages/index.astro");
    expect(sourceOfPage("404.html")).toBe("src/pages/404.astro");
    expect(sourceOfPage("search/index.html")).toBe("src/pages/search.astro");
  });
});

describe("build settings from the command line", () => {
  it("reads Astro's --base and --outDir in both spellings, and nothing when they are absent", () => {
    const argv = ["node", "astro", "build", "--base", "/csc413/", "--outDir=/tmp/out"];
    expect(commandLineOption(argv, "base")).toBe("/csc413/");
    expect(commandLineOption(argv, "outDir")).toBe("/tmp/out");
    expect(commandLineOption(["node", "astro", "build"], "base")).toBeUndefined();
    expect(commandLineOption(["node", "astro", "build", "--basement", "x"], "base")).toBeUndefined();
  });
});
