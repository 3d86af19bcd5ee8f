/**
 * The drawing of the SVD figure (svd-ellipse.figure.ts): panels side by side
 * (four in a row on wide screens, two by two on phones), each a titled square
 * with axes, the image of the unit circle as an exact <ellipse>, the unit
 * circle dashed for comparison, and labelled arrows.
 */
import { px, svg, type SvgNode } from "../svg";

const GAP = 14;
const TITLE = 36;

export interface Panel {
  title: string;
  subtitle: string;
  /** World radius shown from the centre to the panel's edge. */
  radius: number;
  /** The image of the unit circle: an ellipse with half-axes a·(cos θ, sin θ) and b·(−sin θ, cos θ), world units. */
  curve: { a: number; b: number; theta: number };
  /** The unit circle, dashed, for comparison. */
  dashedCircle: boolean;
  arrows: { to: [number, number]; label: string; color: string }[];
}

function arrow(x0: number, y0: number, x1: number, y1: number, color: string): SvgNode[] {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 3) return [svg("circle", { cx: px(x1), cy: px(y1), r: 3, fill: color })];
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  const head = Math.min(8, len * 0.6);
  const bx = x1 - ux * head;
  const by = y1 - uy * head;
  const w = head * 0.45;
  return [
    svg("line", { x1: px(x0), y1: px(y0), x2: px(bx), y2: px(by), stroke: color, "stroke-width": 2.5 }),
    svg("path", { d: `M${px(x1)},${px(y1)}L${px(bx - uy * w)},${px(by + ux * w)}L${px(bx + uy * w)},${px(by - ux * w)}Z`, fill: color }),
  ];
}

function drawPanel(panel: Panel, x0: number, y0: number, size: number): SvgNode {
  const cx = x0 + size / 2;
  const cy = y0 + TITLE + size / 2;
  const k = (size / 2 - 4) / panel.radius;
  const X = (p: [number, number]) => cx + p[0] * k;
  const Y = (p: [number, number]) => cy - p[1] * k;
  const { a, b, theta } = panel.curve;
  // An <ellipse> is exact and small; one flatter than a pixel is drawn as the segment it is.
  const curve =
    b * k >= 0.5
      ? svg("ellipse", {
          cx: px(cx),
          cy: px(cy),
          rx: px(a * k),
          ry: px(b * k),
          transform: theta === 0 ? undefined : `rotate(${px((-theta * 180) / Math.PI)} ${px(cx)} ${px(cy)})`,
          fill: "currentColor",
          "fill-opacity": 0.06,
          stroke: "currentColor",
          "stroke-width": 1.8,
        })
      : svg("line", {
          x1: px(cx - a * k * Math.cos(theta)),
          y1: px(cy + a * k * Math.sin(theta)),
          x2: px(cx + a * k * Math.cos(theta)),
          y2: px(cy - a * k * Math.sin(theta)),
          stroke: "currentColor",
          "stroke-width": 1.8,
        });
  const labels = panel.arrows.map((a, i) => {
    const len = Math.hypot(a.to[0], a.to[1]) * k;
    // Beyond the tip, along the arrow; a zero-length arrow gets its label beside the centre.
    const dir: [number, number] = len < 3 ? [i === 0 ? 1 : -1, i === 0 ? 0.6 : -0.6] : [a.to[0] / (len / k), a.to[1] / (len / k)];
    const lx = Math.min(x0 + size - 4, Math.max(x0 + 4, X(a.to) + dir[0] * 16));
    const ly = Math.min(y0 + TITLE + size - 4, Math.max(y0 + TITLE + 12, Y(a.to) - dir[1] * 16 + 4));
    const anchor = lx > x0 + size - 30 ? "end" : lx < x0 + 30 ? "start" : "middle";
    return svg(
      "text",
      {
        x: px(lx),
        y: px(ly),
        "text-anchor": anchor,
        "font-size": 12,
        "font-weight": 600,
        fill: a.color,
        // A halo in the background colour keeps the label legible over the curve.
        stroke: "var(--bg)",
        "stroke-width": 3,
        "paint-order": "stroke",
      },
      a.label,
    );
  });
  return svg(
    "g",
    {},
    svg("text", { x: px(x0), y: px(y0 + 13), "font-size": 12, "font-weight": 600, fill: "currentColor" }, panel.title),
    svg("text", { x: px(x0), y: px(y0 + 28), "font-size": 11, fill: "currentColor", "fill-opacity": 0.75 }, panel.subtitle),
    svg("line", { x1: px(x0), y1: px(cy), x2: px(x0 + size), y2: px(cy), stroke: "currentColor", "stroke-opacity": 0.2 }),
    svg("line", { x1: px(cx), y1: px(y0 + TITLE), x2: px(cx), y2: px(y0 + TITLE + size), stroke: "currentColor", "stroke-opacity": 0.2 }),
    panel.dashedCircle
      ? svg("circle", {
          cx: px(cx),
          cy: px(cy),
          r: px(k),
          fill: "none",
          stroke: "var(--c-muted)",
          "stroke-dasharray": "4,3",
          "stroke-width": 1.2,
        })
      : null,
    curve,
    ...panel.arrows.flatMap((a) => arrow(cx, cy, X(a.to), Y(a.to), a.color)),
    ...labels,
  );
}

/** The panels as one SVG of the given width. */
export function drawPanels(list: Panel[], width: number): SvgNode {
  const perRow = width >= 560 ? 4 : 2;
  const size = Math.floor((width - (perRow - 1) * GAP) / perRow);
  const rows = Math.ceil(list.length / perRow);
  const height = rows * (TITLE + size) + (rows - 1) * GAP + 2;
  const drawn = list.map((p, i) => drawPanel(p, (i % perRow) * (size + GAP), Math.floor(i / perRow) * (TITLE + size + GAP), size));
  return svg(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" },
    ...drawn,
  );
}
