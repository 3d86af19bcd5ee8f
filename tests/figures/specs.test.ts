/**
 * Every registered figure spec, through exactly the build-time path
 * (renderStatic): an SVG snapshot someone has looked at, accessibility
 * attributes, and robustness over its whole parameter space.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultValues, type Param } from "../../src/figures/params";
import { figureLoaders } from "../../src/figures/registry";
import { renderStatic } from "../../src/figures/render/render-static";
import { normalizeSvg } from "./normalize-svg";

const ids = Object.keys(figureLoaders);

/** An arbitrary over one parameter's valid values, ends of the range included. */
function arbitraryFor(p: Param): fc.Arbitrary<number | string> {
  if (p.kind === "choice") return fc.constantFrom(...p.options.map((o) => o.value));
  const { min, max } = p;
  const inside = p.integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(fc.constantFrom(min, max, p.default), inside);
}

describe.each(ids)("figure %s", (id) => {
  it("matches its reviewed SVG snapshot at default parameters", async () => {
    const spec = await figureLoaders[id]();
    const { svg } = renderStatic(spec);
    await expect(normalizeSvg(svg)).toMatchFileSnapshot(`./__snapshots__/${id}.svg`);
  });

  it("renders deterministically with a fixed class and ARIA roles", async () => {
    const spec = await figureLoaders[id]();
    const first = renderStatic(spec, {}, "desc-id").svg;
    expect(renderStatic(spec, {}, "desc-id").svg).toBe(first);
    expect(first).toContain(`class="plot-${spec.id}"`);
    expect(first).toContain('aria-describedby="desc-id"');
    expect(first).toContain(`aria-label="${spec.title}"`);
    // Plot's labelled <g> elements get a role (axe: aria-prohibited-attr otherwise).
    const labelled = first.match(/<g[^>]*aria-label=/g) ?? [];
    const withRole = first.match(/<g[^>]*aria-label=[^>]*role="group"|<g[^>]*role="group"[^>]*aria-label=/g) ?? [];
    expect(labelled.length).toBeGreaterThan(0);
    expect(withRole.length).toBe(labelled.length);
  });

  it("the spec id matches its registry key and the spec lists code to show", async () => {
    const spec = await figureLoaders[id]();
    expect(spec.id).toBe(id);
    expect(spec.code.length).toBeGreaterThan(0);
  });

  it("never shows NaN, Infinity or undefined, for any valid parameters", async () => {
    const spec = await figureLoaders[id]();
    const entries = Object.entries(spec.params);
    const arb = fc.record(Object.fromEntries(entries.map(([k, p]) => [k, arbitraryFor(p)])));
    // 25 runs: each render of the deepest settings takes tens of milliseconds.
    fc.assert(
      fc.property(arb, (values) => {
        const { svg, description, table } = renderStatic(spec, values);
        const text = [svg, description, ...table.columns, ...table.rows.flat()].join(" ");
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
        expect(table.rows.length).toBeGreaterThan(0);
        expect(table.rows.every((r) => r.length === table.columns.length)).toBe(true);
      }),
      { seed: 413, numRuns: 25 },
    );
  });

  it("rejects invalid parameters written into a chapter instead of drawing something else", async () => {
    const spec = await figureLoaders[id]();
    const [key] = Object.keys(defaultValues(spec.params));
    expect(() => renderStatic(spec, { [key]: "not a value" })).toThrow(new RegExp(`figure ${id}`));
  });
});
