/** Reading citations from a chapter source: which sources, and which parts of them. */
import { describe, expect, it } from "vitest";
import { citedDetails, citedIn } from "../../src/references";

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
