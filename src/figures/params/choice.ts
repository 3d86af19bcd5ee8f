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

export function coerceChoice<T extends string>(p: ChoiceParam<T>, raw: unknown): Coerced<T> {
  const text = String(raw ?? "");
  const found = p.options.find((o) => o.value === text);
  if (found) return { value: found.value };
  const allowed = p.options.map((o) => o.value).join(", ");
  return { value: p.default, note: `${p.label}: “${echo(raw)}” is not one of ${allowed}; showing ${p.default}.` };
}
