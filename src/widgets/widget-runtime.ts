/**
 * The interactive part of a widget, loaded on demand: reads the state from the
 * URL, wires the controls, and re-renders the figure spec on every input.
 */
import { dataTableHtml } from "../figures/data-table";
import type { FigureSpec } from "../figures/figure-spec";
import { coerceValues, valuesFromSearch, writeToSearch, type ParamSchema, type ParamValues } from "../figures/params";
import { loadFigure } from "../figures/registry";
import { renderFigure } from "../figures/render/plot-figure";
import type { WidgetController } from "./figure-widget";

type Values = Record<string, number | string>;

/** How long input must pause before the state is written to the URL. */
const URL_WRITE_DELAY_MS = 250;

export async function mountWidget(el: HTMLElement): Promise<WidgetController> {
  const spec = (await loadFigure(el.dataset.figure ?? "")) as FigureSpec<ParamSchema>;
  const id = el.dataset.id ?? spec.id;
  const figure = el.closest("figure") ?? el;
  const form = el.querySelector<HTMLFormElement>("form.widget-controls")!;
  const plotBox = el.querySelector<HTMLElement>(".figure-plot")!;
  const note = el.querySelector<HTMLElement>(".widget-note")!;
  const description = figure.querySelector<HTMLElement>(".figure-description");
  const table = figure.querySelector<HTMLElement>(".figure-data .table-scroll");
  const descId = description?.id;

  const fromUrl = valuesFromSearch(spec.params, id, new URLSearchParams(location.search));
  let values: Values = fromUrl.values;
  let lastWidth = 0;

  const showNotes = (notes: string[]) => {
    note.hidden = notes.length === 0;
    note.textContent = notes.join(" ");
  };

  const syncControls = () => {
    for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")) {
      const v = String(values[input.name]);
      if (input.value !== v) input.value = v;
    }
  };

  const draw = () => {
    lastWidth = plotBox.clientWidth;
    const {
      svg,
      description: text,
      table: data,
    } = renderFigure(spec, values as ParamValues<ParamSchema>, {
      document,
      width: lastWidth > 0 ? lastWidth : undefined,
      describedBy: descId,
    });
    plotBox.replaceChildren(svg);
    if (description) description.textContent = text;
    if (table) table.innerHTML = dataTableHtml(data, `Data plotted in the figure “${spec.title}”`);
  };

  // Written once input pauses: a dragged slider fires ~60 inputs a second,
  // and Chromium ignores (with a console warning) more than about 200
  // history updates in ten seconds.
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const search = writeToSearch(spec.params, id, values as ParamValues<ParamSchema>, new URLSearchParams(location.search));
      history.replaceState(history.state, "", `${location.pathname}?${search}${location.hash}`);
    }, URL_WRITE_DELAY_MS);
  };

  const apply = (raw: Record<string, unknown>) => {
    const previous = values;
    const { values: next, notes } = coerceValues(spec.params, { ...values, ...raw });
    values = next;
    try {
      draw();
    } catch (error) {
      // Validated values should always draw; if one does not, keep the last
      // figure and say so rather than leave a blank plot or throw.
      values = previous;
      notes.push(`These values could not be drawn (${(error as Error).message}); showing the previous figure.`);
      console.warn(error);
    }
    showNotes(notes);
    // A clamped value shows in every control at once, with the note saying why.
    syncControls();
    writeUrl();
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    if (!input.name) return;
    // An empty number box mid-edit is not a value yet; wait for the reader.
    if (input instanceof HTMLInputElement && input.type === "number" && input.value.trim() === "") return;
    apply({ [input.name]: input.value });
  });

  // Re-render at the new width when the column changes size (phone rotation, window resize).
  new ResizeObserver(() => {
    if (Math.abs(plotBox.clientWidth - lastWidth) > 8) draw();
  }).observe(plotBox);

  form.querySelector("fieldset")?.removeAttribute("disabled");
  syncControls();
  showNotes(fromUrl.notes);
  draw();

  return {
    get: () => ({ ...values }),
    set: (raw) => {
      apply(raw);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    },
  };
}
