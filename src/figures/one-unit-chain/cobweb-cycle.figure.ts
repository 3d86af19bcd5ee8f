/** Figure (chapter 1.1): the cobweb again, opening zoomed in on the sigmoid's 2-cycle at w = −6 (see cobweb-spec.ts). */
import { ONE_UNIT_CHAIN_INPUTS as IN } from "../../../lib/one-unit-chain-numbers";
import { cobwebSpec } from "./cobweb-spec";

export default cobwebSpec(
  "cobweb-cycle",
  "Cobweb of a one-unit chain near a 2-cycle: the iterates and the slope at each layer",
  "src/figures/one-unit-chain/cobweb-cycle.figure.ts",
  { weight: IN.negativeWeight, x: IN.cycleCobwebStart, step: IN.cycleCobwebSteps, zoom: true },
);
