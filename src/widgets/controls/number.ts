/** Number control: a slider for exploring, and a box for an exact value. */
import { escapeHtml } from "../../figures/html";
import { resolveBound, type NumberParam } from "../../figures/params";
import { bindNumberBox, numberBoxHtml } from "./number-box";
import type { ControlKind } from "./types";

export const numberControl: ControlKind<NumberParam> = {
  markup(p, { figureId, key, value, values }) {
    const id = `${figureId}-${key}`;
    const min = resolveBound(p.min, values);
    const max = resolveBound(p.max, values);
    return (
      `<div class="control control-number" data-param="${escapeHtml(key)}">` +
      `<label for="${escapeHtml(id)}">${escapeHtml(p.label)}</label>` +
      `<input type="range" id="${escapeHtml(id)}" name="${escapeHtml(key)}" min="${min}" max="${max}" step="${p.step}" value="${value}" />` +
      numberBoxHtml({ name: key, value: value as number, label: `${p.label}, exact value`, integer: p.integer, signed: min < 0 }) +
      `</div>`
    );
  },
  bind(container, p, ctx) {
    const range = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    const box = bindNumberBox(container.querySelector<HTMLInputElement>("input.number-box")!, {
      typed: (v) => ctx.set(v),
      name: p.label,
      reject: ctx.reject,
      clearNote: ctx.clearNote,
      current: () => ctx.values()[ctx.key] as number,
      step: p.step,
    });
    const onRange = () => ctx.set(range.value);
    range.addEventListener("input", onRange);
    return {
      write(value, values) {
        range.min = String(resolveBound(p.min, values));
        range.max = String(resolveBound(p.max, values));
        if (range.value !== String(value)) range.value = String(value);
        box.show(value as number);
      },
      teardown() {
        range.removeEventListener("input", onRange);
        box.teardown();
      },
    };
  },
};
