/** fast-check arbitraries over a schema's valid values, ends of every range included, for each kind of parameter. */
import fc from "fast-check";
import { coerceValues, resolveBound, type Param, type ParamSchema } from "../../src/figures/params";

function arbitraryFor(p: Param, earlier: Record<string, unknown>): fc.Arbitrary<unknown> {
  switch (p.kind) {
    case "choice":
      return fc.constantFrom(...p.options.map((o) => o.value));
    case "choices":
      return fc.subarray(
        p.options.map((o) => o.value),
        { minLength: p.min ?? 1 },
      );
    case "toggle":
      return fc.boolean();
    case "number":
    case "step": {
      const min = resolveBound(p.min, earlier);
      const max = resolveBound(p.max, earlier);
      const integer = p.kind === "step" || p.integer;
      const inside = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return fc.oneof(fc.constantFrom(min, max, Math.min(max, Math.max(min, p.default))), inside);
    }
    case "matrix": {
      const entry = fc.oneof(fc.constantFrom(p.min, p.max, 0), fc.double({ min: p.min, max: p.max, noNaN: true }));
      return fc.oneof(
        fc.constantFrom(...(p.presets ?? []).map((pr) => pr.value)),
        fc.array(fc.array(entry, { minLength: p.cols, maxLength: p.cols }), { minLength: p.rows, maxLength: p.rows }),
      );
    }
    case "point": {
      const rows = resolveBound(p.rows, earlier);
      const cols = resolveBound(p.cols, earlier);
      return fc.record({ row: fc.integer({ min: 1, max: rows }), col: fc.integer({ min: 1, max: cols }) });
    }
  }
}

/**
 * Valid values of a whole schema. Parameters whose bounds depend on earlier
 * ones are drawn after those, so every draw is valid as drawn.
 */
export function arbitraryValues(schema: ParamSchema): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema);
  const step = (i: number, acc: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
    i === entries.length ? fc.constant(acc) : arbitraryFor(entries[i][1], acc).chain((v) => step(i + 1, { ...acc, [entries[i][0]]: v }));
  return step(0, {}).map((raw) => coerceValues(schema, raw).values);
}
