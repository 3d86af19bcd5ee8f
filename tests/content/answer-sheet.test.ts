/**
 * The check that keeps the answer-sheet page complete: every graded part
 * judged exactly once, "missing" exactly where the sheet gives no answer. The
 * page runs it on the chapters' frontmatter at every build.
 */
import { describe, expect, it } from "vitest";
import { verdictProblems, type JudgedPart } from "../../src/answer-sheet";

const parts = [
  { part: "1.1.1", answered: true },
  { part: "1.2.2", answered: false },
];
const ok: JudgedPart[] = [
  { part: "1.1.1", verdict: "wrong", file: "a.mdx" },
  { part: "1.2.2", verdict: "missing", file: "b.mdx" },
];

describe("verdictProblems", () => {
  it("accepts every part judged once and consistently", () => {
    expect(verdictProblems(parts, ok)).toEqual([]);
  });

  it("reports a part no chapter judges", () => {
    expect(verdictProblems(parts, ok.slice(0, 1))).toEqual([expect.stringMatching(/part 1\.2\.2 is judged by no chapter/)]);
  });

  it("reports a part judged twice, naming both files", () => {
    const twice = [...ok, { part: "1.1.1", verdict: "right", file: "c.mdx" } as const];
    expect(verdictProblems(parts, twice)).toEqual([expect.stringMatching(/1\.1\.1 is judged more than once: in a\.mdx, c\.mdx/)]);
  });

  it('reports "missing" on an answered part, and a verdict on an unanswered one', () => {
    const swapped: JudgedPart[] = [
      { part: "1.1.1", verdict: "missing", file: "a.mdx" },
      { part: "1.2.2", verdict: "loose", file: "b.mdx" },
    ];
    const problems = verdictProblems(parts, swapped);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^a\.mdx: part 1\.1\.1 is answered/);
    expect(problems[1]).toMatch(/^b\.mdx: the sheet does not answer part 1\.2\.2/);
  });

  it("reports a part that is not graded", () => {
    expect(verdictProblems(parts, [...ok, { part: "9.9.9", verdict: "right", file: "z.mdx" }])).toEqual([
      "z.mdx: part 9.9.9 is not a graded part of the problem set",
    ]);
  });
});
