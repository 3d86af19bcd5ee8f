/**
 * A figure's parameters: what its widget's controls edit, what the URL can
 * set, and how any outside value (a typed number, a hand-edited link, a
 * programmatic `.value = …`) is turned into a valid one. Never throws: a bad
 * value becomes the default or the nearest allowed value, with a note that
 * says so in words. One file per kind of parameter sits beside this one; the
 * browser side of each kind (its control) is in src/widgets/controls/.
 */
import { coerceChoice, type ChoiceParam } from "./choice";
import { coerceChoices, type ChoicesParam } from "./choices";
import { coerceMatrix, matrixToText, type MatrixParam } from "./matrix";
import { coerceNumber, type NumberParam } from "./number";
import { cellToText, coercePoint, type PointParam } from "./point";
import { echo } from "./show";
import { coerceStep, type StepParam } from "./step";
import { coerceToggle, type ToggleParam } from "./toggle";
import type { Cell, Coerced } from "./types";

export { choiceParam, type ChoiceParam, type Option } from "./choice";
export { choicesParam, type ChoicesParam } from "./choices";
export { entryName, matrixParam, type MatrixParam } from "./matrix";
export { numberParam, parseTypedNumber, type NumberParam } from "./number";
export { pointParam, type PointParam } from "./point";
export { echo, showNumber } from "./show";
export { DEFAULT_STEP_INTERVAL_MS, stepParam, type StepParam } from "./step";
export { toggleParam, type ToggleParam } from "./toggle";
export { resolveBound, type Bound, type Cell, type Coerced } from "./types";

export type Param = NumberParam | ChoiceParam | ChoicesParam | ToggleParam | StepParam | MatrixParam | PointParam;
export type ParamKind = Param["kind"];
export type ParamSchema = Record<string, Param>;
/** The value a parameter holds: its default's type (choices keep their literal unions). */
export type ParamValue<P extends Param> = P["default"];
export type ParamValues<S extends ParamSchema> = { [K in keyof S]: ParamValue<S[K]> };
/** Values of any schema, as generic code (the widget runtime, URL handling) sees them. */
export type Values = Record<string, number | string | boolean | readonly string[] | number[][] | Cell>;

/** Turn any outside value into a valid value of this parameter; `values` holds the parameters declared before it. */
export function coerceParam(param: Param, raw: unknown, values: Readonly<Record<string, unknown>> = {}): Coerced<Values[string]> {
  switch (param.kind) {
    case "number":
      return coerceNumber(param, raw, values);
    case "choice":
      return coerceChoice(param, raw);
    case "choices":
      return coerceChoices(param, raw);
    case "toggle":
      return coerceToggle(param, raw);
    case "step":
      return coerceStep(param, raw, values);
    case "matrix":
      return coerceMatrix(param, raw);
    case "point":
      return coercePoint(param, raw, values);
  }
}

/** A value as the URL writes it. */
export function valueToText(param: Param, value: Values[string]): string {
  switch (param.kind) {
    case "choices":
      return (value as readonly string[]).join(",");
    case "matrix":
      return matrixToText(value as number[][]);
    case "point":
      return cellToText(value as Cell);
    case "toggle":
      return value ? "1" : "0";
    default:
      return String(value);
  }
}

/** Default values of every parameter (bounds that depend on earlier parameters are applied). */
export function defaultValues<S extends ParamSchema>(schema: S): ParamValues<S> {
  return coerceValues(schema, {}).values;
}

/**
 * Validate a partial set of raw values, in the schema's order so that a
 * bound can depend on an earlier parameter; missing keys take their defaults
 * (clamped silently if an earlier value moved the bound).
 */
export function coerceValues<S extends ParamSchema>(
  schema: S,
  raw: Partial<Record<string, unknown>>,
): { values: ParamValues<S>; notes: string[] } {
  const notes: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(schema)) {
    const given = raw[key] !== undefined;
    const { value, note } = coerceParam(param, given ? raw[key] : param.default, values);
    values[key] = value;
    if (note && given) notes.push(note);
  }
  return { values: values as ParamValues<S>, notes };
}

/** URL query keys are namespaced by the figure's id on the page: `?fig-chain.depth=200`. */
export function urlKey(figureId: string, param: string): string {
  return `${figureId}.${param}`;
}

/**
 * Read one figure's values from a query string, validating each. Values the
 * query does not set come from `start` (the values the page was built with,
 * which the chapter may have set), then from the spec's defaults.
 */
export function valuesFromSearch<S extends ParamSchema>(
  schema: S,
  figureId: string,
  search: URLSearchParams,
  start: Readonly<Record<string, unknown>> = {},
): { values: ParamValues<S>; notes: string[] } {
  const raw: Record<string, unknown> = { ...start };
  for (const key of Object.keys(schema)) {
    const v = search.get(urlKey(figureId, key));
    if (v !== null) raw[key] = v;
  }
  const prefix = `${figureId}.`;
  const unknown = [...search.keys()].filter((k) => k.startsWith(prefix) && !(k.slice(prefix.length) in schema));
  const { values, notes } = coerceValues(schema, raw);
  for (const k of unknown) notes.push(`The link sets “${echo(k)}”, which this figure does not have; ignoring it.`);
  return { values, notes };
}

/** Write one figure's values into a query string (other keys are kept). */
export function writeToSearch<S extends ParamSchema>(
  schema: S,
  figureId: string,
  values: ParamValues<S>,
  search: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, param] of Object.entries(schema)) next.set(urlKey(figureId, key), valueToText(param, values[key] as Values[string]));
  return next;
}

/** A stable text for a set of values (schema order): the memo key of a figure's data. */
export function valuesKey(schema: ParamSchema, values: Readonly<Record<string, unknown>>): string {
  return Object.entries(schema)
    .map(([key, param]) => `${key}=${valueToText(param, values[key] as Values[string])}`)
    .join("&");
}
