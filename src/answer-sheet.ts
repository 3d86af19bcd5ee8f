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
