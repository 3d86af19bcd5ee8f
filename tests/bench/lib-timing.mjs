// The heavy lib computations, timed in Node at the sizes the issues name
// (not the widgets' own ranges): the residual-block simulation of chapter 1.3
// at depth 100, width 128, batch 256 (target: under 1 s per block kind on one
// core), and chapter 1.2's singular values of 1 000 recurrent Jacobians at
// dimension 16. Wall-clock and CPU time: on a shared machine the first
// includes waiting for a core, the second does not.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

/** lib/ is TypeScript: bundle one module in memory and import it. */
async function importLib(name) {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL(`../../lib/${name}.ts`, import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "warning",
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`);
}

/** p50 wall and CPU milliseconds of `runs` calls of fn (after one untimed call). */
function time(fn, runs) {
  fn();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

/** Rows [what, size, wall p50, CPU p50, target] for the bench's table. */
export async function libTimings({ runs = 3 } = {}) {
  const rows = [];
  const ms = (x) => `${x.toFixed(0)} ms`;
  const residual = await importLib("residual-blocks");
  const size = { depth: 100, width: 128, batch: 256, seed: 1 };
  const draw = time(() => residual.drawResidualStack(size), 1);
  rows.push(["residual stack: drawing inputs and weights (1.3)", "100 × 128 × 256", ms(draw.wall), ms(draw.cpu), ""]);
  const draws = residual.drawResidualStack(size);
  for (const block of residual.RESIDUAL_BLOCKS) {
    const t = time(() => residual.simulateResidualStack(block, draws), runs);
    rows.push([`residual stack: ${block} (1.3)`, "100 × 128 × 256", ms(t.wall), ms(t.cpu), t.cpu < 1000 ? "< 1 s: met" : "< 1 s: NOT MET"]);
  }
  const recurrent = await importLib("recurrent-jacobian");
  const { w, x1 } = recurrent.randomRecurrentSetup(16, 0.5, 1);
  const t = time(() => recurrent.recurrentJacobianSpectrum(w, x1, 1000), runs);
  rows.push(["singular values of ∂x_n/∂x_1, n = 1…1000 (1.2)", "dim 16", ms(t.wall), ms(t.cpu), ""]);
  return rows;
}
