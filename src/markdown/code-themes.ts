/**
 * Shiki themes for code on the site, light and dark. GitHub's "default"
 * palettes keep every token at WCAG AA contrast on their own backgrounds
 * (the older github-light/-dark fail it for some tokens).
 */
export const codeThemes = { light: "github-light-default", dark: "github-dark-default" } as const;
