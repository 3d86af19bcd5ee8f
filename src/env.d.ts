declare namespace App {
  interface Locals {
    /** Per page: figure spec id → id of the first figure that showed its code. */
    figureCode?: Map<string, string>;
  }
}
