/** Small text helpers shared by the grid figures (chapters 2.2 and 2.3). */
import { formatInteger } from "../../lib/format";

/** "1 unit", "3 units", "1 000 pixels": a count with its noun. */
export function plural(n: number, noun: string): string {
  return `${formatInteger(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** "3–7, 9" from sorted 1-based column numbers; "—" when there are none. */
export function runs(cols: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(i === j ? `${cols[i]}` : `${cols[i]}–${cols[j]}`);
    i = j + 1;
  }
  return parts.join(", ") || "—";
}
