/**
 * A spec's data, computed once per set of values: the two static widths, a
 * resize and a return to earlier values all reuse it.
 */
import type { AnyFigureSpec } from "./figure-spec";
import type { KeyEntry } from "./key";
import { valuesKey } from "./params";

/** Results kept per spec; enough for going back and forth between a few settings. */
const CACHE_SIZE = 16;
const caches = new WeakMap<AnyFigureSpec, Map<string, unknown>>();

/** The memo key of a spec's data: the values of the parameters its data() reads. */
export function dataKey(spec: AnyFigureSpec, values: Record<string, unknown>): string {
  const schema = spec.dataParams ? Object.fromEntries(spec.dataParams.map((k: string) => [k, spec.params[k]])) : spec.params;
  return valuesKey(schema, values);
}

/** Memoised `spec.data(values)`; the values must already be valid. */
export function figureData(spec: AnyFigureSpec, values: Record<string, unknown>): unknown {
  let cache = caches.get(spec);
  if (!cache) caches.set(spec, (cache = new Map()));
  const key = dataKey(spec, values);
  if (cache.has(key)) {
    const hit = cache.get(key);
    // Move to the back: least recently used goes first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const data = spec.data(values);
  remember(spec, values, data);
  return data;
}

/** Store data computed elsewhere (a worker, or the page's build-time data) under its values. */
export function remember(spec: AnyFigureSpec, values: Record<string, unknown>, data: unknown): void {
  let cache = caches.get(spec);
  if (!cache) caches.set(spec, (cache = new Map()));
  cache.set(dataKey(spec, values), data);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

/** Whether the data for these values is already at hand. */
export function hasFigureData(spec: AnyFigureSpec, values: Record<string, unknown>): boolean {
  return caches.get(spec)?.has(dataKey(spec, values)) ?? false;
}

/** The key for these values (a spec's key may depend on them). */
export function figureKey(spec: AnyFigureSpec, values: Record<string, unknown>): KeyEntry[] {
  return typeof spec.key === "function" ? spec.key(values) : (spec.key ?? []);
}
