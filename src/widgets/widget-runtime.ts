/**
 * The interactive part of a widget, loaded on demand. Every change of state,
 * whatever its source (a control, the figure itself, the URL at load, or
 * `el.value = …`), goes through one path: validate → compute (on the page or
 * in a worker) → draw → note → URL, and once the result settles, a spoken
 * announcement of what changed.
 */
import { dataTableHtml } from "../figures/data-table";
import { figureKey, hasFigureData, figureData, remember } from "../figures/figure-data";
import type { AnyFigureSpec } from "../figures/figure-spec";
import { keyHtml } from "../figures/key";
import { coerceValues, valuesFromSearch, writeToSearch, type Values } from "../figures/params";
import { loadSpec } from "../figures/registry";
import { drawFigure } from "../figures/render/draw-figure";
import { computerFor, Superseded } from "./compute";
import { bindControls } from "./controls";
import type { WidgetController } from "./figure-widget";

/** How long input must pause before the state is written to the URL. */
const URL_WRITE_DELAY_MS = 250;
/** How long input must pause before a worker computation starts (a dragged slider would otherwise restart it 60 times a second). */
export const WORKER_DELAY_MS = 120;
/** How long a drawn result must stay before it is announced: a dragged slider or a held arrow key is heard once, where it stops. */
export const ANNOUNCE_DELAY_MS = 500;

/** The sentences of a description, split where a full stop is followed by a capital (decimals and "x·y" stay whole). */
const sentences = (text: string) => text.split(/(?<=\.)\s+(?=\p{Lu})/u).filter(Boolean);

/** What a screen reader is told after a change: the sentences of the new description that the last one announced did not have. */
function changedSentences(before: string, after: string): string {
  const heard = new Set(sentences(before));
  return sentences(after)
    .filter((s) => !heard.has(s))
    .join(" ");
}

interface Parts {
  form: HTMLFormElement;
  plot: HTMLElement;
  note: HTMLElement;
  /** The widget's one live region (visually hidden): notes and changed results, spoken once input pauses. */
  status: HTMLElement;
  busy: HTMLElement;
  key: HTMLElement | null;
  description: HTMLElement | null;
  table: HTMLElement | null;
}

/**
 * `target` takes the attributes and content of a new drawing, and stays the
 * same element (and keeps the focus). Attributes the drawing lacks go, but
 * for `tabindex`: taking it away drops the focus at once, so it becomes -1
 * (focusable, out of the tab order) until the figure's interaction has run
 * (see `settleFocusability`).
 */
function adoptDrawing(target: SVGSVGElement, drawing: SVGSVGElement): SVGSVGElement {
  for (const { name } of [...target.attributes]) {
    if (drawing.hasAttribute(name)) continue;
    if (name === "tabindex") target.setAttribute(name, "-1");
    else target.removeAttribute(name);
  }
  for (const { name, value } of [...drawing.attributes]) target.setAttribute(name, value);
  target.replaceChildren(...drawing.childNodes);
  return target;
}

/** After the interaction: a figure it did not make focusable again is not focusable. */
function settleFocusability(svg: SVGSVGElement): void {
  if (svg.getAttribute("tabindex") === "-1") svg.removeAttribute("tabindex");
}

function partsOf(el: HTMLElement): Parts {
  const figure = el.closest("figure") ?? el;
  return {
    form: el.querySelector<HTMLFormElement>("form.widget-controls")!,
    plot: el.querySelector<HTMLElement>(".figure-plot")!,
    note: el.querySelector<HTMLElement>(".widget-note")!,
    status: el.querySelector<HTMLElement>(".widget-status")!,
    busy: el.querySelector<HTMLElement>(".widget-busy")!,
    key: el.querySelector<HTMLElement>(".figure-key"),
    description: figure.querySelector<HTMLElement>(".figure-description"),
    table: figure.querySelector<HTMLElement>(".figure-data .table-scroll"),
  };
}

