/** Words shared by the chapter 2.1 figures: positions as runs, a stack's dilations in a phrase. */
import { formatInteger } from "../../../lib/format";
import type { DilationSchedule } from "../../../lib/wavenet";

/** The marked positions of a layer as 1-based runs, "3–7, 9"; "none" when nothing is marked. */
export function positionRuns(marked: readonly boolean[]): string {
  const parts: string[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (j + 1 < marked.length && marked[j + 1]) j++;
    parts.push(i === j ? formatInteger(i + 1) : `${formatInteger(i + 1)}–${formatInteger(j + 1)}`);
    i = j;
  }
  return parts.join(", ") || "none";
}

/** A stack's dilations in words: "no dilation", "dilations 1, 2, 3 (+1 per layer)", "dilation 1" for one layer. */
export function scheduleText(schedule: DilationSchedule, dilations: readonly number[]): string {
  if (schedule === "none") return "no dilation (every dilation 1)";
  const list = dilations.map((d) => formatInteger(d)).join(", ");
  const rule = schedule === "plus-one" ? "+1 per layer" : "doubling";
  return dilations.length === 1 ? `dilation 1 (the ${rule} schedule starts at 1)` : `dilations ${list} (${rule})`;
}
