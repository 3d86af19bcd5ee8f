/**
 * The browser side of a parameter kind: its control's markup (a string, so
 * the same markup is written at build time by Controls.astro), and binding
 * that markup to the widget: reading what the reader does, writing the
 * current value back, and the keyboard behaviour beyond what native inputs
 * give. One module per kind sits beside this one; the pure side of each kind
 * (validation, URL text) is in src/figures/params/.
 */
import type { Param, Values } from "../../figures/params";

export interface MarkupContext {
  /** The figure's id on the page: element ids are `${figureId}-${key}…`. */
  figureId: string;
  key: string;
  value: Values[string];
  /** All current values (for bounds that depend on other parameters). */
  values: Values;
}

export interface ControlContext {
  figureId: string;
  key: string;
  /** Hand the widget a raw value from the control; it validates, draws, notes and writes the URL. */
  set(raw: unknown): void;
  /** Tell the reader why an input was not taken (the value stays as it was). */
  reject(message: string): void;
  /** Take down the note: the reader's latest input kept the value and needs no explanation. */
  clearNote(): void;
  values(): Values;
  /** Whether the reader asked the system for reduced motion. */
  reducedMotion(): boolean;
}

export interface BoundControl {
  /** Show the current value (and bounds). Never rewrites a box the reader is typing in. */
  write(value: Values[string], values: Values): void;
  /** Release timers and listeners. */
  teardown(): void;
}

export interface ControlKind<P extends Param> {
  markup(p: P, ctx: MarkupContext): string;
  bind(container: HTMLElement, p: P, ctx: ControlContext): BoundControl;
}
