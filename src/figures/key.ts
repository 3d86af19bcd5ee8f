/**
 * A figure's key (legend), drawn as HTML with inline SVG samples, so it is in
 * the page at build time, needs no canvas, and the widget can redraw it when
 * it depends on the values. Colours are CSS variables, so both themes apply.
 */
import { escapeHtml } from "./html";

export type KeyEntry =
  /** A line sample, solid or dashed: a series in a plot. */
  | { kind?: "line"; label: string; color: string; dashed?: boolean }
  /** A filled square: a category of cells in a grid. `border` outlines it (for a fill close to the background). */
  | { kind: "swatch"; label: string; color: string; border?: boolean }
  /** A continuous colour ramp from `colors[0]` to the last, with the values at its ends. */
  | { kind: "ramp"; label: string; colors: string[]; from: string; to: string };

function sample(entry: KeyEntry, index: number, idPrefix: string): string {
  switch (entry.kind) {
    case "swatch":
      return `<svg width="16" height="16" aria-hidden="true"><rect x="1" y="1" width="14" height="14" rx="2" fill="${escapeHtml(entry.color)}"${entry.border ? ' stroke="currentColor" stroke-opacity="0.6"' : ""} /></svg>`;
    case "ramp": {
      const id = `${idPrefix}-ramp-${index}`;
      const stops = entry.colors
        .map((c, i) => `<stop offset="${((100 * i) / Math.max(1, entry.colors.length - 1)).toFixed(1)}%" stop-color="${escapeHtml(c)}" />`)
        .join("");
      return `<span class="key-ramp-end">${escapeHtml(entry.from)}</span><svg width="96" height="12" aria-hidden="true"><defs><linearGradient id="${id}">${stops}</linearGradient></defs><rect x="0" y="1" width="96" height="10" rx="2" fill="url(#${id})" /></svg><span class="key-ramp-end">${escapeHtml(entry.to)}</span>`;
    }
    default:
      return `<svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="${escapeHtml(entry.color)}" stroke-width="2.5"${entry.dashed ? ' stroke-dasharray="5,4"' : ""} /></svg>`;
  }
}

function text(entry: KeyEntry): string {
  if (entry.kind === "ramp") return `${escapeHtml(entry.label)}: `;
  const dashed = entry.kind !== "swatch" && entry.dashed ? " (dashed)" : "";
  return escapeHtml(entry.label) + dashed;
}

/** The key's list items; `idPrefix` keeps gradient ids unique on the page. Empty when there are no entries. */
export function keyHtml(entries: readonly KeyEntry[], idPrefix: string): string {
  return entries
    .map((e, i) => (e.kind === "ramp" ? `<li>${text(e)}${sample(e, i, idPrefix)}</li>` : `<li>${sample(e, i, idPrefix)}${text(e)}</li>`))
    .join("");
}
