/**
 * A figure spec: parameters → data (from lib) → a drawing. One module, used
 * at build time for the static SVG, in the browser by the figure's widget
 * (data in a Web Worker when it is heavy), and by the snapshot tests through
 * exactly the build-time path, so a snapshot is what ships.
 *
 * A spec lives in `src/figures/<topic>/<id>.figure.ts`; the file name is its
 * id, and being there is all it takes to be loadable by widgets, shown in the
 * gallery and snapshotted.
 */
import type { PlotOptions } from "@observablehq/plot";
import type { KeyEntry } from "./key";
import type { ParamSchema, ParamValues } from "./params";
import type { SvgNode } from "./svg";

/** The plotted data as a table of already formatted cells, for readers who cannot see the plot. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** A piece of code shown on a figure's code page: a whole file, or some exported functions of it. */
export interface CodeRef {
  file: string;
  names?: string[];
}

/** What `plot` is given besides the data: the width to draw at, and the values the data was computed from. */
export interface FigureFrame<S extends ParamSchema> {
  width: number;
  values: ParamValues<S>;
}

/**
 * A drawing: Plot options (without `document`, `className` or `width`: the
 * renderer adds those), or, for figures Plot does not draw well (grids,
 * graphs, diagrams), a plain SVG tree built with `svg()` from ./svg.
 */
export type Drawing = PlotOptions | SvgNode;

/** What a figure that is itself an input (a grid the reader clicks) gets after each draw. */
export interface InteractContext<S extends ParamSchema, D> {
  values: ParamValues<S>;
  data: D;
  width: number;
  /** Change some parameters; the change goes through the same path as a control's (validate → draw → note → URL). */
  set(partial: Partial<Record<keyof S & string, unknown>>): void;
}

export interface FigureSpec<S extends ParamSchema = ParamSchema, D = unknown> {
  /** The spec's id: its file name without `.figure.ts`. Class names and snapshots use it. */
  id: string;
  /** Short name of the figure, used as the SVG's accessible name. */
  title: string;
  params: S;
  /** The figure's key, shown above the plot; a function when it depends on the values. */
  key?: KeyEntry[] | ((values: ParamValues<S>) => KeyEntry[]);
  /** Where the browser computes `data`: on the page (default, must take well under a frame) or in a Web Worker. */
  compute?: "main" | "worker";
  /** The numbers behind the figure, from lib. Pure and deterministic: computed once per set of values. For "worker" specs it must be structured-cloneable. */
  data(values: ParamValues<S>): D;
  /**
   * The parameters `data` reads, when some only change the drawing (say, how
   * much of a computed series is shown): the data is then memoised on these
   * alone, and changing another redraws at once, without computing (or a
   * worker round trip). All parameters when omitted.
   */
  dataParams?: readonly (keyof S & string)[];
  /**
   * For a long "worker" computation: the same data in stages (say, one curve
   * at a time), each stage drawable on its own and the last equal to
   * `data(values)`. The widget draws each stage as it arrives.
   */
  dataInStages?(values: ParamValues<S>): Iterable<D>;
  /** The drawing at a given width. Cheap: called once per width (two at build time) and on every resize. */
  plot(data: D, frame: FigureFrame<S>): Drawing;
  /** What the figure shows, in a sentence or two, for screen readers and print. */
  describe(data: D, values: ParamValues<S>): string;
  /** The data as a table, for readers who cannot see the plot. */
  table(data: D, values: ParamValues<S>): DataTable;
  /** Make the drawn SVG an input; returns a teardown, called before the next draw and when the widget leaves the page. */
  interact?(svg: SVGSVGElement, ctx: InteractContext<S, D>): (() => void) | void;
  /** The spec's own file and the lib functions it calls, for a figure's code page. */
  code: CodeRef[];
}

/** Identity function that checks a spec's types and keeps its parameter schema (and its choice unions) precise. */
export function defineFigure<S extends ParamSchema, D>(spec: FigureSpec<S, D>): FigureSpec<S, D> {
  return spec;
}

/** Any spec, as generic code (the registry, the widget runtime, the tests) handles it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFigureSpec = FigureSpec<any, any>;
