/** On or off, as a checkbox. */
import { echo } from "./show";
import type { Coerced } from "./types";

export interface ToggleParam {
  kind: "toggle";
  label: string;
  default: boolean;
}

export function toggleParam(p: Omit<ToggleParam, "kind">): ToggleParam {
  return { kind: "toggle", ...p };
}

const ON = new Set(["1", "true", "on", "yes"]);
const OFF = new Set(["0", "false", "off", "no"]);

export function coerceToggle(p: ToggleParam, raw: unknown): Coerced<boolean> {
  if (typeof raw === "boolean") return { value: raw };
  const text = String(raw ?? "")
    .trim()
    .toLowerCase();
  if (ON.has(text)) return { value: true };
  if (OFF.has(text)) return { value: false };
  return { value: p.default, note: `${p.label}: “${echo(raw)}” is neither on (1) nor off (0); showing ${p.default ? "on" : "off"}.` };
}
