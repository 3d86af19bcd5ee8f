/**
 * Grids of cells (pixels, units of a layer) as plain SVG, for the figures of
 * part 2: one or more panels side by side, each cell in a category whose
 * colour comes from the theme, and an optional hatching so categories differ
 * in more than colour. `pickCells` makes a drawn grid an input: click or tap
 * a cell, or focus the grid and move with the arrow keys.
 */
import { resolveBound, type Cell, type PointParam } from "./params";
import { px, svg, type SvgNode } from "./svg";

export interface CellStyle {
  /** A CSS colour, normally one of the theme's --c-cell-* variables. */
  fill: string;
  /** Diagonal lines over the fill, for a category that must not rely on colour alone. */
  hatch?: boolean;
  /** Outline the cell (for the chosen cell). */
  outline?: boolean;
}

export interface GridPanel<K extends string> {
  title?: string;
  rows: number;
  cols: number;
  /** Category of the cell at (row, col), 1-based. */
  category(row: number, col: number): K;
  /** Whether clicking this panel's cells picks a cell. */
  pickable?: boolean;
}

export interface GridLayout {
  width: number;
  /** Largest cell side in px; cells shrink to fit the width, never below `minCell`. */
  maxCell?: number;
  minCell?: number;
}

const GAP = 18;
const LABEL = 22;
const TITLE = 20;

/** Row and column numbers worth writing beside a grid of n cells: 1, and every 5th. */
const ticks = (n: number) => [1, ...Array.from({ length: Math.floor(n / 5) }, (_, i) => 5 * (i + 1))].filter((t) => t <= n);

/** The panels as one SVG, wrapped into as many lines as the width needs. */
export function cellGrid<K extends string>(panels: GridPanel<K>[], styles: Record<K, CellStyle>, layout: GridLayout): SvgNode {
  const maxCell = layout.maxCell ?? 26;
  const minCell = layout.minCell ?? 8;
  const cols = Math.max(...panels.map((p) => p.cols));
  const rows = Math.max(...panels.map((p) => p.rows));
  // As many panels per line as fit at the smallest cell size, then the largest cell that fits.
  const perLine = Math.max(1, Math.min(panels.length, Math.floor((layout.width + GAP) / (LABEL + cols * minCell + GAP))));
  const cell = Math.max(minCell, Math.min(maxCell, Math.floor((layout.width - perLine * (LABEL + GAP) + GAP) / (perLine * cols))));
  const panelWidth = LABEL + cols * cell;
  const hasTitles = panels.some((p) => p.title);
  const panelHeight = (hasTitles ? TITLE : 0) + LABEL + rows * cell;
  const lines = Math.ceil(panels.length / perLine);
  const width = Math.max(layout.width, perLine * (panelWidth + GAP) - GAP);
  const height = lines * (panelHeight + GAP) - GAP + 2;

  const drawn = panels.map((panel, index) => {
    const x0 = (index % perLine) * (panelWidth + GAP) + LABEL;
    const y0 = Math.floor(index / perLine) * (panelHeight + GAP) + (hasTitles ? TITLE : 0) + LABEL;
    const cells: SvgNode[] = [];
    for (let r = 1; r <= panel.rows; r++) {
      for (let c = 1; c <= panel.cols; c++) {
        const style = styles[panel.category(r, c)];
        const x = px(x0 + (c - 1) * cell);
        const y = px(y0 + (r - 1) * cell);
        cells.push(
          svg("rect", {
            x,
            y,
            width: cell,
            height: cell,
            fill: style.fill,
            stroke: "var(--c-cell-line)",
            "stroke-width": 0.5,
            "data-cell": panel.pickable ? "" : undefined,
            "data-row": panel.pickable ? r : undefined,
            "data-col": panel.pickable ? c : undefined,
          }),
        );
        if (style.hatch) {
          cells.push(
            svg("path", {
              d: `M${x},${px(y + cell / 2)}L${px(x + cell / 2)},${y}M${x},${px(y + cell)}L${px(x + cell)},${y}M${px(x + cell / 2)},${px(y + cell)}L${px(x + cell)},${px(y + cell / 2)}`,
              stroke: "currentColor",
              "stroke-opacity": 0.55,
              "stroke-width": 1,
              "pointer-events": "none",
            }),
          );
        }
        if (style.outline) {
          cells.push(
            svg("rect", {
              x: px(x + 1.5),
              y: px(y + 1.5),
              width: cell - 3,
              height: cell - 3,
              fill: "none",
              stroke: "var(--c-accent)",
              "stroke-width": 3,
              "pointer-events": "none",
            }),
          );
        }
      }
    }
    const labels = [
      ...ticks(panel.cols).map((c) =>
        svg("text", { x: px(x0 + (c - 0.5) * cell), y: y0 - 6, "text-anchor": "middle", "font-size": 11, fill: "currentColor" }, String(c)),
      ),
      ...ticks(panel.rows).map((r) =>
        svg(
          "text",
          { x: x0 - 5, y: px(y0 + (r - 0.5) * cell + 4), "text-anchor": "end", "font-size": 11, fill: "currentColor" },
          String(r),
        ),
      ),
    ];
    const title = panel.title
      ? svg("text", { x: x0, y: y0 - LABEL, "font-size": 12, "font-weight": 600, fill: "currentColor" }, panel.title)
      : null;
    return svg("g", {}, title, ...cells, ...labels);
  });
  return svg(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" },
    ...drawn,
  );
}

