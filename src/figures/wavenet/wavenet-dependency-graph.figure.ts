/**
 * Figure (chapter 2.1): the part of a stack of causal (dilated) convolutions
 * that one output depends on, drawn as a graph. Units are circles, one row
 * per layer (input at the bottom, the output's layer at the top); the units
 * the chosen output depends on are filled and joined by the taps it uses;
 * taps that fall before the start of the signal go to the zero-padding
 * column on the left. The reader picks the depth, the dilation schedule and
 * the output position (with a control, or on the top row of the graph).
 */
import { formatInteger } from "../../../lib/format";
import { waveNetDependencyGraph, waveNetReceptiveField, type WaveNetDependencyGraph } from "../../../lib/wavenet";
import { pickCells } from "../cell-grid";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam } from "../params";
import { px, svg, type SvgNode } from "../svg";
import { positionRuns, scheduleText } from "./wavenet-text";

/** Samples in the drawn signal: doubling covers it exactly with 5 layers. */
export const GRAPH_LENGTH = 32;
/** Deepest stack the widget draws; enough for +1 and doubling to outgrow the signal (no dilation stays far short of it). */
export const GRAPH_MAX_DEPTH = 8;

interface GraphData {
  graph: WaveNetDependencyGraph;
  /** Receptive field on an unbounded signal (samples). */
  field: number;
  /** Units the output depends on, per layer (index 0: the input). */
  perLayer: number[];
  /** Taps of those units that read the zero padding, per layer (index l: layer l's taps; index 0 unused). */
  paddingPerLayer: number[];
}

// Geometry, in px. Everything scales with the column step, so the graph
// always fits the width it is drawn at (down to phones).
const LEFT = 38;
const RIGHT = 6;
const TOP = 8;
/** Gap between the zero-padding column and position 1, in columns. */
const PAD_GAP = 0.8;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Position labels under the input row: 1 and every 8th. */
const POSITION_TICKS = [1, 8, 16, 24, 32].filter((p) => p <= GRAPH_LENGTH);

const POSITION = numberParam({ label: "Output position", min: 1, max: GRAPH_LENGTH, step: 1, default: GRAPH_LENGTH, integer: true });

