/** The control of each parameter kind, and the controls of a whole figure. */
import { escapeHtml } from "../../figures/html";
import type { AnyFigureSpec } from "../../figures/figure-spec";
import type { Param, ParamKind, Values } from "../../figures/params";
import { choiceControl } from "./choice";
import { choicesControl } from "./choices";
import { matrixControl } from "./matrix";
import { numberControl } from "./number";
import { pointControl } from "./point";
import { stepControl } from "./step";
import { toggleControl } from "./toggle";
import type { BoundControl, ControlContext, ControlKind } from "./types";

export type { BoundControl, ControlContext } from "./types";

const KINDS: { [K in ParamKind]: ControlKind<Extract<Param, { kind: K }>> } = {
  number: numberControl,
  choice: choiceControl,
  choices: choicesControl,
  toggle: toggleControl,
  step: stepControl,
  matrix: matrixControl,
  point: pointControl,
};

function kindOf<P extends Param>(p: P): ControlKind<P> {
  return KINDS[p.kind] as unknown as ControlKind<P>;
}

/**
 * A figure's controls as HTML: a form whose fieldset stays disabled until
 * the widget's script takes over, so a reader without JavaScript is not
 * offered controls that do nothing. `name` names the form (the figure's
 * title, numbered when a spec appears twice on a page: names must differ).
 */
export function controlsHtml(spec: AnyFigureSpec, figureId: string, values: Values, name: string = spec.title): string {
  const controls = Object.entries(spec.params as Record<string, Param>)
    .map(([key, p]) => kindOf(p).markup(p, { figureId, key, value: values[key], values }))
    .join("");
  return (
    `<form class="widget-controls" aria-label="${escapeHtml(`Controls for “${name}”`)}"><fieldset class="widget-fieldset" disabled>${controls}</fieldset>` +
    `<noscript><p class="widget-note">The controls need JavaScript; the figure shows its default state.</p></noscript></form>`
  );
}

/** Bind every control in `form`; `contextFor` gives each its link to the widget. */
export function bindControls(
  form: HTMLElement,
  spec: AnyFigureSpec,
  contextFor: (key: string) => ControlContext,
): Map<string, BoundControl> {
  const bound = new Map<string, BoundControl>();
  for (const [key, p] of Object.entries(spec.params as Record<string, Param>)) {
    const container = form.querySelector<HTMLElement>(`[data-param="${CSS.escape(key)}"]`);
    if (!container) throw new Error(`figure ${spec.id}: no control for parameter "${key}" in the page`);
    bound.set(key, kindOf(p).bind(container, p, contextFor(key)));
  }
  return bound;
}