/** The data the page was built with (for worker specs), so a reload at the defaults computes nothing. */
function seedBuildTimeData(el: HTMLElement, spec: AnyFigureSpec) {
  const script = el.querySelector<HTMLScriptElement>("script.figure-build-data");
  if (!script?.textContent) return;
  const { values, data } = JSON.parse(script.textContent) as { values: Values; data: unknown };
  remember(spec, values, data);
}

export async function mountWidget(el: HTMLElement): Promise<WidgetController> {
  const spec = await loadSpec(el.dataset.spec ?? "");
  const figureId = el.dataset.figureId ?? spec.id;
  const parts = partsOf(el);
  const descId = parts.description?.id;
  const computer = computerFor(spec);
  seedBuildTimeData(el, spec);

  // Start from the values the page was drawn with (a chapter may set them), then apply the link's.
  const built = JSON.parse(el.dataset.values ?? "{}") as Record<string, unknown>;
  const fromUrl = valuesFromSearch(spec.params, figureId, new URLSearchParams(location.search), built);
  let values: Values = fromUrl.values as Values;
  let notes: string[] = fromUrl.notes;
  let shown: { values: Values; data: unknown } | undefined;
  let lastWidth = 0;
  let teardownInteraction: (() => void) | void;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  let computeTimer: ReturnType<typeof setTimeout> | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The description as of the last announcement (or the first drawing), and the latest drawn one. */
  let heard = parts.description?.textContent ?? "";
  let described = heard;
  /** Set by a change of state, cleared once its result is announced: redraws on resize and the first drawing say nothing. */
  let unannounced = false;
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

  const showNotes = () => {
    parts.note.hidden = notes.length === 0;
    parts.note.textContent = notes.join(" ");
  };

  const draw = (data: unknown, drawnValues: Values) => {
    lastWidth = parts.plot.clientWidth;
    const svg = drawFigure(spec, data, drawnValues, { document, width: lastWidth > 0 ? lastWidth : 640, describedBy: descId });
    teardownInteraction?.();
    // A figure that is an input (a grid picker) keeps the keyboard focus across redraws: the
    // focused element takes the new drawing in place, so a screen reader reads the new value
    // instead of the whole control again.
    const focused = parts.plot.firstElementChild;
    const drawn = focused instanceof SVGSVGElement && focused === document.activeElement ? adoptDrawing(focused, svg) : svg;
    if (drawn === svg) parts.plot.replaceChildren(svg);
    shown = { values: drawnValues, data };
    described = spec.describe(data, drawnValues);
    if (parts.description) parts.description.textContent = described;
    if (parts.table) parts.table.innerHTML = dataTableHtml(spec.table(data, drawnValues), `Data plotted in the figure “${spec.title}”`);
    if (parts.key && typeof spec.key === "function") parts.key.innerHTML = keyHtml(figureKey(spec, drawnValues), figureId);
    teardownInteraction = spec.interact?.(drawn, { values: drawnValues, data, width: lastWidth, set: (partial) => apply(partial) });
    settleFocusability(drawn);
  };

  /** Called when the latest values are drawn (or failed to draw): speak the notes and the new sentences of the description, once input pauses. */
  const settle = () => {
    clearTimeout(announceTimer);
    if (!unannounced) {
      heard = described;
      return;
    }
    announceTimer = setTimeout(() => {
      unannounced = false;
      parts.status.textContent = [...notes, changedSentences(heard, described)].filter(Boolean).join(" ");
      heard = described;
    }, ANNOUNCE_DELAY_MS);
  };

  const setBusy = (busy: boolean) => {
    parts.busy.hidden = !busy;
    parts.plot.classList.toggle("is-updating", busy);
    if (busy) parts.plot.setAttribute("aria-busy", "true");
    else parts.plot.removeAttribute("aria-busy");
  };

  // A failed draw keeps the last figure and says so, rather than leave a blank plot or throw.
  const failed = (error: unknown) => {
    if (error instanceof Superseded) return;
    notes = [...notes, `These values could not be drawn (${(error as Error).message}); showing the previous figure.`];
    showNotes();
    console.warn(error);
  };

  const render = () => {
    clearTimeout(computeTimer);
    const target = values;
    if (spec.compute !== "worker" || hasFigureData(spec, target)) {
      setBusy(false);
      try {
        draw(figureData(spec, target), target);
      } catch (error) {
        failed(error);
      }
      settle();
      return;
    }
    setBusy(true);
    computeTimer = setTimeout(() => {
      // A staged computation is drawn stage by stage, still marked as updating.
      const onStage = (stage: unknown) => {
        if (values !== target) return;
        try {
          draw(stage, target);
        } catch (error) {
          failed(error);
        }
      };
      computer.compute(target, onStage).then(
        (data) => {
          remember(spec, target, data);
          if (values !== target) return;
          setBusy(false);
          try {
            draw(data, target);
          } catch (error) {
            failed(error);
          }
          settle();
        },
        (error) => {
          if (error instanceof Superseded) return;
          setBusy(false);
          failed(error);
          settle();
        },
      );
    }, WORKER_DELAY_MS);
  };

  const writeUrl = () => {
    clearTimeout(urlTimer);
    // Written once input pauses: a dragged slider fires ~60 inputs a second,
    // and Chromium ignores (with a console warning) more than about 200
    // history updates in ten seconds.
    urlTimer = setTimeout(() => {
      const search = writeToSearch(spec.params, figureId, values, new URLSearchParams(location.search));
      history.replaceState(history.state, "", `${location.pathname}?${search}${location.hash}`);
    }, URL_WRITE_DELAY_MS);
  };

  const syncControls = () => {
    for (const [key, control] of controls) control.write(values[key], values);
  };

  /** The one path every change takes. */
  function apply(raw: Record<string, unknown>) {
    const result = coerceValues(spec.params, { ...values, ...raw });
    values = result.values as Values;
    notes = result.notes;
    // Nothing is announced until this change is drawn; an earlier result still on its way is not.
    clearTimeout(announceTimer);
    unannounced = true;
    render();
    showNotes();
    // A clamped value shows in every control at once, with the note saying why.
    syncControls();
    writeUrl();
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  const controls = bindControls(parts.form, spec, (key) => ({
    figureId,
    key,
    set: (raw) => apply({ [key]: raw }),
    reject: (message) => {
      notes = [message];
      showNotes();
      unannounced = true;
      // A result still being computed announces the note with it.
      if (parts.busy.hidden) settle();
    },
    clearNote: () => {
      notes = [];
      showNotes();
    },
    values: () => values,
    reducedMotion: () => reducedMotion.matches,
  }));

  const onSubmit = (event: Event) => event.preventDefault();
  parts.form.addEventListener("submit", onSubmit);

  // Redraw (no recomputation) when the column changes size: phone rotation, window resize.
  const resize = new ResizeObserver(() => {
    if (shown && Math.abs(parts.plot.clientWidth - lastWidth) > 8) {
      try {
        draw(shown.data, shown.values);
      } catch (error) {
        failed(error);
      }
    }
  });
  resize.observe(parts.plot);

  parts.form.querySelector("fieldset")?.removeAttribute("disabled");
  syncControls();
  showNotes();
  // A link whose values had to be corrected says so (the figure it loads is not announced), and is
  // rewritten with the values in use, so copying it again shares what the reader sees.
  if (notes.length > 0) {
    parts.status.textContent = notes.join(" ");
    writeUrl();
  }
  render();

  return {
    get: () => ({ ...values }),
    set: (raw) => apply(raw),
    destroy() {
      clearTimeout(urlTimer);
      clearTimeout(computeTimer);
      clearTimeout(announceTimer);
      resize.disconnect();
      computer.destroy();
      teardownInteraction?.();
      for (const control of controls.values()) control.teardown();
      parts.form.removeEventListener("submit", onSubmit);
    },
  };
}
