/**
 * Figure (chapter 2.3): how a multidimensional RNN runs, step by step, under
 * three schedules. In the wavefront every unit (layer, row, column) runs as
 * soon as its west and north neighbours and the unit below it have run, so
 * all units with the same layer + row + column run together; layer by layer
 * waits for each layer to finish; the raster scan runs one unit at a time.
 */
import { formatInteger } from "../../../lib/format";
import {
  mdrnnScheduleSteps,
  mdrnnScheduleTimeline,
  type MdrnnSchedule,
  type MdrnnSchedules,
  type MdrnnWavefront,
} from "../../../lib/mdrnn";
import { cellGrid, type CellStyle } from "../cell-grid";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam, stepParam } from "../params";
import { plural } from "../words";

type Category = "done" | "now" | "waiting";

const STYLES: Record<Category, CellStyle & { label: string }> = {
  now: { fill: "var(--c-cell-ink)", label: "runs at this step" },
  done: { fill: "var(--c-cell-main)", label: "ran at an earlier step" },
  waiting: { fill: "var(--c-cell-blank)", label: "has not run yet" },
};

const SCHEDULE_TEXT: Record<MdrnnSchedule, string> = {
  wavefront: "the wavefront",
  "layer-by-layer": "one layer at a time",
  "raster-scan": "one unit at a time (raster scan)",
};

interface WavefrontData {
  timeline: MdrnnWavefront;
  counts: MdrnnSchedules;
}

/** The number of steps a schedule takes. */
function stepCount(counts: MdrnnSchedules, schedule: MdrnnSchedule): number {
  return schedule === "wavefront" ? counts.wavefront : schedule === "layer-by-layer" ? counts.layerByLayer : counts.rasterScan;
}

/** The units (1-based layer, row, column) that run at a 1-based step. */
function unitsAt({ steps }: MdrnnWavefront, rows: number, cols: number, step: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < steps.length; i++) {
    if (steps[i] !== step - 1) continue;
    const c = i % cols;
    const r = Math.floor(i / cols) % rows;
    const l = Math.floor(i / (rows * cols));
    out.push([l + 1, r + 1, c + 1]);
  }
  return out;
}

export default defineFigure({
  id: "wavefront",
  title: "Schedules of a multidimensional RNN, step by step",
  params: {
    rows: numberParam({ label: "Image rows H", min: 1, max: 10, step: 1, default: 5, integer: true }),
    cols: numberParam({ label: "Image columns W", min: 1, max: 12, step: 1, default: 6, integer: true }),
    layers: numberParam({ label: "Layers d", min: 1, max: 5, step: 1, default: 3, integer: true }),
    schedule: choiceParam({
      label: "Schedule",
      control: "radio",
      options: [
        { value: "wavefront", label: "wavefront" },
        { value: "layer-by-layer", label: "layer by layer" },
        { value: "raster-scan", label: "raster scan" },
      ],
      default: "wavefront",
    }),
    step: stepParam({
      label: "Step",
      min: 1,
      // Step 6 of the default 5 × 6 × 3 grid shows the diagonal plane in every layer.
      max: (v) => stepCount(mdrnnScheduleSteps(v.rows as number, v.cols as number, v.layers as number), v.schedule as MdrnnSchedule),
      default: 6,
    }),
  },
  key: (["now", "done", "waiting"] as Category[]).map((k) => ({
    kind: "swatch" as const,
    label: STYLES[k].label,
    color: STYLES[k].fill,
    border: k === "waiting",
  })),
  data({ rows, cols, layers, schedule }): WavefrontData {
    return { timeline: mdrnnScheduleTimeline(rows, cols, layers, schedule), counts: mdrnnScheduleSteps(rows, cols, layers) };
  },
  plot({ timeline }, { width, values: { rows, cols, layers, step } }) {
    const category =
      (layer: number) =>
      (row: number, col: number): Category => {
        const s = timeline.steps[((layer - 1) * rows + row - 1) * cols + col - 1] + 1;
        return s < step ? "done" : s === step ? "now" : "waiting";
      };
    const panels = Array.from({ length: layers }, (_, i) => ({ title: `Layer ${i + 1}`, rows, cols, category: category(i + 1) }));
    return cellGrid(panels, STYLES, { width, maxCell: 24, minCell: 10 });
  },
  describe({ timeline, counts }, { rows, cols, layers, schedule, step }) {
    const running = unitsAt(timeline, rows, cols, step);
    const [l, r, c] = running[0];
    const sum = schedule === "layer-by-layer" ? r + c : l + r + c;
    let now: string;
    if (running.length === 1) {
      now = `only the unit in layer ${l}, row ${r}, column ${c} runs`;
    } else if (schedule === "wavefront") {
      now = `the ${plural(running.length, "unit")} whose layer + row + column equals ${sum} run at once`;
    } else {
      now = `in layer ${l}, the ${plural(running.length, "unit")} whose row + column equals ${sum} run at once`;
    }
    return (
      `Step ${formatInteger(step)} of ${formatInteger(timeline.stepCount)}, ${SCHEDULE_TEXT[schedule]}, for a ${layers}-layer MDRNN on a ${rows} × ${cols} image: ${now}. ` +
      `The whole network (${plural(layers * rows * cols, "unit")}) takes ${plural(counts.wavefront, "step")} as a wavefront (H + W + d − 2), ` +
      `${plural(counts.layerByLayer, "step")} one layer at a time (d(H + W − 1)) and ${plural(counts.rasterScan, "step")} one unit at a time (dHW).`
    );
  },
  table({ timeline }) {
    let done = 0;
    return {
      columns: ["step", "units running", "units done after it"],
      rows: timeline.unitsPerStep.map((n, s) => {
        done += n;
        return [formatInteger(s + 1), formatInteger(n), formatInteger(done)];
      }),
    };
  },
  code: [
    { file: "src/figures/mdrnn/wavefront.figure.ts" },
    { file: "lib/mdrnn.ts", names: ["mdrnnUnitSteps", "mdrnnWavefront", "mdrnnScheduleTimeline", "mdrnnScheduleSteps"] },
  ],
});
