/**
 * A whole-number position in a sequence (a time step, a layer) that the
 * reader moves one at a time or plays. Playing is always the reader's choice:
 * nothing animates on its own.
 */
import { coerceNumber } from "./number";
import type { Bound, Coerced } from "./types";

export interface StepParam {
  kind: "step";
  label: string;
  min: Bound;
  max: Bound;
  default: number;
  /** Milliseconds per step while playing. */
  interval?: number;
}

export const DEFAULT_STEP_INTERVAL_MS = 600;

export function stepParam(p: Omit<StepParam, "kind">): StepParam {
  return { kind: "step", ...p };
}

export function coerceStep(p: StepParam, raw: unknown, values: Readonly<Record<string, unknown>>): Coerced<number> {
  return coerceNumber({ ...p, integer: true }, raw, values);
}
