/** The phrases chapter 2.1's figures build their descriptions and tables from. */
import { describe, expect, it } from "vitest";
import { positionRuns, scheduleText } from "../../src/figures/wavenet/wavenet-text";

describe("positionRuns", () => {
  it("writes marked positions 1-based, as runs", () => {
    expect(positionRuns([false, true, true, true, false, true])).toBe("2–4, 6");
    expect(positionRuns([true])).toBe("1");
    expect(positionRuns([true, true])).toBe("1–2");
    expect(positionRuns([false, false])).toBe("none");
  });
});

describe("scheduleText", () => {
  it("names the dilations of each schedule", () => {
    expect(scheduleText("none", [1, 1, 1])).toBe("no dilation (every dilation 1)");
    expect(scheduleText("plus-one", [1, 2, 3])).toBe("dilations 1, 2, 3 (+1 per layer)");
    expect(scheduleText("doubling", [1, 2, 4, 8])).toBe("dilations 1, 2, 4, 8 (doubling)");
    expect(scheduleText("doubling", [1])).toBe("dilation 1 (the doubling schedule starts at 1)");
  });
});