export default defineFigure({
  id: "wavenet-dependency-graph",
  title: "What one output of a causal convolution stack depends on",
  params: {
    depth: numberParam({ label: "Layers d", min: 1, max: GRAPH_MAX_DEPTH, step: 1, default: 4, integer: true }),
    schedule: choiceParam({
      label: "Dilation",
      control: "radio",
      options: [
        { value: "none", label: "none (1, 1, 1, …)" },
        { value: "plus-one", label: "+1 (1, 2, 3, …)" },
        { value: "doubling", label: "doubling (1, 2, 4, …)" },
      ],
      default: "doubling",
    }),
    position: POSITION,
  },
  key: [
    { kind: "swatch", label: "the output", color: "var(--c-cell-ink)" },
    { kind: "swatch", label: "a unit it depends on", color: "var(--c-cell-main)" },
    { kind: "swatch", label: "an input sample it depends on", color: "var(--c-cell-alt)" },
    { kind: "swatch", label: "a unit it does not depend on", color: "var(--c-cell-blank)", border: true },
    { kind: "swatch", label: "zero padding (dashed taps read it)", color: "var(--c-cell-faint)", border: true },
  ],
  data({ depth, schedule, position }): GraphData {
    const graph = waveNetDependencyGraph(depth, schedule, GRAPH_LENGTH, position - 1);
    const perLayer = graph.nodes.map((row) => row.filter(Boolean).length);
    const paddingPerLayer = new Array<number>(depth + 1).fill(0);
    for (const e of graph.paddingEdges) paddingPerLayer[e.layer]++;
    return { graph, field: waveNetReceptiveField(depth, schedule), perLayer, paddingPerLayer };
  },
  plot({ graph }, { width, values: { depth, position } }) {
    const colStep = (width - LEFT - RIGHT) / (GRAPH_LENGTH + 1 + PAD_GAP);
    const r = clamp(colStep * 0.3, 2, 6);
    const rowStep = clamp(colStep * 2.3, 30, 40);
    const font = width < 480 ? 10 : 11;
    const xOf = (p: number) => px(LEFT + (1 + PAD_GAP + p + 0.5) * colStep); // p 0-based
    const xPad = px(LEFT + 0.5 * colStep);
    const yOf = (layer: number) => px(TOP + r + 4 + (depth - layer) * rowStep);
    const height = Math.ceil(yOf(0) + r + 8 + font + 4);
    const edgeWidth = clamp(r / 3, 1, 1.75);

    const padding: SvgNode[] = [];
    for (let l = 0; l < depth; l++) {
      padding.push(
        svg("rect", {
          x: px(xPad - r),
          y: px(yOf(l) - r),
          width: px(2 * r),
          height: px(2 * r),
          fill: "var(--c-cell-faint)",
          stroke: "var(--c-cell-line)",
          "stroke-width": 1,
        }),
      );
    }
    const paddingEdges = graph.paddingEdges.map((e) =>
      svg("line", {
        x1: xOf(e.to),
        y1: yOf(e.layer),
        x2: xPad,
        y2: yOf(e.layer - 1),
        stroke: "var(--c-muted)",
        "stroke-width": 1,
        "stroke-dasharray": "3,3",
      }),
    );
    const edges = graph.edges.map((e) =>
      svg("line", {
        x1: xOf(e.to),
        y1: yOf(e.layer),
        x2: xOf(e.from),
        y2: yOf(e.layer - 1),
        stroke: "var(--c-cell-main)",
        "stroke-width": edgeWidth,
        "stroke-opacity": 0.85,
      }),
    );
    const nodes: SvgNode[] = [];
    for (let l = 0; l <= depth; l++) {
      for (let p = 0; p < GRAPH_LENGTH; p++) {
        const on = graph.nodes[l][p];
        const isOutput = l === depth && p === position - 1;
        const fill = isOutput ? "var(--c-cell-ink)" : !on ? "var(--c-cell-blank)" : l === 0 ? "var(--c-cell-alt)" : "var(--c-cell-main)";
        nodes.push(
          svg("circle", {
            cx: xOf(p),
            cy: yOf(l),
            r: px(r),
            fill,
            stroke: on ? "currentColor" : "var(--c-cell-line)",
            "stroke-opacity": on ? 0.45 : 1,
            "stroke-width": 1,
          }),
        );
        if (isOutput) {
          nodes.push(svg("circle", { cx: xOf(p), cy: yOf(l), r: px(r + 2.5), fill: "none", stroke: "var(--c-accent)", "stroke-width": 2 }));
        }
      }
    }
    const labels: SvgNode[] = [];
    for (let l = 0; l <= depth; l++) {
      labels.push(
        svg(
          "text",
          { x: LEFT - 4, y: px(yOf(l) + font / 3), "text-anchor": "end", "font-size": font, fill: "currentColor" },
          l === 0 ? "input" : `δ=${graph.dilations[l - 1]}`,
        ),
      );
    }
    for (const p of POSITION_TICKS) {
      labels.push(
        svg(
          "text",
          { x: xOf(p - 1), y: px(yOf(0) + r + 6 + font), "text-anchor": "middle", "font-size": font, fill: "currentColor" },
          String(p),
        ),
      );
    }
    // Click targets for the top row: whole column cells, so a tap need not hit a small circle.
    const targets = Array.from({ length: GRAPH_LENGTH }, (_, p) =>
      svg(
        "rect",
        {
          x: px(xOf(p) - colStep / 2),
          y: px(yOf(depth) - rowStep / 2),
          width: px(colStep),
          height: px(rowStep),
          fill: "transparent",
          "data-cell": "",
          "data-row": 1,
          "data-col": p + 1,
        },
        svg("title", {}, `Output position ${p + 1}`),
      ),
    );
    return svg(
      "svg",
      { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" },
      svg("g", {}, ...padding),
      svg("g", {}, ...paddingEdges),
      svg("g", {}, ...edges),
      svg("g", {}, ...nodes),
      svg("g", {}, ...labels),
      svg("g", {}, ...targets),
    );
  },
  describe({ graph, field, perLayer }, { depth, schedule, position }) {
    const inputs = graph.inputCount;
    const outside = field - inputs;
    const reach =
      outside === 0
        ? `${field === 2 ? "both" : `all ${formatInteger(field)}`} samples of its receptive field lie inside the signal`
        : `its receptive field is ${formatInteger(field)} samples, but ${formatInteger(outside)} of them would lie before the start of the signal, where the layers read zero padding`;
    const layers = perLayer
      .slice(1, depth)
      .reverse()
      .map((n) => formatInteger(n));
    return (
      `Output position ${position} of a ${GRAPH_LENGTH}-sample signal after ${depth} causal layer${depth === 1 ? "" : "s"} with ${scheduleText(schedule, graph.dilations)}. ` +
      `It depends on ${formatInteger(inputs)} input sample${inputs === 1 ? "" : "s"} (position${inputs === 1 ? "" : "s"} ${positionRuns(graph.nodes[0])}): ${reach}. ` +
      (layers.length > 0 ? `Units it depends on in the layers below it, from the top down: ${layers.join(", ")}. ` : "") +
      `Pick another output by clicking the top row, or focus the graph and use the arrow keys.`
    );
  },
  table({ graph, perLayer, paddingPerLayer }, { depth }) {
    const rows: string[][] = [];
    for (let l = depth; l >= 0; l--) {
      rows.push([
        l === 0 ? "input" : l === depth ? `${l} (output)` : String(l),
        l === 0 ? "—" : formatInteger(graph.dilations[l - 1]),
        formatInteger(perLayer[l]),
        positionRuns(graph.nodes[l]),
        l === 0 ? "—" : formatInteger(paddingPerLayer[l]),
      ]);
    }
    return { columns: ["layer", "dilation", "units reached", "positions", "padding taps"], rows };
  },
  interact(root, { values, set }) {
    return pickCells(root, {
      current: { row: 1, col: values.position },
      rows: 1,
      cols: GRAPH_LENGTH,
      label: POSITION.label,
      valueText: (cell) => `${cell.col} of ${GRAPH_LENGTH}`,
      pick: (cell) => set({ position: cell.col }),
    });
  },
  code: [
    { file: "src/figures/wavenet/wavenet-dependency-graph.figure.ts" },
    { file: "lib/wavenet.ts", names: ["causalLags", "waveNetDependencyGraphOfDilations", "waveNetReceptiveField"] },
  ],
});
