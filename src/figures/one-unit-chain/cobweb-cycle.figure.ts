/** Figure (chapter 1.1): the cobweb again, opening zoomed in on the sigmoid's 2-cycle at w = −6 (see cobweb-spec.ts). */
import { ONE_UNIT_CHAIN_INPUTS as IN } from "../../../lib/one-unit-chain-numbers";
import { cobwebSpec } from "./cobweb-spec";

export default cobwebSpec(
  "cobweb-cycle",
  "src/figures/one-unit-chain/cobweb-cycle.figure.ts",
  { weight: IN.negativeWeight, x: IN.cycleCobwebStart, step: IN.cycleCobwebSteps, zoom: true },
  true,
);
