/**
 * SVG snapshots of every figure the built site ships, one per (spec, values,
 * width), plus every spec at its defaults (the gallery). Each is rendered
 * through the build-time path (renderStatic) and compared twice: with the
 * SVG in the built HTML (so the snapshot is what ships) and with the reviewed
 * file in tests/figures/__snapshots__/, a standalone SVG you can open in a
 * browser.
 *
 * A snapshot that differs fails the test and leaves `<name>-changed.svg`
 * beside it: open both, and if the new one is right, run
 * `UPDATE_SNAPSHOTS=1 npx vitest run --project site tests/site/figure-snapshots.test.ts`.
 * A missing snapshot is written (and must be looked at before it is
 * committed); under CI it is a failure.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, inject, it } from "vitest";
import { defaultValues, valuesKey } from "../../src/figures/params";
import { specLoaders } from "../../src/figures/registry";
import { STATIC_WIDTHS } from "../../src/figures/render/draw-figure";
import { renderStatic } from "../../src/figures/render/render-static";
import { normalizeSvg } from "../figures/normalize-svg";
import { standaloneSvg } from "../figures/standalone-svg";

const SNAPSHOTS = "tests/figures/__snapshots__";
const update = process.env.UPDATE_SNAPSHOTS === "1";
const dir = inject("siteDir");

interface Shipped {
  spec: string;
  values: Record<string, unknown>;
  /** The figure's SVGs in the built HTML, wide first. */
  html: string[];
  page: string;
}

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
}

function shippedFigures(): Shipped[] {
  const out: Shipped[] = [];
  for (const page of htmlFiles(dir)) {
    const { document } = parseHTML(readFileSync(join(dir, page), "utf8"));
    for (const figure of document.querySelectorAll("figure.figure[data-spec]")) {
      const html = [...figure.querySelectorAll(".plot-wide > svg, .plot-narrow > svg")].map((s) => s.outerHTML);
      out.push({ spec: figure.getAttribute("data-spec")!, values: JSON.parse(figure.getAttribute("data-values")!), html, page });
    }
  }
  return out;
}

/** A readable file name for a set of values: "default", the values themselves when short, else a hash. */
function snapshotName(spec: string, key: string, isDefault: boolean, width: number): string {
  const tag = isDefault
    ? "default"
    : key.length <= 48
      ? key.replace(/[^\w.=,-]+/g, "_")
      : createHash("sha256").update(key).digest("hex").slice(0, 10);
  return `${spec}.${tag}.${width}.svg`;
}

describe("figure snapshots", async () => {
  const shipped = shippedFigures();
  const cases = new Map<string, { spec: string; values: Record<string, unknown>; isDefault: boolean; html?: Shipped }>();
  for (const [id, load] of Object.entries(specLoaders)) {
    const spec = await load();
    const values = defaultValues(spec.params);
    cases.set(`${id}|${valuesKey(spec.params, values)}`, { spec: id, values, isDefault: true });
  }
  for (const s of shipped) {
    const spec = await specLoaders[s.spec]?.();
    if (!spec) continue;
    const key = `${s.spec}|${valuesKey(spec.params, s.values)}`;
    cases.set(key, { spec: s.spec, values: s.values, isDefault: cases.get(key)?.isDefault ?? false, html: s });
  }
  const expected = new Set<string>();

  it("every figure in the built site names a spec that exists", () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const s of shipped) expect(Object.keys(specLoaders), `${s.page}`).toContain(s.spec);
  });

  for (const [key, c] of cases) {
    it(`${key.replace("|", " at ")}`, async () => {
      const spec = await specLoaders[c.spec]();
      const { svgs } = renderStatic(spec, c.values);
      mkdirSync(SNAPSHOTS, { recursive: true });
      const failures: string[] = [];
      STATIC_WIDTHS.forEach((width, i) => {
        const name = snapshotName(c.spec, valuesKey(spec.params, c.values), c.isDefault, width);
        expected.add(name);
        if (c.html) {
          // The shipped SVG has its description's id; the comparison ignores only that.
          const shippedSvg = c.html.html[i].replace(/ aria-describedby="[^"]*"/, "");
          expect(normalizeSvg(shippedSvg), `${c.html.page}: the shipped SVG at ${width} px is the build-time rendering`).toBe(
            normalizeSvg(svgs[i]),
          );
        }
        const actual = standaloneSvg(normalizeSvg(svgs[i]));
        const path = join(SNAPSHOTS, name);
        const changed = path.replace(/\.svg$/, "-changed.svg");
        rmSync(changed, { force: true });
        if (!existsSync(path) || update) {
          if (!existsSync(path) && process.env.CI && !update)
            failures.push(`${name} is missing (run the snapshot update locally and commit it)`);
          else writeFileSync(path, actual);
          return;
        }
        if (readFileSync(path, "utf8") !== actual) {
          writeFileSync(changed, actual);
          failures.push(`${name} differs: compare it with ${changed.split("/").at(-1)}`);
        }
      });
      expect(failures).toEqual([]);
    });
  }

  it("no snapshot file is left without a figure (renamed or removed specs)", () => {
    const stale = readdirSync(SNAPSHOTS).filter((f) => f.endsWith(".svg") && !f.endsWith("-changed.svg") && !expected.has(f));
    if (update) for (const f of stale) rmSync(join(SNAPSHOTS, f));
    else expect(stale).toEqual([]);
  });
});
