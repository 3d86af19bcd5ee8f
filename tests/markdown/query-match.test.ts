import { describe, expect, it } from "vitest";
import { matchesQuery, wordsAt } from "../../src/search/query-match";

describe("search results must match the query", () => {
  it("keeps prefixes and stems, drops a lone letter found for a long term", () => {
    expect(matchesQuery("grad", ["gradient,"])).toBe(true);
    expect(matchesQuery("layers", ["layer"])).toBe(true);
    expect(matchesQuery("vanishing", ["vanish"])).toBe(true);
    expect(matchesQuery("fixed point", ["fixed", "point."])).toBe(true);
    expect(matchesQuery("xyzzyq", ["x", "x"])).toBe(false);
    expect(matchesQuery("fixed xyzzyq", ["fixed", "x"])).toBe(false);
    expect(matchesQuery("x", ["x"]), "a one-letter query may match a one-letter word").toBe(true);
    expect(matchesQuery("σ", ["σ(x)"])).toBe(true);
  });

  it("reads the words at Pagefind's positions", () => {
    expect(wordsAt("The fixed  point of σ", [1, 2, 9])).toEqual(["fixed", "point", ""]);
  });
});
