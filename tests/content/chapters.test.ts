/**
 * Checks on the chapter sources that the build itself does not make: the
 * shape every chapter shares, and no computed-looking number typed by hand.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = "content/chapters";
const chapters = readdirSync(dir).filter((f) => f.endsWith(".mdx")).sort();

/** The chapter's prose: no frontmatter, imports/exports, expressions, JSX tags, math or code. */
function proseOf(source: string): string {
  return source
    .replace(/^---[\s\S]*?\n---\n/, "")
    .replace(/^(import|export) [\s\S]*?;\s*$/gm, "")
    .replace(/\$\$[\s\S]*?\$\$/g, "")
    .replace(/\$[^$\n]*\$/g, "")
    .replace(/`[^`\n]*`/g, "")
    .replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/\]\([^)]*\)/g, "]");
}

describe.each(chapters)("%s", (file) => {
  const source = readFileSync(join(dir, file), "utf8");

  it("is named after its section: <major>-<minor>-<slug>.mdx", () => {
    const section = /^section:\s*"(\d+)\.(\d+)"/m.exec(source);
    expect(section).not.toBeNull();
    expect(file.startsWith(`${section![1]}-${section![2]}-`)).toBe(true);
  });

  it("ends with exercises and references", () => {
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toContain("Exercises");
    expect(headings.at(-1)).toBe("References");
  });

  it("types no result by hand: no decimal with three or more places in the prose", () => {
    // Values like 0.2247 must come from lib through an MDX expression.
    expect(proseOf(source).match(/\d\.\d{3,}/g) ?? []).toEqual([]);
  });

  it("names every column of its tables (an empty header cell is read as nothing)", () => {
    const lines = source.split("\n");
    const headers = lines.filter((line, i) => line.startsWith("|") && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i + 1] ?? ""));
    const empty = headers.filter((h) => h.split("|").slice(1, -1).some((cell) => cell.trim() === ""));
    expect(empty).toEqual([]);
  });

  it("gives every figure a caption and a unique id", () => {
    const figures = [...source.matchAll(/<Figure\b([^>]*)>([\s\S]*?)<\/Figure>/g)];
    const ids = figures.map((f) => /id="([^"]+)"/.exec(f[1])?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of figures) expect(f[2].trim().length).toBeGreaterThan(20);
  });
});

it("the prose filter does catch a typed number", () => {
  expect(proseOf("The rate is 0.2247 per layer, {fmt(0.2247)} and $0.2247$.").match(/\d\.\d{3,}/g)).toEqual(["0.2247"]);
});
