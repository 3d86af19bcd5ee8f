/** Toggle control: a checkbox (Space toggles it). */
import { escapeHtml } from "../../figures/html";
import type { ToggleParam } from "../../figures/params";
import type { ControlKind } from "./types";

export const toggleControl: ControlKind<ToggleParam> = {
  markup(p, { figureId, key, value }) {
    const id = `${figureId}-${key}`;
    return (
      `<div class="control control-toggle" data-param="${escapeHtml(key)}">` +
      `<label class="check" for="${escapeHtml(id)}"><input type="checkbox" id="${escapeHtml(id)}" name="${escapeHtml(key)}"${value ? " checked" : ""} /> ${escapeHtml(p.label)}</label></div>`
    );
  },
  bind(container, _p, ctx) {
    const box = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const onChange = () => ctx.set(box.checked);
    box.addEventListener("change", onChange);
    return {
      write(value) {
        box.checked = Boolean(value);
      },
      teardown: () => box.removeEventListener("change", onChange),
    };
  },
};
