/** Choices control: a checkbox per option (which curves to show). */
import { escapeHtml } from "../../figures/html";
import type { ChoicesParam } from "../../figures/params";
import type { ControlKind } from "./types";

export const choicesControl: ControlKind<ChoicesParam> = {
  markup(p, { figureId, key, value }) {
    const chosen = value as readonly string[];
    const boxes = p.options
      .map(
        (o, i) =>
          `<label class="check"><input type="checkbox" id="${escapeHtml(`${figureId}-${key}-${i}`)}" name="${escapeHtml(key)}" value="${escapeHtml(o.value)}"${chosen.includes(o.value) ? " checked" : ""} /> ${escapeHtml(o.label)}</label>`,
      )
      .join("");
    return `<fieldset class="control control-choices" data-param="${escapeHtml(key)}"><legend>${escapeHtml(p.label)}</legend>${boxes}</fieldset>`;
  },
  bind(container, _p, ctx) {
    const boxes = () => [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const onChange = () =>
      ctx.set(
        boxes()
          .filter((b) => b.checked)
          .map((b) => b.value),
      );
    container.addEventListener("change", onChange);
    return {
      write(value) {
        const chosen = value as readonly string[];
        for (const b of boxes()) b.checked = chosen.includes(b.value);
      },
      teardown: () => container.removeEventListener("change", onChange),
    };
  },
};
