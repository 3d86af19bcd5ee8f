import type { PlotOptions } from "@observablehq/plot";
import type { ParamSchema, ParamValues } from "./params";

/** The plotted data as a table of already formatted cells, for readers who cannot see the plot. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** A piece of code shown under "show the code": a whole file, or some exported functions of it. */
export interface CodeRef {
  file: string;
  names?: string[];
}

/** One entry of a figure's key: a line sample and what it stands for. */
export interface KeyEntry {
  label: string;
  /** A CSS colour, normally one of the theme's variables: "var(--c-sigmoid)". */
  color: string;
  dashed?: boolean;
}

export interface FigureBuild {
  /** Plot options without `document`, `className` or `width`: the renderer adds those. */
  options: PlotOptions;
  /** What the figure shows, in a sentence or two, for screen readers and print. */
  description: string;
  table: DataTable;
}

/**
 * A figure: parameters → data (from lib) → Plot options. One function, used
 * at build time for the static SVG and in the browser by the figure's widget,
 * so the snapshot tests check exactly what ships.
 */
export interface FigureSpec<S extends ParamSchema = ParamSchema> {
  /** Stable id: class names, URL keys and snapshots use it. kebab-case. */
  id: string;
  /** Short name of the figure, used as the SVG's accessible name. */
  title: string;
  params: S;
  /** The figure's key, shown above the plot (the same for every parameter value). */
  key?: KeyEntry[];
  build(values: ParamValues<S>): FigureBuild;
  /** The spec's own file and the lib functions it calls, for "show the code". */
  code: CodeRef[];
}

/** Identity function that checks a spec's types and keeps its parameter schema precise. */
export function defineFigure<S extends ParamSchema>(spec: FigureSpec<S>): FigureSpec<S> {
  return spec;
}
