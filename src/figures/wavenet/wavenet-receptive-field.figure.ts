/**
 * Figure (chapter 2.1): the receptive field of a stack of causal
 * convolutions (2 live taps per layer) against its depth, for the three
 * dilation schedules and, optionally, WaveNet's repeated 1, 2, …, 512
 * blocks. Every value is propagated through the taps by lib; the vertical
 * axis is logarithmic because doubling reaches 2³⁰.
 */
import * as Plot from "@observablehq/plot";
import { formatInteger, superscriptInteger } from "../../../lib/format";
import {
  DILATION_SCHEDULES,
  MAX_DOUBLING_DEPTH,
  repeatedDoublingDilations,
  waveNetReceptiveField,
  waveNetReceptiveFieldOfDilations,
  type DilationSchedule,
} from "../../../lib/wavenet";
import { integerTick, integerTicks } from "../axis-format";
import type { KeyEntry } from "../key";
import { defineFigure } from "../figure-spec";
import { numberParam, toggleParam } from "../params";

/** WaveNet's block: dilations 1, 2, …, 2⁹ = 512, then again from 1 (van den Oord et al. 2016c, §2.1). */
export const WAVENET_BLOCK = 10;

type SeriesName = DilationSchedule | "blocks";

const SERIES: Record<SeriesName, { label: string; color: string; dashed?: boolean; formula: string }> = {
  none: { label: "no dilation", color: "var(--c-muted)", formula: "d + 1" },
  "plus-one": { label: "+1 per layer", color: "var(--c-tanh)", formula: "1 + d(d + 1)/2" },
  doubling: { label: "doubling", color: "var(--c-sigmoid)", formula: "2ᵈ" },
  blocks: { label: "WaveNet's blocks", color: "var(--c-accent)", dashed: true, formula: "1, 2, …, 512, then 1, 2, … again" },
};

interface FieldData {
  names: SeriesName[];
  /** fields[name][d − 1]: receptive field after d layers, in samples. */
  fields: Record<SeriesName, number[]>;
}

/** Largest tick value written out in digits; above it the ticks are powers of ten. */
const DIGITS_UP_TO = 100_000;

/** Ticks for a log axis from 1 to `max`: every whole number up to 10, else the powers of ten, with 2 and 5 times them while the range is short. */
export function logTicks(max: number): number[] {
  if (max <= 10) return Array.from({ length: Math.floor(max) }, (_, i) => i + 1);
  const ticks: number[] = [];
  const decades = Math.ceil(Math.log10(max));
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  for (let k = 0; k <= decades; k++) for (const m of steps) if (m * 10 ** k <= max * 1.0001) ticks.push(m * 10 ** k);
  return ticks;
}

/** A tick label: digits grouped as the prose writes them up to 100 000, else 10ⁿ. */
export function logTickLabel(max: number) {
  return (v: number): string => {
    if (max <= DIGITS_UP_TO) return formatInteger(v);
    const k = Math.round(Math.log10(v));
    return 10 ** k === v ? `10${superscriptInteger(k)}` : "";
  };
}

export default defineFigure({
  id: "wavenet-receptive-field",
  title: "Receptive field of a causal convolution stack against its depth",
  params: {
    depth: numberParam({ label: "Largest depth d", min: 2, max: MAX_DOUBLING_DEPTH, step: 1, default: 12, integer: true }),
    blocks: toggleParam({ label: "Show WaveNet's blocks", default: true }),
  },
  key: ({ blocks }): KeyEntry[] =>
    (blocks ? [...DILATION_SCHEDULES, "blocks" as const] : [...DILATION_SCHEDULES]).map((name) => ({
      label: `${SERIES[name].label}: ${SERIES[name].formula}`,
      color: SERIES[name].color,
      dashed: SERIES[name].dashed,
    })),
  data({ depth, blocks }): FieldData {
    const names: SeriesName[] = blocks ? [...DILATION_SCHEDULES, "blocks"] : [...DILATION_SCHEDULES];
    const depths = Array.from({ length: depth }, (_, i) => i + 1);
    const fields = {} as Record<SeriesName, number[]>;
    for (const s of DILATION_SCHEDULES) fields[s] = depths.map((d) => waveNetReceptiveField(d, s));
    fields.blocks = blocks ? depths.map((d) => waveNetReceptiveFieldOfDilations(repeatedDoublingDilations(d, WAVENET_BLOCK))) : [];
    return { names, fields };
  },
  plot({ names, fields }, { values: { depth } }) {
    const points = names.flatMap((name) =>
      fields[name].map((field, i) => ({ series: name, d: i + 1, field, color: SERIES[name].color, dashed: SERIES[name].dashed ?? false })),
    );
    const max = Math.max(...points.map((p) => p.field));
    const solid = points.filter((p) => !p.dashed);
    const dashed = points.filter((p) => p.dashed);
    return {
      height: 320,
      marginLeft: 60,
      marginRight: 16,
      marginBottom: 40,
      x: {
        label: "depth d (layers)",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [1, depth],
        inset: 6,
        ticks: integerTicks(1, depth),
        tickFormat: integerTick,
      },
      y: {
        type: "log",
        label: "receptive field (samples)",
        domain: [1, max],
        inset: 6,
        ticks: logTicks(max),
        tickFormat: logTickLabel(max),
        grid: true,
      },
      marks: [
        Plot.line(solid, { x: "d", y: "field", z: "series", stroke: "color", strokeWidth: 2.5 }),
        Plot.dot(solid, { x: "d", y: "field", fill: "color", r: depth > 16 ? 2 : 3 }),
        Plot.line(dashed, { x: "d", y: "field", z: "series", stroke: "color", strokeWidth: 2, strokeDasharray: "6,4" }),
      ],
    };
  },
  describe({ names, fields }, { depth }) {
    const at = (name: SeriesName) => formatInteger(fields[name][depth - 1]);
    const sameAsDoubling = depth <= WAVENET_BLOCK;
    return (
      `Receptive field against depth from 1 to ${depth} layers, on a logarithmic axis. ` +
      `At depth ${depth}: ${at("none")} samples without dilation (d + 1), ${at("plus-one")} with the +1 schedule (1 + d(d + 1)/2, quadratic), ` +
      `and ${at("doubling")} with doubling (2ᵈ, exponential)` +
      (names.includes("blocks")
        ? sameAsDoubling
          ? `; WaveNet's blocks of ${WAVENET_BLOCK} coincide with doubling up to depth ${WAVENET_BLOCK}.`
          : `; WaveNet's blocks of ${WAVENET_BLOCK} restart at dilation 1 after each block and reach ${at("blocks")}, a line that grows by only ${formatInteger(2 ** WAVENET_BLOCK - 1)} samples per block.`
        : ".")
    );
  },
  table({ names, fields }, { depth }) {
    return {
      columns: ["depth d", ...names.map((n) => SERIES[n].label)],
      rows: Array.from({ length: depth }, (_, i) => [String(i + 1), ...names.map((n) => formatInteger(fields[n][i]))]),
    };
  },
  code: [
    { file: "src/figures/wavenet/wavenet-receptive-field.figure.ts" },
    { file: "lib/wavenet.ts", names: ["receptiveLagRuns", "waveNetReceptiveField", "repeatedDoublingDilations"] },
  ],
});
