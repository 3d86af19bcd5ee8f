/**
 * Matrix control: one exact-number box per entry, laid out as the matrix
 * (row by row, so Tab reads it as one reads a matrix), and a list of presets.
 */
import { escapeHtml } from "../../figures/html";
import { entryName, type MatrixParam } from "../../figures/params";
import { bindNumberBox, numberBoxHtml } from "./number-box";
import type { ControlKind } from "./types";

const sameMatrix = (a: number[][], b: number[][]) => a.every((row, i) => row.every((x, j) => x === b[i][j]));

export const matrixControl: ControlKind<MatrixParam> = {
  markup(p, { figureId, key, value }) {
    const m = value as number[][];
    const entries = m
      .flatMap((row, i) =>
        row.map((x, j) =>
          numberBoxHtml({
            id: `${figureId}-${key}-${i}-${j}`,
            name: `${key}-${i}-${j}`,
            value: x,
            label: entryName(p, i, j),
            signed: p.min < 0,
          }),
        ),
      )
      .join("");
    const presets = p.presets?.length
      ? `<label class="matrix-preset">Preset <select data-preset><option value="">(your own)</option>${p.presets
          .map((pr, i) => `<option value="${i}"${sameMatrix(pr.value, m) ? " selected" : ""}>${escapeHtml(pr.label)}</option>`)
          .join("")}</select></label>`
      : "";
    return (
      `<fieldset class="control control-matrix" data-param="${escapeHtml(key)}"><legend>${escapeHtml(p.label)}</legend>` +
      `<div class="matrix-row"><span class="matrix-symbol" aria-hidden="true">${escapeHtml(p.symbol)} =</span>` +
      `<div class="matrix" style="--cols: ${p.cols}">${entries}</div></div>${presets}</fieldset>`
    );
  },
  bind(container, p, ctx) {
    const current = () => ctx.values()[ctx.key] as number[][];
    const boxes = current().map((row, i) =>
      row.map((_, j) =>
        bindNumberBox(container.querySelector<HTMLInputElement>(`input[name="${ctx.key}-${i}-${j}"]`)!, {
          typed: (v) => ctx.set(current().map((r, a) => r.map((x, b) => (a === i && b === j ? v : x)))),
          name: entryName(p, i, j),
          reject: ctx.reject,
          clearNote: ctx.clearNote,
          current: () => current()[i][j],
          step: p.step,
        }),
      ),
    );
    const preset = container.querySelector<HTMLSelectElement>("select[data-preset]");
    const onPreset = () => {
      const chosen = p.presets?.[Number(preset!.value)];
      if (preset!.value !== "" && chosen) ctx.set(chosen.value);
    };
    preset?.addEventListener("change", onPreset);
    return {
      write(value) {
        const m = value as number[][];
        m.forEach((row, i) => row.forEach((x, j) => boxes[i][j].show(x)));
        if (preset) {
          const index = p.presets?.findIndex((pr) => sameMatrix(pr.value, m)) ?? -1;
          preset.value = index < 0 ? "" : String(index);
        }
      },
      teardown() {
        boxes.flat().forEach((b) => b.teardown());
        preset?.removeEventListener("change", onPreset);
      },
    };
  },
};
