/**
 * rehype-katex reports a KaTeX error as a message on the file and renders the
 * TeX in red; a course page must not ship that. Runs after rehype-katex and
 * fails the build with the file, line and column of each bad formula, and the
 * formula as its author wrote it: KaTeX saw it after remark-cross-refs turned
 * its `\label{name}` into `\tag{n}`, so KaTeX's own excerpt is not what the
 * chapter says.
 */
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import type { VFile } from "vfile";
import { sourceError, type SourcePoint } from "./source-position";

/** KaTeX's ParseError: the message without KaTeX's excerpt, and where in the TeX it is. */
interface KatexParseError extends Error {
  rawMessage?: string;
  position?: number;
  length?: number;
}

type Position = NonNullable<Element["position"]>;
type VFileMessage = VFile["messages"][number];

interface Problem extends SourcePoint {
  text: string;
}

/** Lines of source shown on each side of the line in error. */
const CONTEXT = 3;

const LABEL = /\\label\{[^}]*\}/;

/**
 * The `\label{name}` of a source line and the `\tag{n}` that remark-cross-refs
 * put in its place in the line KaTeX saw, which is the source line from
 * `start` on with that one change.
 */
function labelAndTag(sourceLine: string, texLine: string, start: number) {
  const label = LABEL.exec(sourceLine);
  const at = label ? label.index - start : -1;
  const tag = label && at >= 0 ? /^\\tag\{\d+\}/.exec(texLine.slice(at))?.[0] : undefined;
  return label && tag ? { label, at, tag } : undefined;
}

/** The 0-based index in `sourceLine` of character `col` of `texLine` (see labelAndTag); a place inside the tag is the label's. */
function sourceIndex(sourceLine: string, texLine: string, col: number, start: number): number {
  const rewrite = labelAndTag(sourceLine, texLine, start);
  if (!rewrite || col < rewrite.at) return start + col;
  if (col < rewrite.at + rewrite.tag.length) return rewrite.label.index;
  return start + col + rewrite.label[0].length - rewrite.tag.length;
}

/** The source lines of a formula, numbered, the line in error marked and a caret under its place. */
function frame(lines: string[], span: Position, error: SourcePoint & { width?: number }): string {
  const first = Math.max(span.start.line, error.line - CONTEXT);
  const last = Math.min(span.end.line, error.line + CONTEXT);
  const pad = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`  ${n === error.line ? ">" : " "} ${String(n).padStart(pad)} | ${lines[n - 1]}`);
    if (n === error.line && error.column !== undefined) {
      out.push(`    ${" ".repeat(pad)} | ${" ".repeat(error.column - 1)}${"^".repeat(Math.max(1, error.width ?? 1))}`);
    }
  }
  return out.join("\n");
}

function describe(message: VFileMessage, file: VFile, lines: string[]): Problem {
  const element = message.ancestors?.at(-1) as Element | undefined;
  // What KaTeX rendered; display math's inner <code> has no position, its <pre> (an ancestor) does.
  const tex = element ? toText(element, { whitespace: "pre" }) : "";
  const span = [...(message.ancestors ?? [])].reverse().find((a) => a.position)?.position;
  const cause = message.cause as KatexParseError | undefined;
  const reason = cause?.rawMessage !== undefined ? `KaTeX parse error: ${cause.rawMessage}` : (cause?.message ?? message.reason);
  if (!span) return { line: message.line ?? 1, text: `${file.path}: ${reason}\n    in TeX: ${tex}` };

  const display = Array.isArray(element?.properties.className) && element.properties.className.includes("math-display");
  // Display math starts on the line after its opening $$, inline math after its $ or $$.
  const firstLine = display ? span.start.line + 1 : span.start.line;
  let error: SourcePoint & { width?: number } = { line: display ? span.start.line : firstLine };
  if (cause?.position !== undefined) {
    const before = tex.slice(0, cause.position).split("\n");
    const row = before.length - 1;
    const col = before[row].length;
    const line = firstLine + row;
    const sourceLine = lines[line - 1] ?? "";
    const delimiters = /^\$+/.exec(sourceLine.slice(span.start.column - 1))?.[0].length ?? 0;
    // Where the TeX's line begins in the source line: after the fence's indent (display),
    // the opening dollars (inline) or a continuation line's indent.
    const start = display ? span.start.column - 1 : row === 0 ? span.start.column - 1 + delimiters : /^\s*/.exec(sourceLine)![0].length;
    const texLine = tex.split("\n")[row];
    error = { line, column: sourceIndex(sourceLine, texLine, col, start) + 1, width: cause.length };
  }
  // KaTeX may name the tag ("Multiple \\tag"), which the author wrote as a label.
  const rewrite = display
    ? tex
        .split("\n")
        .map((texLine, row) => labelAndTag(lines[firstLine + row - 1] ?? "", texLine, span.start.column - 1))
        .find((r) => r !== undefined)
    : undefined;
  const note =
    rewrite && reason.includes("\\tag") ? `\n    (KaTeX reads ${rewrite.label[0]} as ${rewrite.tag}, the equation's number)` : "";
  const place = error.column === undefined ? `${error.line}` : `${error.line}:${error.column}`;
  return { ...error, text: `${file.path}:${place}: ${reason}${note}\n${frame(lines, span, error)}` };
}

export function rehypeMathErrors() {
  return function check(_tree: Root, file: VFile) {
    const lines = String(file.value).split(/\r?\n/);
    const problems = file.messages.filter((m) => m.source === "rehype-katex").map((m) => describe(m, file, lines));
    if (problems.length > 0) {
      throw sourceError(`KaTeX could not render ${problems.length} formula(s):\n${problems.map((p) => p.text).join("\n")}`, problems[0]);
    }
  };
}
