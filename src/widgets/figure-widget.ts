/**
 * <figure-widget>: the small part of every widget that loads with the page.
 * It waits until the figure nears the viewport, then imports the runtime
 * (Plot, the spec, lib) and hands itself over. Until then the build-time SVG
 * is the figure, so a reader who never scrolls there downloads no plot code.
 *
 * Protocol (as Observable inputs): `.value` is the current parameters;
 * setting it (all or some of them) re-renders; an `input` event fires on
 * every change.
 */
import { loadWidgetRuntime } from "virtual:widget-runtime";

export interface WidgetController {
  get(): Record<string, unknown>;
  set(raw: Record<string, unknown>): void;
  /** Release observers, timers, workers and listeners. */
  destroy(): void;
}

/** How far outside the viewport a widget starts loading its runtime. */
export const WIDGET_MARGIN_PX = 300;

export class FigureWidget extends HTMLElement {
  controller?: WidgetController;
  ready: Promise<void>;
  #resolveReady!: () => void;
  #pending?: Record<string, unknown>;
  #observer?: IntersectionObserver;
  #connected = false;

  constructor() {
    super();
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  connectedCallback() {
    this.#connected = true;
    if (this.controller) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer?.disconnect();
          void this.#load();
        }
      },
      { rootMargin: `${WIDGET_MARGIN_PX}px 0px` },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#observer?.disconnect();
    this.controller?.destroy();
    this.controller = undefined;
    delete this.dataset.ready;
  }

  async #load() {
    try {
      const { mountWidget } = await loadWidgetRuntime();
      if (!this.#connected) return;
      this.controller = await mountWidget(this);
      if (this.#pending) this.controller.set(this.#pending);
      this.#pending = undefined;
      this.dataset.ready = "";
      this.#resolveReady();
    } catch (error) {
      // The static figure stays; say why it does not respond, on screen and to a screen reader.
      const why = "This figure could not be made interactive; it shows its default state.";
      const note = this.querySelector<HTMLElement>(".widget-note");
      if (note) {
        note.hidden = false;
        note.textContent = why;
      }
      const status = this.querySelector<HTMLElement>(".widget-status");
      if (status) status.textContent = why;
      console.warn(error);
    }
  }

  get value(): Record<string, unknown> {
    return this.controller?.get() ?? JSON.parse(this.dataset.values ?? "{}");
  }

  set value(raw: Record<string, unknown>) {
    if (this.controller) this.controller.set(raw);
    else this.#pending = { ...this.#pending, ...raw };
  }
}

if (!customElements.get("figure-widget")) customElements.define("figure-widget", FigureWidget);