export interface PickOptions {
  current: Cell;
  rows: number;
  cols: number;
  pick(cell: Cell): void;
  /** What the reader picks, as the control beside the figure names it ("Output pixel"); the grid's name adds "on the figure". */
  label: string;
  /** The picked cell in the chapter's words; "row 8, column 3" unless given. */
  valueText?(cell: Cell): string;
}

/**
 * Make the pickable cells of a drawn grid an input: a click or tap picks a
 * cell; with the grid focused, the arrow keys move the pick (Home/End: first
 * and last column). Returns the teardown.
 *
 * To assistive technology the grid is a slider over the cells in raster
 * order: ARIA has no two-dimensional value control, and a slider is
 * focusable, has a name and a value, and is announced when the value
 * changes. Its value text names the cell, so Up and Down, which move by a
 * whole row, read as what they do.
 */
export function pickCells(root: SVGSVGElement, options: PickOptions): () => void {
  const { current, rows, cols } = options;
  root.setAttribute("tabindex", "0");
  root.setAttribute("role", "slider");
  root.setAttribute("aria-label", `${options.label}, on the figure`);
  root.setAttribute("aria-valuemin", "1");
  root.setAttribute("aria-valuemax", String(rows * cols));
  root.setAttribute("aria-valuenow", String((current.row - 1) * cols + current.col));
  root.setAttribute("aria-valuetext", options.valueText?.(current) ?? `row ${current.row}, column ${current.col}`);
  const onClick = (event: Event) => {
    const target = (event.target as Element).closest("[data-cell]");
    if (!target) return;
    options.pick({ row: Number(target.getAttribute("data-row")), col: Number(target.getAttribute("data-col")) });
  };
  const onKey = (event: KeyboardEvent) => {
    const { row, col } = options.current;
    const moves: Record<string, Cell> = {
      ArrowUp: { row: row - 1, col },
      ArrowDown: { row: row + 1, col },
      ArrowLeft: { row, col: col - 1 },
      ArrowRight: { row, col: col + 1 },
      Home: { row, col: 1 },
      End: { row, col: options.cols },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    if (next.row >= 1 && next.row <= options.rows && next.col >= 1 && next.col <= options.cols) options.pick(next);
  };
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  return () => {
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKey);
  };
}

/** `pickCells` on a grid of the cells a point parameter ranges over, named by it. */
export function pickPoint(
  root: SVGSVGElement,
  param: PointParam,
  values: Record<string, unknown>,
  current: Cell,
  pick: (cell: Cell) => void,
) {
  return pickCells(root, {
    current,
    rows: resolveBound(param.rows, values),
    cols: resolveBound(param.cols, values),
    label: param.label,
    pick,
  });
}
