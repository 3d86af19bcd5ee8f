/**
 * Figure (chapter 1.3): the two residual blocks of the problem as flow
 * diagrams, side by side: "ReLU before addition" (He et al. 2016, Fig. 4c),
 * whose shortcut reaches the output untouched, and "BN after addition"
 * (Fig. 4b), whose shortcut passes through a BN and a ReLU. Plain SVG; the
 * shortcut path is coloured, and so are the operations it passes through.
 */
import { formatInteger } from "../../../lib/format";
import { defineFigure } from "../figure-spec";
import { px, svg, type SvgNode } from "../svg";

type Op = "Weight" | "BN" | "ReLU" | "+";

interface Diagram {
  title: string;
  panel: string;
  ops: Op[];
  /** The colour of the shortcut path and of what it passes through. */
  color: string;
}

/** The blocks as drawn, top to bottom from x_l to x_{l+1}; exported for the tests. */
export const DIAGRAMS: readonly Diagram[] = [
  {
    title: "ReLU before addition",
    panel: "He et al. Fig. 4c",
    ops: ["Weight", "BN", "ReLU", "Weight", "BN", "ReLU", "+"],
    color: "var(--c-block-relu-before)",
  },
  {
    title: "BN after addition",
    panel: "He et al. Fig. 4b",
    ops: ["Weight", "BN", "ReLU", "Weight", "+", "BN", "ReLU"],
    color: "var(--c-block-bn-after)",
  },
];

const ROW = 32;
const BOX_H = 22;
const TOP = 44;

/** "x" with a subscript, as SVG text. */
function xLabel(x: number, y: number, sub: string): SvgNode {
  return svg(
    "text",
    { x: px(x), y: px(y), "text-anchor": "middle", "font-size": 14, "font-style": "italic", fill: "currentColor" },
    "x",
    svg("tspan", { dy: 4, "font-size": 10, "font-style": "normal" }, sub),
  );
}

function column(d: Diagram, left: number, width: number): SvgNode[] {
  const centre = left + width / 2;
  const boxW = Math.min(108, width - 44);
  const sideX = centre + boxW / 2 + 14;
  const rowY = (r: number) => TOP + 18 + r * ROW;
  const add = d.ops.indexOf("+");
  const last = d.ops.length + 1;
  const nodes: SvgNode[] = [
    svg("text", { x: px(centre), y: 16, "text-anchor": "middle", "font-size": 13, "font-weight": 600, fill: "currentColor" }, d.title),
    svg("text", { x: px(centre), y: 32, "text-anchor": "middle", "font-size": 11, fill: "currentColor", "fill-opacity": 0.75 }, d.panel),
    xLabel(centre, rowY(0) + 4, "l"),
  ];
  // The main path: a line through every operation.
  nodes.push(
    svg("line", {
      x1: px(centre),
      y1: px(rowY(0) + 8),
      x2: px(centre),
      y2: px(rowY(last) - 14),
      stroke: "currentColor",
      "stroke-opacity": 0.6,
      "stroke-width": 1.5,
    }),
  );
  // The shortcut: from x_l down the side into the addition, then on to the output.
  nodes.push(
    svg("path", {
      d: `M ${px(centre)} ${px(rowY(0) + 10)} H ${px(sideX)} V ${px(rowY(add + 1))} H ${px(centre + 10)}`,
      fill: "none",
      stroke: d.color,
      "stroke-width": 2.5,
    }),
    svg("line", {
      x1: px(centre),
      y1: px(rowY(add + 1) + 10),
      x2: px(centre),
      y2: px(rowY(last) - 14),
      stroke: d.color,
      "stroke-width": 2.5,
    }),
  );
  d.ops.forEach((op, i) => {
    const y = rowY(i + 1);
    const onShortcut = i > add;
    if (op === "+") {
      nodes.push(
        svg("circle", { cx: px(centre), cy: px(y), r: 10, fill: "var(--bg)", stroke: d.color, "stroke-width": 2 }),
        svg("path", {
          d: `M ${px(centre - 5)} ${px(y)} H ${px(centre + 5)} M ${px(centre)} ${px(y - 5)} V ${px(y + 5)}`,
          stroke: d.color,
          "stroke-width": 2,
        }),
      );
      return;
    }
    nodes.push(
      svg("rect", {
        x: px(centre - boxW / 2),
        y: px(y - BOX_H / 2),
        width: px(boxW),
        height: BOX_H,
        rx: 4,
        fill: "var(--c-cell-blank)",
        stroke: onShortcut ? d.color : "currentColor",
        "stroke-opacity": onShortcut ? 1 : 0.6,
        "stroke-width": onShortcut ? 2.5 : 1,
      }),
      svg("text", { x: px(centre), y: px(y + 4.5), "text-anchor": "middle", "font-size": 13, fill: "currentColor" }, op),
    );
  });
  nodes.push(xLabel(centre, rowY(last), "l+1"));
  return nodes;
}

export default defineFigure({
  id: "block-diagrams",
  title: "The two residual blocks of the problem",
  params: {},
  key: [
    { label: "shortcut of ReLU before addition: reaches the output untouched", color: "var(--c-block-relu-before)" },
    { label: "shortcut of BN after addition: passes through BN and ReLU", color: "var(--c-block-bn-after)" },
  ],
  data() {
    return DIAGRAMS;
  },
  plot(diagrams, { width }) {
    const colW = width / diagrams.length;
    const height = TOP + 18 + (Math.max(...diagrams.map((d) => d.ops.length)) + 1) * ROW + 14;
    return svg(
      "svg",
      { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" },
      ...diagrams.flatMap((d, i) => column(d, i * colW, colW)),
    );
  },
  describe(diagrams) {
    return (
      `Two residual blocks drawn from the input x_l (top) to the output x_l+1 (bottom). ` +
      diagrams
        .map((d) => {
          const after = d.ops.slice(d.ops.indexOf("+") + 1);
          return (
            `${d.title} (${d.panel}): ${d.ops.map((op) => (op === "+" ? "add x_l" : op)).join(" → ")}, with the shortcut from x_l joining at the addition` +
            (after.length
              ? `; after the addition the sum passes through ${after.join(" and ")}, so the shortcut does too.`
              : `, which is the block's output.`)
          );
        })
        .join(" ")
    );
  },
  table(diagrams) {
    const rows = Math.max(...diagrams.map((d) => d.ops.length));
    return {
      columns: ["step", ...diagrams.map((d) => d.title)],
      rows: Array.from({ length: rows }, (_, i) => [
        formatInteger(i + 1),
        ...diagrams.map((d) => (d.ops[i] === "+" ? "+ x_l (shortcut)" : (d.ops[i] ?? ""))),
      ]),
    };
  },
  code: [{ file: "src/figures/batch-norm/block-diagrams.figure.ts" }],
});
