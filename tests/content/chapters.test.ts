/**
 * Checks on the chapter sources that the build itself does not make: the
 * shape every chapter shares. (A number typed by hand fails the build: see
 * src/markdown/remark-typed-numbers.ts.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = "content/chapters";
const chapters = readdirSync(dir).filter((f) => f.endsWith(".mdx")).sort();

describe.each(chapters)("%s", (file) => {
  const source = readFileSync(join(dir, file), "utf8");

  it("is named after its section: <major>-<minor>-<slug>.mdx", () => {
    const section = /^section:\s*"(\d+)\.(\d+)"/m.exec(source);
    expect(section).not.toBeNull();
    expect(file.startsWith(`${section![1]}-${section![2]}-`)).toBe(true);
  });

  it("ends with exercises and references, listed by <ChapterReferences />", () => {
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toContain("Exercises");
    expect(headings.at(-1)).toBe("References");
    expect(source.slice(source.lastIndexOf("## References"))).toMatch(/<ChapterReferences\s*\/>/);
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
