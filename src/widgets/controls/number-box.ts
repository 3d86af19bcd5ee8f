/**
 * A text box for an exact number, shared by the number, matrix and point
 * controls. It never fights the reader: what they type is taken only once
 * they commit (Enter, leaving the box), and Escape puts the value back. A
 * half-typed number ("1" on the way to "10", "-", "1.") is never applied,
 * so it cannot clamp another setting (a step beyond a smaller image), flash
 * a note or start a computation; text that can never be a number is marked
 * invalid as it is typed. ArrowUp/ArrowDown step the value, as in a spin box.
 */
import { escapeHtml } from "../../figures/html";
import { echo, parseTypedNumber, showNumber } from "../../figures/params";

export interface NumberBoxHandlers {
  /** A number was committed (or stepped to with the arrow keys). */
  typed(value: number): void;
  /** The name the note gives the box ("Layers d", "M₁₂", "Output pixel, row"). */
  name: string;
  /** Show a note: the reader committed text that is not a number, and the value stays. */
  reject(message: string): void;
  /** Take down the note: the reader committed an empty box, which keeps the value and needs no explanation. */
  clearNote(): void;
  /** The current value, to step from and to restore on Escape. */
  current(): number;
  step: number;
}

export interface NumberBox {
  /** Show a value unless the reader is in the middle of typing into the box. */
  show(value: number): void;
  teardown(): void;
}

export function bindNumberBox(input: HTMLInputElement, h: NumberBoxHandlers): NumberBox {
  let typing = false;
  const show = (value: number) => {
    const text = String(value);
    if (!(typing && document.activeElement === input) && input.value !== text) input.value = text;
  };
  const commit = () => {
    typing = false;
    const parsed = parseTypedNumber(input.value);
    if (parsed.kind === "number") h.typed(parsed.value);
    else if (input.value.trim() !== "") h.reject(`${h.name}: “${echo(input.value)}” is not a number; keeping ${showNumber(h.current())}.`);
    // An emptied box is put back like Escape, but it was committed: a note about earlier text would now be stale.
    else h.clearNote();
    // Whatever was taken (clamped, rounded, or nothing), the box now shows it.
    input.value = String(h.current());
    input.removeAttribute("aria-invalid");
  };
  const onInput = () => {
    typing = true;
    const parsed = parseTypedNumber(input.value);
    if (parsed.kind === "invalid") input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      typing = false;
      input.value = String(h.current());
      input.removeAttribute("aria-invalid");
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      typing = false;
      const next = h.current() + (event.key === "ArrowUp" ? h.step : -h.step);
      // Round away the float noise of repeated steps (0.1 + 0.2).
      h.typed(Number(next.toFixed(10)));
      input.value = String(h.current());
    }
  };
  const onBlur = () => {
    if (typing) commit();
  };
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKey);
  input.addEventListener("blur", onBlur);
  return {
    show,
    teardown() {
      input.removeEventListener("input", onInput);
      input.removeEventListener("keydown", onKey);
      input.removeEventListener("blur", onBlur);
    },
  };
}

/**
 * Markup of an exact-number box. Phones get a digits keyboard only when no
 * minus sign is needed: the decimal keypads of some phones have none.
 */
export function numberBoxHtml(attrs: {
  id?: string;
  name: string;
  value: number;
  label: string;
  integer?: boolean;
  signed: boolean;
}): string {
  const id = attrs.id ? ` id="${escapeHtml(attrs.id)}"` : "";
  const mode = attrs.signed ? "" : ` inputmode="${attrs.integer ? "numeric" : "decimal"}"`;
  return `<input type="text"${id} class="number-box" name="${escapeHtml(attrs.name)}" value="${attrs.value}"${mode} autocomplete="off" spellcheck="false" aria-label="${escapeHtml(attrs.label)}" />`;
}
