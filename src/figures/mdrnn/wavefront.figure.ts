/**
 * Figure (chapter 2.3): the wavefront schedule of a multidimensional RNN,
 * step by step. Every unit (layer, row, column) runs as soon as its west and
 * north neighbours and the unit below it have run, so all units with the
 * same layer + row + column run together.
 */
import { formatInteger } from "../../../lib/format";
import { mdrnnCriticalPath, mdrnnWavefront } from "../../../lib/mdrnn";
import { cellGrid, type CellStyle } from "../cell-grid";
import { defineFigure } from "../figure-spec";
import { numberParam, stepParam } from "../params";

type Category = "done" | "now" | "waiting";

const STYLES: Record<Category, CellStyle & { label: string }> = {
  now: { fill: "var(--c-cell-ink)", label: "runs at this step, all in parallel" },
  done: { fill: "var(--c-cell-main)", label: "ran at an earlier step" },
  waiting: { fill: "var(--c-cell-blank)", label: "waits for its inputs" },
};

export default defineFigure({
  id: "wavefront",
  title: "The wavefront schedule of a multidimensional RNN",
  params: {
    rows: numberParam({ label: "Image rows H", min: 1, max: 10, step: 1, default: 5, integer: true }),
    cols: numberParam({ label: "Image columns W", min: 1, max: 12, step: 1, default: 6, integer: true }),
    layers: numberParam({ label: "Layers d", min: 1, max: 5, step: 1, default: 3, integer: true }),
    step: stepParam({
      label: "Step",
      min: 1,
      max: (v) => mdrnnCriticalPath(v.rows as number, v.cols as number, v.layers as number),
      default: 1,
    }),
  },
  key: (["now", "done", "waiting"] as Category[]).map((k) => ({
    kind: "swatch" as const,
    label: STYLES[k].label,
    color: STYLES[k].fill,
    border: k === "waiting",
  })),
  data({ rows, cols, layers }) {
    return mdrnnWavefront(rows, cols, layers);
  },
  plot(wave, { width, values: { rows, cols, layers, step } }) {
    const category =
      (layer: number) =>
      (row: number, col: number): Category => {
        const s = wave.steps[((layer - 1) * rows + row - 1) * cols + col - 1] + 1;
        return s < step ? "done" : s === step ? "now" : "waiting";
      };
    const panels = Array.from({ length: layers }, (_, i) => ({ title: `Layer ${i + 1}`, rows, cols, category: category(i + 1) }));
    return cellGrid(panels, STYLES, { width, maxCell: 24, minCell: 10 });
  },
  describe(wave, { rows, cols, layers, step }) {
    const units = wave.unitsPerStep[step - 1] ?? 0;
    return (
      `Step ${step} of ${wave.stepCount} for a ${layers}-layer MDRNN on a ${rows} × ${cols} image: ` +
      `the ${formatInteger(units)} unit${units === 1 ? "" : "s"} whose layer + row + column equals ${step + 2} run at once. ` +
      `All ${formatInteger(layers * rows * cols)} units take ${wave.stepCount} = H + W + d − 2 steps.`
    );
  },
  table(wave) {
    return {
      columns: ["step", "units running"],
      rows: wave.unitsPerStep.map((n, s) => [String(s + 1), formatInteger(n)]),
    };
  },
  code: [
    { file: "src/figures/mdrnn/wavefront.figure.ts" },
    { file: "lib/mdrnn.ts", names: ["mdrnnUnitSteps", "mdrnnWavefront", "mdrnnCriticalPath"] },
  ],
});
