/**
 * Outside input (a hand-edited URL, a pasted value, a search query) as the
 * page repeats it: at most `limit` characters, then "…", so a 10 KB query
 * string cannot make a note tens of thousands of pixels wide.
 */
export function echo(raw: unknown, limit = 40): string {
  const text = typeof raw === "string" ? raw : raw === undefined ? "" : (JSON.stringify(raw) ?? String(raw));
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit).join("")}…`;
}
