import { describe, expect, it } from "vitest";
import { codeExcerpt, extractExport } from "../../src/figures/code-excerpt";
import { specLoaders } from "../../src/figures/registry";

describe("code excerpts for a figure's code page", () => {
  const source = [
    "import x from 'y';",
    "",
    "/** Doc of a. */",
    "export function a(n: number): number {",
    "  if (n) {",
    "    return 1;",
    "  }",
    "  return 2;",
    "}",
    "",
    "export const b = 3;",
    "function c() {}",
  ].join("\n");

  it("extracts a function with its doc comment, up to its closing brace", () => {
    expect(extractExport(source, "a")).toBe(source.split("\n").slice(2, 9).join("\n"));
    expect(extractExport(source, "b")).toBe("export const b = 3;");
    expect(extractExport(source, "c")).toBeUndefined();
  });

  it("every function a figure names exists in the file it names", async () => {
    for (const load of Object.values(specLoaders)) {
      const spec = await load();
      for (const ref of spec.code) {
        const text = codeExcerpt(ref);
        for (const name of ref.names ?? []) expect(text).toMatch(new RegExp(`export (function|const|class) ${name}\\b`));
      }
    }
  });

  it("a missing name fails loudly", () => {
    expect(() => codeExcerpt({ file: "lib/activations.ts", names: ["noSuchFunction"] })).toThrow(/noSuchFunction/);
  });
});
