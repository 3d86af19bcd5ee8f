import type { RootContent } from "mdast";
import type { VFile } from "vfile";

/** "content/chapters/x.mdx:12": where a Markdown node stands, for build errors. */
export function where(file: VFile, node: { position?: RootContent["position"] }): string {
  const line = node.position?.start.line;
  return line === undefined ? file.path : `${file.path}:${line}`;
}
