import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { keyHtml } from "../../src/figures/key";

const parse = (html: string) => parseHTML(`<ul>${html}</ul>`).document;

describe("figure keys", () => {
  it("draws a line sample, a swatch and a colour ramp without a canvas, in theme colours", () => {
    const doc = parse(
      keyHtml(
        [
          { label: "tanh chain", color: "var(--c-tanh)" },
          { label: "bound", color: "var(--c-tanh)", dashed: true },
          { kind: "swatch", label: "receptive field", color: "var(--c-cell-main)" },
          {
            kind: "ramp",
            label: "|f′|",
            colors: ["var(--c-cell-blank)", "var(--c-cell-main)", "var(--c-cell-ink)"],
            from: "10⁻⁶",
            to: "1",
          },
        ],
        "fig-x",
      ),
    );
    const items = [...doc.querySelectorAll("li")];
    expect(items.map((li) => li.textContent?.trim())).toEqual(["tanh chain", "bound (dashed)", "receptive field", "|f′|: 10⁻⁶1"]);
    expect(doc.querySelector("canvas")).toBeNull();
    expect(items[0].querySelector("line")?.getAttribute("stroke")).toBe("var(--c-tanh)");
    expect(items[1].querySelector("line")?.getAttribute("stroke-dasharray")).toBe("5,4");
    expect(items[2].querySelector("rect")?.getAttribute("fill")).toBe("var(--c-cell-main)");
    const stops = [...items[3].querySelectorAll("stop")].map((s) => [s.getAttribute("offset"), s.getAttribute("stop-color")]);
    expect(stops).toEqual([
      ["0.0%", "var(--c-cell-blank)"],
      ["50.0%", "var(--c-cell-main)"],
      ["100.0%", "var(--c-cell-ink)"],
    ]);
    // The gradient id is unique per figure on the page, and the ramp uses it.
    const gradient = items[3].querySelector("linearGradient")?.getAttribute("id");
    expect(gradient).toBe("fig-x-ramp-3");
    expect(items[3].querySelector("rect")?.getAttribute("fill")).toBe(`url(#${gradient})`);
    // Samples are decoration: the label carries the meaning.
    for (const svg of doc.querySelectorAll("svg")) expect(svg.getAttribute("aria-hidden")).toBe("true");
  });

  it("escapes labels", () => {
    expect(keyHtml([{ kind: "swatch", label: "<b>&", color: "red" }], "k")).toContain("&lt;b&gt;&amp;");
  });
});
