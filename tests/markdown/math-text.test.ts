/** Formulas as the search index reads them: KaTeX's MathML as one line of text. */
import katex from "katex";
import { describe, expect, it } from "vitest";
import { mathText, withMathAsText } from "../../src/integrations/math-text";
import { katexOptions } from "../../src/markdown/katex-options";

const read = (tex: string, displayMode = false) => {
  const html = katex.renderToString(tex, { ...katexOptions, displayMode });
  return mathText(/<math[\s\S]*<\/math>/.exec(html)![0]);
};

describe("mathText", () => {
  it("keeps scripts apart, in brackets when they are more than one term", () => {
    expect(read("e^{-x}")).toBe("e^(−x)");
    expect(read("x_{t+1} = \\tanh(W x_t)")).toBe("x_(t+1) = tanh(Wx_t)");
    expect(read("a_l^2 \\approx 3/(2l)")).toBe("a_l^2 ≈ 3/(2l)");
    expect(read("f'_n(x)")).toBe("f′_n(x)");
  });

  it("writes fractions on the line, a product in brackets", () => {
    expect(read("\\frac{3}{2l}")).toBe("3/(2l)");
    expect(read("\\frac{\\partial x_{t+1}}{\\partial x_t}")).toBe("∂x_(t+1)/∂x_t");
    expect(read("\\frac1m \\sum_{j=1}^m x_j", true)).toBe("1/m ∑_(j=1)^m x_j");
  });

  it("reads macros by their words, a tag after its equation, and no TeX", () => {
    expect(read("\\sech^2(x) = \\diag(v) \\tag{3}", true)).toBe("sech^2(x) = diag(v) (3)");
    expect(read("\\hat x_i \\le 1 \\quad \\text{for every } i")).toBe("x̂_i ≤ 1 for every i");
  });

  it("replaces only the MathML of a page, escaped", () => {
    const html = katex.renderToString("a < b", katexOptions);
    const page = withMathAsText(html);
    expect(page).toContain('<span class="katex-mathml">a &lt; b</span>');
    expect(page).toContain('class="katex-html"');
    expect(page).not.toContain("<math");
  });
});
