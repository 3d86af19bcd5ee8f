// Wall-clock timing of the residual-block simulation at the size its widget
// runs in a Web Worker (depth 100, width 128, batch 256), for the record:
//
//   node tests/lib/residual-blocks.timing.mjs [runs=7] [depth width batch]
//
// Prints the time to draw the stack (shared by all block kinds) and, per
// block kind, the p50 over the runs of one forward + backward pass.
// Not part of the test suite: timings depend on the machine and its load,
// so nothing here asserts a duration.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const [runs = 7, depth = 100, width = 128, batch = 256] = process.argv.slice(2).map(Number);

// lib/ is TypeScript; bundle it in memory and import the result.
const bundle = await build({
  entryPoints: [fileURLToPath(new URL("../../lib/residual-blocks.ts", import.meta.url))],
  bundle: true,
  format: "esm",
  platform: "neutral",
  write: false,
  logLevel: "warning",
});
const lib = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

let t = performance.now();
const draws = lib.drawResidualStack({ depth, width, batch, seed: 1 });
console.log(`depth ${depth}, width ${width}, batch ${batch}: drawing x0, G and ${2 * depth} weight matrices: ${ms(performance.now() - t)}`);

// One untimed run per kind lets the JIT settle on optimised code.
for (const block of lib.RESIDUAL_BLOCKS) lib.simulateResidualStack(block, lib.drawResidualStack({ depth: 2, width, batch, seed: 2 }));

// Wall-clock time and this process's CPU time: on a shared machine the
// first includes waiting for a core, the second does not.
const all = [];
const allCpu = [];
for (const block of lib.RESIDUAL_BLOCKS) {
  const times = [];
  const cpu = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    t = performance.now();
    lib.simulateResidualStack(block, draws);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  all.push(...times);
  allCpu.push(...cpu);
  console.log(
    `${block.padEnd(24)} wall p50 ${ms(median(times))} (min ${ms(Math.min(...times))}), CPU p50 ${ms(median(cpu))} over ${runs} runs`,
  );
}
console.log(`all kinds: wall p50 ${ms(median(all))}, CPU p50 ${ms(median(allCpu))}`);
