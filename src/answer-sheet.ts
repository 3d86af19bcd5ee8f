/**
 * The graded parts of the problem set and whether the answer sheet
 * (the student's answers the course checks) answers each. The verdicts
 * themselves live in the frontmatter of the chapter that treats the part
 * (`answerSheet`), so the chapter and the answer-sheet page cannot disagree.
 */
export interface SheetPart {
  part: string;
  /** Whether the answer sheet has an answer for this part. */
  answered: boolean;
}

export const SHEET_PARTS: readonly SheetPart[] = [
  { part: "1.1.1", answered: true },
  { part: "1.1.2", answered: true },
  { part: "1.2.1", answered: true },
  { part: "1.2.2", answered: false },
  { part: "1.2.3", answered: true },
  { part: "1.3.1", answered: false },
  { part: "1.3.2", answered: true },
  { part: "2.1.1", answered: false },
  { part: "2.1.2", answered: false },
  { part: "2.1.3", answered: false },
  { part: "2.2.1", answered: true },
  { part: "2.2.2", answered: true },
  { part: "2.3.1", answered: true },
  { part: "2.3.2", answered: false },
  { part: "2.3.3", answered: true },
];

/** Sort key for "2.10.1"-style part numbers. */
export const partOrder = (part: string) => part.split(".").map(Number);

export function comparePartNumbers(a: string, b: string): number {
  const [x, y] = [partOrder(a), partOrder(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** A verdict as a chapter's frontmatter gives it, with the chapter's file for messages. */
export interface JudgedPart {
  part: string;
  verdict: "right" | "loose" | "wrong" | "missing";
  file: string;
}

/**
 * What keeps the verdicts from covering the answer sheet: a part no chapter
 * judges, a part judged twice, a part that is not graded, or a verdict of
 * "missing" on a part the sheet answers (and the reverse). Empty when every
 * graded part is judged exactly once and consistently.
 */
export function verdictProblems(parts: readonly SheetPart[], judged: readonly JudgedPart[]): string[] {
  const problems: string[] = [];
  for (const { part, answered } of parts) {
    const entries = judged.filter((j) => j.part === part);
    if (entries.length === 0) problems.push(`part ${part} is judged by no chapter (add it to a chapter's answerSheet frontmatter)`);
    if (entries.length > 1) problems.push(`part ${part} is judged more than once: in ${entries.map((j) => j.file).join(", ")}`);
    for (const j of entries) {
      if (answered && j.verdict === "missing")
        problems.push(`${j.file}: part ${part} is answered by the sheet, but its verdict is "missing"`);
      if (!answered && j.verdict !== "missing")
        problems.push(`${j.file}: the sheet does not answer part ${part}, so its verdict must be "missing" (it is "${j.verdict}")`);
    }
  }
  for (const j of judged)
    if (!parts.some((p) => p.part === j.part)) problems.push(`${j.file}: part ${j.part} is not a graded part of the problem set`);
  return problems;
}
