/**
 * A broken chapter must fail the build and name its file. Each case copies the
 * project into a temporary folder, adds one broken chapter, runs a real
 * `astro build`, and checks the error output.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../support/build-site.mjs";

const root = resolve(".");
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

function buildWith(chapter: string | undefined, outDir?: string): Promise<{ status: number | null; output: string }> {
  const dir = scratchDir("dc-broken-");
  for (const entry of ["astro.config.mjs", "tsconfig.json", "package.json", "src", "lib", "content"]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  // The packages are shared, but not Astro's cache (node_modules/.astro): the
  // builds here run side by side, and each writes its data store there.
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(join(root, "node_modules"))) {
    if (entry !== ".astro") symlinkSync(join(root, "node_modules", entry), join(dir, "node_modules", entry));
  }
  if (chapter !== undefined) writeFileSync(join(dir, "content/chapters/9-9-broken.mdx"), chapter);
  // Astro colours its output where it sees CI=true; the checks read the words.
  return buildSite({ cwd: dir, base: "/csc413/", outDir }).then(({ status, output }) => ({ status, output: stripVTControlCharacters(output) }));
}

/** "line:column" (1-based) of the first `text` in a chapter. */
function placeOf(chapter: string, text: string): string {
  const lines = chapter.split("\n");
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${lines[line].indexOf(text) + 1}`;
}

/**
 * Under the message, Vite ("file:") and Astro ("Location:") print where the
 * error is from the thrown error's line and column; without them they print
 * "undefined:undefined" and "0:0".
 */
function expectPlaced(output: string, place: string) {
  expect(output).not.toMatch(/undefined|\.mdx:0:0/);
  expect(output).toMatch(new RegExp(`file: \\S*content/chapters/9-9-broken\\.mdx:${place}\\b`));
  expect(output).toMatch(new RegExp(`Location:\\s+\\S*content/chapters/9-9-broken\\.mdx:${place}\\b`));
}

const frontmatter = '---\ntitle: Broken on purpose\nsection: "9.9"\nsummary: A chapter that must not build.\norder: 99\n---\n';

// Eight real builds side by side on a small machine: each may take minutes.
describe("a broken chapter fails the build and names the file", { timeout: 600_000 }, () => {
  it.concurrent("control: the copied project, with a valid extra chapter, builds (into a folder outside it, holding only the site)", async () => {
    const out = join(scratchDir("dc-out-"), "site");
    const { status, output } = await buildWith(
      `${frontmatter}\nA valid chapter with $x^2$ and a [link](/chapters/9-9-broken/#exercises).\n\n## Exercises\n`,
      out,
    );
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
    expect(existsSync(join(out, "chapters/9-9-broken/index.html"))).toBe(true);
    // Astro copies its cache folder (.astro/) into an output outside the project.
    expect(readdirSync(out).filter((f) => /^(collections|content-.*\.mjs|.*\.json)$/.test(f))).toEqual([]);
  });

  it.concurrent("bad frontmatter", async () => {
    const { status, output } = await buildWith('---\ntitle: Broken\nsection: "nine"\norder: 99\n---\nText.\n');
    expect(status).not.toBe(0);
    expect(output).toMatch(/9-9-broken/);
    expect(output).toMatch(/section|summary/);
  });

  it.concurrent("invalid TeX", async () => {
    const labelled = "x = 1 \\label{broken-eq} + \\nosuchmacro";
    const chapter = `${frontmatter}\nSome math: $\\frac{1}{$ and more.\n\n$$\n${labelled}\n$$\n`;
    const { status, output } = await buildWith(chapter);
    expect(status).not.toBe(0);
    // Both formulas, each with its file, line and column in the chapter as written: the inline
    // one ends too early (at its closing $), the display one at the unknown macro after its label.
    const inline = placeOf(chapter, "$ and more");
    const display = placeOf(chapter, "\\nosuchmacro");
    expect(output).toContain(`content/chapters/9-9-broken.mdx:${inline}: KaTeX parse error: Unexpected end of input`);
    expect(output).toContain(`content/chapters/9-9-broken.mdx:${display}: KaTeX parse error: Undefined control sequence: \\nosuchmacro`);
    expect(output).toContain("\\frac{1}{");
    // The author's TeX, not the \tag{1} that numbers the equation.
    expect(output).toContain(labelled);
    expect(output).not.toContain("\\tag");
    expectPlaced(output, inline);
  });

  it.concurrent("a KaTeX strict-mode warning", async () => {
    // Unicode text in math mode is only a warning in KaTeX's default mode.
    const chapter = `${frontmatter}\nMath: $x = é$.\n`;
    const { status, output } = await buildWith(chapter);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/chapters\/9-9-broken\.mdx/);
    expect(output).toMatch(/strict|LaTeX-incompatible|unicode/i);
    expectPlaced(output, placeOf(chapter, "é"));
  });

  it.concurrent("invalid TeX in a <Tex> formula with computed numbers", async () => {
    const chapter = `${frontmatter}\nimport Tex from "../../src/components/Tex.astro";\n\nValue: <Tex tex={"x = \\\\frac{1}{"} />.\n`;
    const { status, output } = await buildWith(chapter);
    expect(status).not.toBe(0);
    // The chapter's line, from remark-tex-source-line.ts: the component renders after the source is gone.
    const line = placeOf(chapter, "<Tex").split(":")[0];
    expect(output).toMatch(new RegExp(`content/chapters/9-9-broken\\.mdx:${line}: <Tex> could not render`));
  });

  it.concurrent("an unknown equation reference", async () => {
    const chapter = `${frontmatter}\nAs in [](eq:no-such-equation).\n`;
    const { status, output } = await buildWith(chapter);
    expect(status).not.toBe(0);
    expect(output).toMatch(/9-9-broken\.mdx:\d+: reference to unknown equation "no-such-equation"/);
    expectPlaced(output, placeOf(chapter, "[](eq:"));
  });

  it.concurrent("a computed number typed in the text", async () => {
    const chapter = `${frontmatter}\nThe fixed point is 0.6590 here.\n`;
    const { status, output } = await buildWith(chapter);
    expect(status).not.toBe(0);
    expect(output).toMatch(/9-9-broken\.mdx:\d+: the number 0\.6590 is typed in the text/);
    expectPlaced(output, placeOf(chapter, "0.6590"));
  });

  it.concurrent("a dangling link and a dangling anchor", async () => {
    const { status, output } = await buildWith(`${frontmatter}\nSee [nowhere](/chapters/no-such-chapter/) and [here](#no-such-heading).\n`);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/chapters\/9-9-broken\.mdx.*\/csc413\/chapters\/no-such-chapter\/.*does not resolve/);
    expect(output).toMatch(/content\/chapters\/9-9-broken\.mdx.*#no-such-heading/);
  });
});
