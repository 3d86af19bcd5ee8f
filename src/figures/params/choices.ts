/** Any subset of a few named options (which curves to show), as a group of checkboxes. */
import { optionsInWords, type Option } from "./choice";
import { echo } from "./show";
import type { Coerced } from "./types";

export interface ChoicesParam<T extends string = string> {
  kind: "choices";
  label: string;
  options: readonly Option<T>[];
  default: readonly T[];
  /** At least this many must stay chosen (default 1): a figure with nothing in it says nothing. */
  min?: number;
}

export function choicesParam<const T extends string>(
  p: Omit<ChoicesParam<T>, "kind" | "default"> & { default: readonly NoInfer<T>[] },
): ChoicesParam<T> {
  return { kind: "choices", ...p };
}

/** The chosen values in the options' order, without repeats; unknown names are dropped with a note. */
export function coerceChoices<T extends string>(p: ChoicesParam<T>, raw: unknown): Coerced<readonly T[]> {
  const min = p.min ?? 1;
  const items = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? (raw === "" ? [] : raw.split(",")) : null;
  if (items === null) return { value: p.default, note: `${p.label}: “${echo(raw)}” is not a list of options; showing the default.` };
  const known = new Set(p.options.map((o) => o.value as string));
  const unknown = items.filter((v) => !known.has(v));
  const value = p.options.map((o) => o.value).filter((v) => items.includes(v));
  if (value.length < min) {
    const what = min === 1 ? "at least one option" : `at least ${min} options`;
    return { value: p.default, note: `${p.label}: choose ${what}; showing the default.` };
  }
  if (unknown.length > 0) {
    const verb = unknown.length === 1 ? "is not one of" : "are not among";
    return { value, note: `${p.label}: “${echo(unknown.join(","))}” ${verb} ${optionsInWords(p.options)}; ignoring it.` };
  }
  return { value };
}
