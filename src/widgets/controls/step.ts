/**
 * Step control: previous / next buttons, a slider, and Play / Pause. Playing
 * is always the reader's choice and stops at the last step; readers whose
 * system asks for reduced motion get no Play button, only the steps.
 */
import { escapeHtml } from "../../figures/html";
import { DEFAULT_STEP_INTERVAL_MS, resolveBound, type StepParam } from "../../figures/params";
import type { ControlKind } from "./types";

const progress = (value: number, max: number) => `${value} of ${max}`;

export const stepControl: ControlKind<StepParam> = {
  markup(p, { figureId, key, value, values }) {
    const id = `${figureId}-${key}`;
    const min = resolveBound(p.min, values);
    const max = resolveBound(p.max, values);
    return (
      `<div class="control control-step" data-param="${escapeHtml(key)}">` +
      `<label for="${escapeHtml(id)}">${escapeHtml(p.label)}</label>` +
      `<div class="step-row">` +
      `<button type="button" class="step-button" data-action="previous" aria-label="${escapeHtml(`${p.label}: previous`)}">◀</button>` +
      `<input type="range" id="${escapeHtml(id)}" name="${escapeHtml(key)}" min="${min}" max="${max}" step="1" value="${value}" />` +
      `<button type="button" class="step-button" data-action="next" aria-label="${escapeHtml(`${p.label}: next`)}">▶</button>` +
      `<button type="button" class="play-button" data-action="play" aria-pressed="false">Play</button>` +
      `<output class="step-progress" for="${escapeHtml(id)}">${progress(value as number, max)}</output>` +
      `</div>` +
      `<p class="step-hint" hidden>Your system asks for reduced motion, so nothing plays by itself: step with the buttons, the slider or the arrow keys.</p>` +
      `</div>`
    );
  },
  bind(container, p, ctx) {
    const range = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    const play = container.querySelector<HTMLButtonElement>('[data-action="play"]')!;
    const output = container.querySelector<HTMLOutputElement>("output")!;
    const hint = container.querySelector<HTMLElement>(".step-hint")!;
    const current = () => ctx.values()[ctx.key] as number;
    const max = () => resolveBound(p.max, ctx.values());
    const min = () => resolveBound(p.min, ctx.values());
    let timer: ReturnType<typeof setInterval> | undefined;

    const stop = () => {
      clearInterval(timer);
      timer = undefined;
      play.textContent = "Play";
      play.setAttribute("aria-pressed", "false");
    };
    const start = () => {
      if (current() >= max()) ctx.set(min());
      play.textContent = "Pause";
      play.setAttribute("aria-pressed", "true");
      timer = setInterval(() => {
        if (current() >= max()) stop();
        else ctx.set(current() + 1);
      }, p.interval ?? DEFAULT_STEP_INTERVAL_MS);
    };
    const showMotion = () => {
      const reduce = ctx.reducedMotion();
      play.hidden = reduce;
      hint.hidden = !reduce;
      if (reduce) stop();
    };
    showMotion();
    const motion = matchMedia("(prefers-reduced-motion: reduce)");
    motion.addEventListener("change", showMotion);

    const onClick = (event: Event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "play") {
        if (timer === undefined) start();
        else stop();
      } else if (action === "previous" || action === "next") {
        stop();
        ctx.set(current() + (action === "next" ? 1 : -1));
      }
    };
    const onRange = () => {
      stop();
      ctx.set(range.value);
    };
    container.addEventListener("click", onClick);
    range.addEventListener("input", onRange);
    return {
      write(value, values) {
        const hi = resolveBound(p.max, values);
        range.min = String(resolveBound(p.min, values));
        range.max = String(hi);
        if (range.value !== String(value)) range.value = String(value);
        output.textContent = progress(value as number, hi);
      },
      teardown() {
        stop();
        motion.removeEventListener("change", showMotion);
        container.removeEventListener("click", onClick);
        range.removeEventListener("input", onRange);
      },
    };
  },
};
