/**
 * How chapter 1.3's figures name and draw the five residual blocks of He et
 * al. 2016, Fig. 4: names as the paper gives them, the panel letter, and a
 * colour (a CSS variable, both themes) with a dash pattern, so the two blocks
 * of the problem stay solid and the three others read as context.
 */
import type { ResidualBlock } from "../../../lib/residual-blocks";

export interface BlockStyle {
  /** The paper's name for the block. */
  label: string;
  /** Short name for narrow places (table headers). */
  short: string;
  /** Panel of He et al. 2016, Fig. 4. */
  panel: string;
  color: string;
  dashed: boolean;
}

export const BLOCK_STYLES: Readonly<Record<ResidualBlock, BlockStyle>> = {
  original: { label: "original", short: "original", panel: "a", color: "var(--c-block-original)", dashed: true },
  "bn-after-addition": { label: "BN after addition", short: "BN after add.", panel: "b", color: "var(--c-block-bn-after)", dashed: false },
  "relu-before-addition": {
    label: "ReLU before addition",
    short: "ReLU before add.",
    panel: "c",
    color: "var(--c-block-relu-before)",
    dashed: false,
  },
  "relu-only-preactivation": {
    label: "ReLU-only pre-activation",
    short: "ReLU-only pre-act.",
    panel: "d",
    color: "var(--c-block-relu-only)",
    dashed: true,
  },
  "full-preactivation": {
    label: "full pre-activation",
    short: "full pre-act.",
    panel: "e",
    color: "var(--c-block-full-pre)",
    dashed: true,
  },
};

/** The dash pattern of a dashed curve (the key's line samples use the same). */
export const DASH = "5,4";
