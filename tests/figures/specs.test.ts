/**
 * Every figure spec file (found by the registry, not listed here), through
 * exactly the build-time path (renderStatic): its id is its file name, it
 * renders deterministically with a fixed class and ARIA roles, computes its
 * data once for both static widths, and never shows NaN, Infinity or
 * undefined anywhere in its parameter space. The reviewed SVG snapshots are
 * in tests/site/figure-snapshots.test.ts (they follow what the built site
 * ships).
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { coerceValues, defaultValues, valuesKey } from "../../src/figures/params";
import { specIdOfPath, specLoaders, specPaths } from "../../src/figures/registry";
import { STATIC_WIDTHS } from "../../src/figures/render/draw-figure";
import { renderStatic } from "../../src/figures/render/render-static";
import { arbitraryValues } from "./arbitrary-values";

const ids = Object.keys(specLoaders).sort();

it("spec files have distinct names (the file name is the id)", () => {
  expect(ids.length).toBeGreaterThan(0);
  expect(new Set(specPaths.map(specIdOfPath)).size).toBe(specPaths.length);
});

it("specs have distinct titles (a title names the figure's controls and data table, which must differ on a page)", async () => {
  const titles = await Promise.all(ids.map(async (id) => (await specLoaders[id]()).title));
  expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
});

describe.each(ids)("figure %s", (id) => {
  it("declares its file name as its id, a title, and code to show", async () => {
    const spec = await specLoaders[id]();
    expect(spec.id).toBe(id);
    expect(spec.title.length).toBeGreaterThan(5);
    expect(spec.code.length).toBeGreaterThan(0);
    expect(spec.code[0].file).toMatch(new RegExp(`${id}\\.figure\\.ts$`));
  });

  it("renders deterministically at every static width, with a fixed class and ARIA roles", async () => {
    const spec = await specLoaders[id]();
    const first = renderStatic(spec, {}, { describedBy: "desc-id" }).svgs;
    expect(first).toHaveLength(STATIC_WIDTHS.length);
    expect(renderStatic(spec, {}, { describedBy: "desc-id" }).svgs).toEqual(first);
    for (const svg of first) {
      expect(svg).toMatch(/^<svg\b/);
      expect(svg).toContain(`class="plot-${spec.id}"`);
      expect(svg).toContain('aria-describedby="desc-id"');
      expect(svg).toContain(`aria-label="${spec.title}"`);
      expect(svg).toContain('role="img"');
      // Plot's labelled <g> elements get a role (axe: aria-prohibited-attr otherwise).
      const labelled = svg.match(/<g[^>]*aria-label=/g) ?? [];
      const withRole = svg.match(/<g[^>]*aria-label=[^>]*role="group"|<g[^>]*role="group"[^>]*aria-label=/g) ?? [];
      expect(withRole.length).toBe(labelled.length);
    }
  });

  it("computes its data once for all static widths (and once per set of values)", async () => {
    const spec = await specLoaders[id]();
    // Values no other test uses, so the memo cannot already hold them.
    const values = fc.sample(arbitraryValues(spec.params), { seed: 99, numRuns: 1 })[0];
    const data = vi.spyOn(spec, "data");
    try {
      renderStatic(spec, values);
      renderStatic(spec, values);
      const calls = data.mock.calls.length;
      expect(calls, `data() calls for ${valuesKey(spec.params, values)}`).toBeLessThanOrEqual(1);
    } finally {
      data.mockRestore();
    }
  });

  it("reads only its dataParams in data(), if it declares them (the memo keys the data on them alone)", async () => {
    const spec = await specLoaders[id]();
    if (!spec.dataParams) return;
    const others = Object.keys(spec.params).filter((k) => !spec.dataParams!.includes(k));
    expect(others.length, "dataParams leaves some parameter out").toBeGreaterThan(0);
    // Two valid sets of values that agree on the data parameters and differ elsewhere give the same data.
    fc.assert(
      fc.property(arbitraryValues(spec.params), arbitraryValues(spec.params), (a, b) => {
        const mixed = { ...b, ...Object.fromEntries(spec.dataParams!.map((k: string) => [k, a[k]])) };
        const valid = coerceValues(spec.params, mixed).values;
        if (spec.dataParams!.some((k: string) => valuesKey({ [k]: spec.params[k] }, valid) !== valuesKey({ [k]: spec.params[k] }, a)))
          return;
        expect(spec.data(valid)).toEqual(spec.data(a));
      }),
      { seed: 7, numRuns: 5 },
    );
  });

  it("never shows NaN, Infinity or undefined, for any valid parameters", async () => {
    const spec = await specLoaders[id]();
    // 25 runs: each render of the deepest settings takes tens of milliseconds.
    fc.assert(
      fc.property(arbitraryValues(spec.params), (values) => {
        const { svgs, description, table, key } = renderStatic(spec, values);
        const text = [...svgs, description, ...table.columns, ...table.rows.flat(), ...key.map((k) => k.label)].join(" ");
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
        expect(description.trim().length).toBeGreaterThan(20);
        expect(table.rows.length).toBeGreaterThan(0);
        expect(table.rows.every((r) => r.length === table.columns.length)).toBe(true);
      }),
      { seed: 413, numRuns: 25 },
    );
  });

  it("a staged computation ends with exactly data(values), and every stage draws", async () => {
    const spec = await specLoaders[id]();
    if (!spec.dataInStages) return;
    const values = defaultValues(spec.params);
    const stages = [...spec.dataInStages(values)];
    expect(stages.length).toBeGreaterThan(0);
    expect(stages.at(-1)).toEqual(spec.data(values));
    for (const stage of stages) {
      const text = [spec.describe(stage, values), ...spec.table(stage, values).rows.flat()].join(" ");
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it("rejects invalid parameters written into a chapter instead of drawing something else", async () => {
    const spec = await specLoaders[id]();
    const [key] = Object.keys(defaultValues(spec.params));
    if (key === undefined) return;
    const p = spec.params[key];
    const bad = p.kind === "toggle" ? "maybe" : p.kind === "choices" ? "" : "not a value";
    expect(() => renderStatic(spec, { [key]: bad })).toThrow(new RegExp(`figure ${id}`));
  });
});
