/** Choice control: a select, or a radio group for a few short options (arrow keys move between them). */
import { escapeHtml } from "../../figures/html";
import type { ChoiceParam } from "../../figures/params";
import type { ControlKind } from "./types";

export const choiceControl: ControlKind<ChoiceParam> = {
  markup(p, { figureId, key, value }) {
    const id = `${figureId}-${key}`;
    if (p.control === "radio") {
      const radios = p.options
        .map(
          (o, i) =>
            `<label class="radio"><input type="radio" id="${escapeHtml(`${id}-${i}`)}" name="${escapeHtml(id)}" value="${escapeHtml(o.value)}"${o.value === value ? " checked" : ""} /> ${escapeHtml(o.label)}</label>`,
        )
        .join("");
      return `<fieldset class="control control-choice control-radio" data-param="${escapeHtml(key)}"><legend>${escapeHtml(p.label)}</legend>${radios}</fieldset>`;
    }
    const options = p.options
      .map((o) => `<option value="${escapeHtml(o.value)}"${o.value === value ? " selected" : ""}>${escapeHtml(o.label)}</option>`)
      .join("");
    return (
      `<div class="control control-choice" data-param="${escapeHtml(key)}">` +
      `<label for="${escapeHtml(id)}">${escapeHtml(p.label)}</label><select id="${escapeHtml(id)}" name="${escapeHtml(key)}">${options}</select></div>`
    );
  },
  bind(container, _p, ctx) {
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target instanceof HTMLInputElement && !target.checked) return;
      ctx.set(target.value);
    };
    container.addEventListener("change", onChange);
    return {
      write(value) {
        const select = container.querySelector("select");
        if (select && select.value !== value) select.value = String(value);
        for (const radio of container.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === value;
      },
      teardown: () => container.removeEventListener("change", onChange),
    };
  },
};
