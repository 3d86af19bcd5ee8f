/**
 * A figure's parameters: what its widget's controls edit, what the URL can
 * set, and how any outside value (a typed number, a hand-edited link, a
 * programmatic `.value = …`) is turned into a valid one. Never throws: a bad
 * value becomes the default or the nearest allowed value, with a note that
 * says so in words.
 */
import { formatInteger } from "../../lib/format";

export interface NumberParam {
  kind: "number";
  label: string;
  min: number;
  max: number;
  step: number;
  default: number;
  /** Whole numbers only (depths, seeds). */
  integer?: boolean;
}

export interface ChoiceParam {
  kind: "choice";
  label: string;
  options: readonly { value: string; label: string }[];
  default: string;
}

export type Param = NumberParam | ChoiceParam;
export type ParamSchema = Record<string, Param>;
export type ParamValues<S extends ParamSchema> = { [K in keyof S]: S[K] extends NumberParam ? number : string };

export interface Coerced<V> {
  value: V;
  /** Set when the input was changed to make it valid: a sentence for the reader. */
  note?: string;
}

const numberFormat = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 6, useGrouping: false });
// Written as the chapters write numbers: "1 000 000", a real minus sign.
const show = (x: number) => (Number.isSafeInteger(x) ? formatInteger(x) : numberFormat.format(x).replace("-", "−"));

/** Turn any outside value into a valid value of this parameter. */
export function coerceParam(param: Param, raw: unknown): Coerced<number | string> {
  if (param.kind === "choice") {
    const text = String(raw ?? "");
    if (param.options.some((o) => o.value === text)) return { value: text };
    const allowed = param.options.map((o) => o.value).join(", ");
    return { value: param.default, note: `${param.label}: “${text}” is not one of ${allowed}; showing ${param.default}.` };
  }
  const text = typeof raw === "string" ? raw.trim() : raw;
  const x = typeof text === "number" ? text : text === "" || text === null || text === undefined ? NaN : Number(text);
  if (!Number.isFinite(x)) {
    return { value: param.default, note: `${param.label}: “${String(raw)}” is not a number; showing the default, ${show(param.default)}.` };
  }
  let value = x;
  let note: string | undefined;
  if (value < param.min) {
    value = param.min;
    note = `${param.label}: ${show(x)} is below the smallest allowed value; using ${show(param.min)}.`;
  } else if (value > param.max) {
    value = param.max;
    note = `${param.label}: ${show(x)} is above the largest allowed value; using ${show(param.max)}.`;
  }
  if (param.integer && !Number.isInteger(value)) {
    value = Math.round(value);
    note ??= `${param.label}: ${show(x)} is not a whole number; using ${show(value)}.`;
  }
  return note ? { value, note } : { value };
}

/** Default values of every parameter. */
export function defaultValues<S extends ParamSchema>(schema: S): ParamValues<S> {
  return Object.fromEntries(Object.entries(schema).map(([k, p]) => [k, p.default])) as ParamValues<S>;
}

/** Validate a partial set of raw values; missing keys take their defaults silently. */
export function coerceValues<S extends ParamSchema>(
  schema: S,
  raw: Partial<Record<string, unknown>>,
): { values: ParamValues<S>; notes: string[] } {
  const notes: string[] = [];
  const values: Record<string, number | string> = {};
  for (const [key, param] of Object.entries(schema)) {
    if (raw[key] === undefined) {
      values[key] = param.default;
      continue;
    }
    const { value, note } = coerceParam(param, raw[key]);
    values[key] = value;
    if (note) notes.push(note);
  }
  return { values: values as ParamValues<S>, notes };
}

/** URL query keys are namespaced by the figure's id: `?chain.depth=200`. */
export function urlKey(figureId: string, param: string): string {
  return `${figureId}.${param}`;
}

/** Read one figure's values from a query string, validating each. */
export function valuesFromSearch<S extends ParamSchema>(
  schema: S,
  figureId: string,
  search: URLSearchParams,
): { values: ParamValues<S>; notes: string[] } {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema)) {
    const v = search.get(urlKey(figureId, key));
    if (v !== null) raw[key] = v;
  }
  const prefix = `${figureId}.`;
  const unknown = [...search.keys()].filter((k) => k.startsWith(prefix) && !(k.slice(prefix.length) in schema));
  const { values, notes } = coerceValues(schema, raw);
  for (const k of unknown) notes.push(`The link sets “${k}”, which this figure does not have; ignoring it.`);
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
  for (const key of Object.keys(schema)) next.set(urlKey(figureId, key), String(values[key]));
  return next;
}
