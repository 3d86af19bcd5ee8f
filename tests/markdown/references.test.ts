/** Reading citations from a chapter source: which sources, and which parts of them. */
import { describe, expect, it } from "vitest";
import { citeLabels, citedDetails, citedIn, type Reference } from "../../src/references";

const source = [
  'As <Cite id="he2016identity" detail="Table 2" /> report, and',
  '<Cite detail="Fig. 4" id="he2016identity" /> shows (again <Cite id="he2016identity" detail="Table 2" />);',
  'see also <Cite id="ioffe2015batchnorm" />.',
].join("\n");

describe("citations", () => {
  it("lists the ids in order of first citation", () => {
    expect(citedIn(source)).toEqual(["he2016identity", "ioffe2015batchnorm"]);
  });

  it("collects the parts each id is cited for, in order, once each, whatever the attribute order", () => {
    expect([...citedDetails(source)]).toEqual([
      ["he2016identity", ["Table 2", "Fig. 4"]],
      ["ioffe2015batchnorm", []],
    ]);
  });
});

describe("citation labels", () => {
  const ref = (id: string, authors: string[], year: number, title: string): Reference => ({ id, authors, title, venue: "", year });
  const refs = [
    ref("wavenet", ["A. van den Oord", "S. Dieleman", "H. Zen"], 2016, "WaveNet: A Generative Model for Raw Audio"),
    ref("pixelrnn", ["A. van den Oord", "N. Kalchbrenner", "K. Kavukcuoglu"], 2016, "Pixel Recurrent Neural Networks"),
    ref("pixelcnn", ["A. van den Oord", "N. Kalchbrenner", "O. Vinyals"], 2016, "Conditional Image Generation with PixelCNN Decoders"),
    ref("theory", ["A. van den Oord", "B. Other"], 2016, "A Theory of Everything"),
    ref("he", ["K. He", "X. Zhang", "S. Ren"], 2016, "Identity Mappings in Deep Residual Networks"),
    ref("ioffe", ["S. Ioffe", "C. Szegedy"], 2015, "Batch Normalization"),
    ref("solo", ["A. Author"], 2020, "Alone"),
  ];

  it("letters the years of references that would share a label, by title, and leaves the others alone", () => {
    expect(Object.fromEntries(citeLabels(refs))).toEqual({
      pixelcnn: "van den Oord et al. 2016a",
      pixelrnn: "van den Oord et al. 2016b",
      wavenet: "van den Oord et al. 2016c",
      theory: "van den Oord and Other 2016",
      he: "He et al. 2016",
      ioffe: "Ioffe and Szegedy 2015",
      solo: "Author 2020",
    });
  });

  it("gives the same letters whatever order the references come in, ignoring a leading article", () => {
    const twins = [
      ref("b", ["A. Author", "B. Author", "C. Author"], 2001, "The Zebra"),
      ref("a", ["A. Author", "D. Author", "E. Author"], 2001, "An Aardvark"),
    ];
    expect(Object.fromEntries(citeLabels(twins))).toEqual({ a: "Author et al. 2001a", b: "Author et al. 2001b" });
    expect(Object.fromEntries(citeLabels([...twins].reverse()))).toEqual({ a: "Author et al. 2001a", b: "Author et al. 2001b" });
  });
});
