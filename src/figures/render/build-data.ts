/**
 * The build-time data a worker-computed widget carries in the page, so that a
 * reload at the page's values draws at any width without computing. Only small,
 * plain data is carried: JSON would turn a typed array into an object with a
 * key per element (and a long spectrum into hundreds of kilobytes of page).
 * Otherwise the widget computes the data in its worker when it first draws.
 */

/** The most JSON a page carries for one figure. */
export const MAX_BUILD_DATA_CHARS = 16_384;

function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "function" && typeof value !== "bigint";
  if (ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set || value instanceof Date) return false;
  return Object.values(value).every(isPlain);
}

/** The JSON of { values, data } for the page (safe inside a script element), or undefined when it is not worth carrying. */
export function buildDataJson(values: unknown, data: unknown): string | undefined {
  if (!isPlain(data)) return undefined;
  const json = JSON.stringify({ values, data });
  return json.length <= MAX_BUILD_DATA_CHARS ? json.replace(/</g, "\\u003c") : undefined;
}
