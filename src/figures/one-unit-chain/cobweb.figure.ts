/** Figure (chapter 1.1): the cobweb of the chain, opening on the sigmoid with w = 1 from x = −2 (see cobweb-spec.ts). */
import { cobwebSpec } from "./cobweb-spec";

export default cobwebSpec(
  "cobweb",
  "Cobweb of a one-unit chain: the iterates and the slope at each layer",
  "src/figures/one-unit-chain/cobweb.figure.ts",
);
