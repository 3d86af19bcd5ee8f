/** One of a few named options, as a select or a radio group. */
import { echo } from "./show";
import type { Coerced } from "./types";

export interface Option<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceParam<T extends string = string> {
  kind: "choice";
  label: string;
  options: readonly Option<T>[];
  default: T;
  /** A select (the default) or radio buttons, for two to four short options. */
  control?: "select" | "radio";
}

/** `const T` keeps the option values as a literal union, so a spec's `values.activation` is "sigmoid" | "tanh", not string. */
export function choiceParam<const T extends string>(p: Omit<ChoiceParam<T>, "kind" | "default"> & { default: NoInfer<T> }): ChoiceParam<T> {
  return { kind: "choice", ...p };
}

/**
 * An option as a note names it: the label the control shows, in quotes (labels
 * may hold commas), then the link's code for it when that differs, for someone
 * editing a link: “+1 (1, 2, 3, …)” (plus-one).
 */
function optionInWords(o: Option<string>): string {
  return o.label === o.value ? `“${o.label}”` : `“${o.label}” (${o.value})`;
}

/** “a”, “b” (code) or “c”: the options as their control labels them, with a link's code beside a label that differs. */
export function optionsInWords(options: readonly Option<string>[]): string {
  const names = options.map(optionInWords);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
}

export function coerceChoice<T extends string>(p: ChoiceParam<T>, raw: unknown): Coerced<T> {
  const text = String(raw ?? "");
  const found = p.options.find((o) => o.value === text);
  if (found) return { value: found.value };
  const shown = p.options.find((o) => o.value === p.default)?.label ?? p.default;
  return { value: p.default, note: `${p.label}: “${echo(raw)}” is not one of ${optionsInWords(p.options)}; showing “${shown}”.` };
}
