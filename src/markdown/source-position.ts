import type { VFile } from "vfile";

/** A place in a chapter's source, 1-based as unist and editors count. */
export interface SourcePoint {
  line: number;
  column?: number;
}

/**
 * An error for a build step to throw. Astro's MDX plugin builds the location
 * it prints under the message ("file: x.mdx:12:5", "Location:") from the
 * thrown error's `line` and `column`; a plain Error has neither and prints as
 * "x.mdx:undefined:undefined".
 */
export function sourceError(message: string, at: SourcePoint | undefined): Error {
  const error = new Error(message);
  return at ? Object.assign(error, { line: at.line, column: at.column ?? 1 }) : error;
}

/** "content/chapters/x.mdx:12: message", thrown at that place (a node's `position?.start`). */
export function errorAt(file: VFile, at: SourcePoint | undefined, message: string): Error {
  return sourceError(`${at ? `${file.path}:${at.line}` : file.path}: ${message}`, at);
}
