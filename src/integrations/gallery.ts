import type { AstroIntegration } from "astro";

/**
 * The figure gallery at /gallery/: every figure spec at its defaults, each
 * with its widget, on one page. Contributors see a new figure there while
 * they write it (`npm start`), and the browser tests exercise every spec and
 * every kind of control there before a chapter uses them. It is part of the
 * dev server and of builds with SITE_GALLERY=1 (the test build), not of the
 * site an instructor deploys.
 */
export function gallery(enabled: boolean): AstroIntegration {
  return {
    name: "gallery",
    hooks: {
      "astro:config:setup": ({ command, injectRoute }) => {
        if (enabled || command === "dev") injectRoute({ pattern: "/gallery", entrypoint: "./src/gallery/GalleryPage.astro" });
      },
    },
  };
}
