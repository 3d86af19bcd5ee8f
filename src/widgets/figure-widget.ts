/**
 * <figure-widget>: the small part of every widget that loads with the page.
 * It waits until the figure nears the viewport, then imports the runtime
 * (Plot, the spec, lib) and hands itself over. Until then the build-time SVG
 * is the figure, so a reader who never scrolls there downloads no plot code.
 *
 * Protocol (as Observable inputs): `.value` is the current parameters;
 * setting it re-renders; an `input` event fires on every change.
 */
export interface WidgetController {
  get(): Record<string, number | string>;
  set(raw: Record<string, unknown>): void;
}

export class FigureWidget extends HTMLElement {
  controller?: WidgetController;
  ready: Promise<void>;
  #resolveReady!: () => void;
  #pending?: Record<string, unknown>;

  constructor() {
    super();
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  connectedCallback() {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void this.#load();
        }
      },
      { rootMargin: "300px 0px" },
    );
    observer.observe(this);
  }

  async #load() {
    try {
      const { mountWidget } = await import("./widget-runtime");
      this.controller = await mountWidget(this);
      if (this.#pending) this.controller.set(this.#pending);
      this.dataset.ready = "";
      this.#resolveReady();
    } catch (error) {
      // The static figure stays; say why it does not respond.
      const note = this.querySelector<HTMLElement>(".widget-note");
      if (note) {
        note.hidden = false;
        note.textContent = "This figure could not be made interactive; it shows its default state.";
      }
      console.warn(error);
    }
  }

  get value(): Record<string, number | string> {
    return this.controller?.get() ?? JSON.parse(this.dataset.defaults ?? "{}");
  }

  set value(raw: Record<string, unknown>) {
    if (this.controller) this.controller.set(raw);
    else this.#pending = raw;
  }
}

if (!customElements.get("figure-widget")) customElements.define("figure-widget", FigureWidget);
