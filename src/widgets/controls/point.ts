/**
 * Point control: the row and column of a cell, typed or stepped with the
 * arrow keys; the figure itself is the other half of this control (its
 * `interact` hook lets the reader click, tap or arrow to a cell).
 */
import { escapeHtml } from "../../figures/html";
import { resolveBound, type Cell, type PointParam } from "../../figures/params";
import { bindNumberBox, numberBoxHtml } from "./number-box";
import type { ControlKind } from "./types";

export const pointControl: ControlKind<PointParam> = {
  markup(p, { figureId, key, value, values }) {
    const cell = value as Cell;
    const box = (part: "row" | "col", name: string) =>
      `<label class="point-part">${name} ${numberBoxHtml({ id: `${figureId}-${key}-${part}`, name: `${key}-${part}`, value: cell[part], label: `${p.label}, ${name.toLowerCase()}`, integer: true, signed: false })}</label>`;
    const rows = resolveBound(p.rows, values);
    const cols = resolveBound(p.cols, values);
    return (
      `<fieldset class="control control-point" data-param="${escapeHtml(key)}"><legend>${escapeHtml(p.label)}</legend>` +
      `${box("row", "Row")}${box("col", "Column")}<span class="point-range">of ${rows} × ${cols}; or pick one on the figure</span></fieldset>`
    );
  },
  bind(container, p, ctx) {
    const current = () => ctx.values()[ctx.key] as Cell;
    const part = (which: "row" | "col") =>
      bindNumberBox(container.querySelector<HTMLInputElement>(`input[name="${ctx.key}-${which}"]`)!, {
        typed: (v) => ctx.set({ ...current(), [which]: v }),
        name: `${p.label}, ${which === "row" ? "row" : "column"}`,
        reject: ctx.reject,
        clearNote: ctx.clearNote,
        current: () => current()[which],
        step: 1,
      });
    const row = part("row");
    const col = part("col");
    const range = container.querySelector<HTMLElement>(".point-range")!;
    return {
      write(value, values) {
        const cell = value as Cell;
        row.show(cell.row);
        col.show(cell.col);
        range.textContent = `of ${resolveBound(p.rows, values)} × ${resolveBound(p.cols, values)}; or pick one on the figure`;
      },
      teardown() {
        row.teardown();
        col.teardown();
      },
    };
  },
};
