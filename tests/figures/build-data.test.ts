/** What a worker figure's page carries: small plain data only (JSON would mangle typed arrays and bloat the page). */
import { describe, expect, it } from "vitest";
import { buildDataJson, MAX_BUILD_DATA_CHARS } from "../../src/figures/render/build-data";

describe("buildDataJson", () => {
  it("carries small plain data, round-tripping through JSON, with no '<' that could close the script", () => {
    const values = { depth: 3, label: "</script>" };
    const data = { xs: [1, 2.5, -3], nested: { ok: true, none: null } };
    const json = buildDataJson(values, data)!;
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ values, data });
  });

  it("leaves out data holding a typed array, however small", () => {
    expect(buildDataJson({}, { spectrum: new Float64Array(3) })).toBeUndefined();
    expect(buildDataJson({}, [{ deep: { deeper: new Uint8Array(1) } }])).toBeUndefined();
  });

  it("leaves out data whose JSON is over the limit", () => {
    const justUnder = "x".repeat(MAX_BUILD_DATA_CHARS - JSON.stringify({ values: {}, data: "" }).length);
    expect(buildDataJson({}, justUnder)).toBeDefined();
    expect(buildDataJson({}, `${justUnder}x`)).toBeUndefined();
  });
});
