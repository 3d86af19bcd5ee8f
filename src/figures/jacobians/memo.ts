/**
 * A small least-recently-used memo for the expensive part of a figure's data
 * (a spectrum over 1000 steps), keyed by the parameters it depends on. The
 * widget runtime memoises data() per full set of values; this one lets
 * values that differ only in what is shown (the depth) share one computation.
 */
export function lruMemo<T>(size: number): (key: string, make: () => T) => T {
  const cache = new Map<string, T>();
  return (key, make) => {
    if (cache.has(key)) {
      const hit = cache.get(key) as T;
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = make();
    cache.set(key, value);
    while (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
