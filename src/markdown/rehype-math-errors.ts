/**
 * rehype-katex reports a KaTeX error as a message on the file and renders the
 * TeX in red; a course page must not ship that. Runs after rehype-katex and
 * fails the build with the file, the line and the offending TeX.
 */
import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import type { VFile } from "vfile";

export function rehypeMathErrors() {
  return function check(_tree: Root, file: VFile) {
    const problems = file.messages
      .filter((m) => m.source === "rehype-katex")
      .map((m) => {
        const node = m.ancestors?.at(-1);
        const tex = node ? toText(node as Parameters<typeof toText>[0], { whitespace: "pre" }).trim() : "?";
        const reason = m.cause instanceof Error ? m.cause.message : m.reason;
        // Display math's inner <code> has no position; its <pre> (an ancestor) does.
        const placed = [...(m.ancestors ?? [])].reverse().find((a) => a.position)?.position;
        const line = m.place && "start" in m.place ? m.place.start.line : (placed?.start.line ?? m.line ?? "?");
        return `${file.path}:${line}: ${reason}\n    in TeX: ${tex}`;
      });
    if (problems.length > 0) {
      throw new Error(`KaTeX could not render ${problems.length} formula(s):\n${problems.join("\n")}`);
    }
  };
}
