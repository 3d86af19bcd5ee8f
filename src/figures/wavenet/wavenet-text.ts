/** Words shared by the chapter 2.1 figures: positions as runs, a stack's dilations in a phrase. */
import { formatInteger } from "../../../lib/format";
import type { DilationSchedule } from "../../../lib/wavenet";

/**
 * The marked positions of a layer, 1-based, kept short for a table cell:
 * consecutive runs as "3–7", evenly spaced ones as "18, 20, …, 32" (four or
 * more), the rest listed; "none" when nothing is marked.
 */
export function positionRuns(marked: readonly boolean[]): string {
  const on: number[] = [];
  marked.forEach((m, i) => {
    if (m) on.push(i + 1);
  });
  const parts: string[] = [];
  for (let i = 0; i < on.length;) {
    const step = i + 1 < on.length ? on[i + 1] - on[i] : 0;
    let j = i;
    while (j + 1 < on.length && on[j + 1] - on[j] === step) j++;
    const count = j - i + 1;
    if (step === 1 && count >= 2) {
      parts.push(`${formatInteger(on[i])}–${formatInteger(on[j])}`);
      i = j + 1;
    } else if (count >= 4) {
      parts.push(`${formatInteger(on[i])}, ${formatInteger(on[i] + step)}, …, ${formatInteger(on[j])}`);
      i = j + 1;
    } else {
      parts.push(formatInteger(on[i]));
      i += 1;
    }
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
