import type { DataTable } from "./figure-spec";
import { escapeHtml } from "./html";

/** A figure's data as an HTML table; the same markup at build time and after a widget update. */
export function dataTableHtml(table: DataTable, caption: string): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join("")}</tr>`,
    )
    .join("");
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
