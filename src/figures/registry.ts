/**
 * Every figure spec, found by file name: `src/figures/<topic>/<id>.figure.ts`.
 * Nothing to register by hand: a spec file that exists is loadable by its
 * widget (each its own chunk, fetched only when a widget needs it), shown in
 * the gallery and snapshotted.
 */
import type { AnyFigureSpec } from "./figure-spec";

const modules = import.meta.glob<{ default: AnyFigureSpec }>("./*/*.figure.ts");

/** The spec id a spec file must declare: its file name without `.figure.ts`. */
export function specIdOfPath(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.figure\.ts$/, "");
}

/** Loaders by spec id. */
export const specLoaders: Record<string, () => Promise<AnyFigureSpec>> = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => [specIdOfPath(path), () => load().then((m) => m.default)]),
);

/** Paths of every spec file, relative to this folder; two files with one name would share an id. */
export const specPaths: string[] = Object.keys(modules).sort();

export async function loadSpec(id: string): Promise<AnyFigureSpec> {
  const load = specLoaders[id];
  if (!load) throw new Error(`no figure spec with id "${id}" (looked for src/figures/*/${id}.figure.ts)`);
  return load();
}
