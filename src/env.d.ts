declare namespace App {
  interface Locals {
    /** How many times each spec has been used on the page so far. */
    figureUses?: Map<string, number>;
  }
}

declare module "subset-font" {
  /** Keep only the glyphs for the characters of `text`; returns the font in `targetFormat`. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "woff2" | "woff" | "truetype" | "sfnt" },
  ): Promise<Buffer>;
}

declare module "virtual:widget-runtime" {
  /** Imports the widget runtime (src/integrations/widget-runtime-url.ts). */
  export function loadWidgetRuntime(): Promise<typeof import("./widgets/widget-runtime")>;
}
