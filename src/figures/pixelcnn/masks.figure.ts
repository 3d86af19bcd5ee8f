/**
 * Figure (chapter 2.2): the 3×3 kernels of PixelCNN as 0/1 masks: the full
 * kernel (what the answer sheet counts), mask A and mask B. Drawn from
 * lib's MASK_KERNELS, the same matrices the propagation reads its taps from.
 */
import { formatInteger } from "../../../lib/format";
import { MASK_KERNELS, fullKernelTaps, maskTaps } from "../../../lib/pixelcnn";
import { defineFigure } from "../figure-spec";
import { px, svg, type SvgNode } from "../svg";

interface Kernel {
  title: string;
  kernel: readonly (readonly number[])[];
  taps: number;
}

const ROW_NAMES = ["row above", "same row", "row below"];
const GAP = 28;
const TITLE = 38;

export default defineFigure({
  id: "masks",
  title: "The unmasked 3×3 kernel, mask A and mask B",
  params: {},
  key: [
    { kind: "swatch", label: "live tap: its weights are learned (1)", color: "var(--c-cell-main)" },
    { kind: "swatch", label: "masked tap: its weights are held at 0", color: "var(--c-cell-blank)", border: true },
  ],
  data(): Kernel[] {
    const full = fullKernelTaps().length;
    return [
      { title: "no mask", kernel: [0, 1, 2].map(() => [1, 1, 1]), taps: full },
      { title: "mask A", kernel: MASK_KERNELS.A, taps: maskTaps("A").length },
      { title: "mask B", kernel: MASK_KERNELS.B, taps: maskTaps("B").length },
    ];
  },
  plot(kernels, { width }) {
    // Three 3×3 panels side by side; cells as large as fit, at most 44 px.
    const cell = Math.max(24, Math.min(44, Math.floor((width - 2 * GAP) / 9)));
    const panel = 3 * cell;
    const total = 3 * panel + 2 * GAP;
    const x0 = Math.max(0, Math.floor((width - total) / 2));
    const height = TITLE + panel + 2;
    const drawn: SvgNode[] = kernels.map((k, index) => {
      const left = x0 + index * (panel + GAP);
      const cells: SvgNode[] = [];
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) {
          const live = k.kernel[r][c] !== 0;
          const x = px(left + c * cell);
          const y = px(TITLE + r * cell);
          cells.push(
            svg("rect", {
              x,
              y,
              width: cell,
              height: cell,
              fill: live ? "var(--c-cell-main)" : "var(--c-cell-blank)",
              stroke: "var(--c-cell-line)",
              "stroke-width": 1,
            }),
            svg(
              "text",
              {
                x: px(x + cell / 2),
                y: px(y + cell / 2 + 5),
                "text-anchor": "middle",
                "font-size": 15,
                fill: live ? "var(--bg)" : "currentColor",
              },
              String(k.kernel[r][c]),
            ),
          );
        }
      }
      // The output pixel's own position: the centre, outlined.
      cells.push(
        svg("rect", {
          x: px(left + cell + 2),
          y: px(TITLE + cell + 2),
          width: cell - 4,
          height: cell - 4,
          fill: "none",
          stroke: "var(--c-accent)",
          "stroke-width": 3,
        }),
      );
      // Two short lines, so the title fits over a panel of 24 px cells.
      const text = (y: number, weight: number, content: string) =>
        svg(
          "text",
          { x: px(left + panel / 2), y, "text-anchor": "middle", "font-size": 13, "font-weight": weight, fill: "currentColor" },
          content,
        );
      const title = svg("g", {}, text(14, 600, k.title), text(31, 400, `${k.taps} taps`));
      return svg("g", {}, title, ...cells);
    });
    return svg(
      "svg",
      { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" },
      ...drawn,
    );
  },
  describe(kernels) {
    const [full, a, b] = kernels;
    return (
      `Three 3×3 kernels, the row above the output pixel on top and the output's own position (the centre) outlined. ` +
      `Without a mask all ${formatInteger(full.taps)} taps are live. ` +
      `Mask A keeps the ${formatInteger(a.taps)} taps that come before the centre in raster order: the three pixels of the row above and the left neighbour. ` +
      `Mask B keeps those and the centre: ${formatInteger(b.taps)} taps. The right neighbour and the row below are masked in both.`
    );
  },
  table(kernels) {
    return {
      columns: ["kernel", ...ROW_NAMES, "live taps"],
      rows: kernels.map((k) => [k.title, ...k.kernel.map((row) => row.join(" ")), formatInteger(k.taps)]),
    };
  },
  code: [
    { file: "src/figures/pixelcnn/masks.figure.ts" },
    { file: "lib/pixelcnn.ts", names: ["MASK_KERNELS", "maskTaps", "fullKernelTaps"] },
  ],
});
