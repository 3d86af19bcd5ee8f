/**
 * The notation list (content/notation.ts) against the chapters and the macro
 * file: every course macro is explained there, every symbol renders with the
 * course's KaTeX setup and is written there as its chapter writes it. (That
 * each anchor is a heading of its chapter is checked by the build.)
 */
import { existsSync, readFileSync } from "node:fs";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { NOTATION } from "../../content/notation";
import { katexMacros } from "../../src/markdown/katex-macros";
import { katexOptions } from "../../src/markdown/katex-options";

const source = (slug: string) => readFileSync(`content/chapters/${slug}.mdx`, "utf8");
/** The macros a piece of TeX uses by name (a backslash and letters, not followed by another letter). */
const macrosIn = (tex: string) => new Set([...tex.matchAll(/\\[A-Za-z]+/g)].map((m) => m[0]));

describe("the notation list", () => {
  it("explains every macro of the macro file", () => {
    const used = new Set(NOTATION.flatMap((e) => [...macrosIn(e.tex)]));
    expect(Object.keys(katexMacros).filter((m) => !used.has(m))).toEqual([]);
  });

  it("names chapters that exist", () => {
    expect(NOTATION.filter((e) => !existsSync(`content/chapters/${e.chapter}.mdx`)).map((e) => e.chapter)).toEqual([]);
  });

  it("writes each symbol as its chapter writes it", () => {
    expect(NOTATION.filter((e) => !source(e.chapter).includes(e.tex)).map((e) => `${e.chapter}: ${e.tex}`)).toEqual([]);
  });

  it("lists each symbol once per chapter", () => {
    const keys = NOTATION.map((e) => `${e.chapter} ${e.tex}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.each(NOTATION.map((e) => [e.tex, e]))("renders $%s with the course's macros", (_, e) => {
    expect(() => katex.renderToString(e.tex, { ...katexOptions, throwOnError: true })).not.toThrow();
  });

});
