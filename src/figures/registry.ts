/**
 * Every figure spec, by id. Widgets load specs through here (each its own
 * chunk, fetched only when a widget needs it), and the snapshot tests iterate
 * it, so a new figure is tested as soon as it is registered.
 */
import type { FigureSpec } from "./figure-spec";
import type { ParamSchema } from "./params";

type Loader = () => Promise<FigureSpec<ParamSchema>>;

export const figureLoaders: Record<string, Loader> = {
  "activation-derivative": () => import("./one-unit-chain/activation-derivative").then((m) => m.default as FigureSpec<ParamSchema>),
  "chain-gradient": () => import("./one-unit-chain/chain-gradient").then((m) => m.default as FigureSpec<ParamSchema>),
  "tanh-power-law": () => import("./one-unit-chain/tanh-power-law").then((m) => m.default as FigureSpec<ParamSchema>),
};

export async function loadFigure(id: string): Promise<FigureSpec<ParamSchema>> {
  const load = figureLoaders[id];
  if (!load) throw new Error(`no figure spec with id "${id}"`);
  return load();
}
