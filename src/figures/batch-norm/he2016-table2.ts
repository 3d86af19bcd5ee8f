/**
 * Published results, not computations: CIFAR-10 test error (%) of the five
 * residual blocks of He, Zhang, Ren & Sun 2016, "Identity Mappings in Deep
 * Residual Networks" (ECCV 2016, arXiv:1603.05027), Table 2, median of 5
 * runs, for ResNet-110 and ResNet-164. Chapter 1.3's table reads them from
 * here and nowhere else.
 */
import type { ResidualBlock } from "../../../lib/residual-blocks";

export interface PublishedError {
  block: ResidualBlock;
  /** Test error in percent, ResNet-110. */
  resnet110: number;
  /** Test error in percent, ResNet-164. */
  resnet164: number;
}

/** He et al. 2016, Table 2, in the order of their Fig. 4 (a)–(e). */
export const HE_2016_TABLE_2: readonly PublishedError[] = Object.freeze([
  { block: "original", resnet110: 6.61, resnet164: 5.93 },
  { block: "bn-after-addition", resnet110: 8.17, resnet164: 6.5 },
  { block: "relu-before-addition", resnet110: 7.84, resnet164: 6.14 },
  { block: "relu-only-preactivation", resnet110: 6.71, resnet164: 5.91 },
  { block: "full-preactivation", resnet110: 6.37, resnet164: 5.46 },
]);
