/**
 * A figure's SVG as a file a person can open and look at: the SVG namespace,
 * and the light theme's colours defined, read from the site's stylesheet so
 * the snapshot shows what a reader sees.
 */
import { readFileSync } from "node:fs";

/** The light theme's custom properties: `--name: light-dark(light, dark)` → light; plain values as they are. */
export function lightThemeVariables(css = readFileSync("src/styles/global.css", "utf8")): Record<string, string> {
  const root = /:root\s*\{([\s\S]*?)\n\}/.exec(css)?.[1] ?? "";
  const vars: Record<string, string> = {};
  for (const m of root.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
    const value = m[2].trim();
    const pair = /^light-dark\(\s*([^,]+),\s*([^)]+)\)$/.exec(value);
    vars[m[1]] = pair ? pair[1].trim() : value;
  }
  return vars;
}

export function standaloneSvg(svg: string, vars = lightThemeVariables()): string {
  const declarations = Object.entries(vars)
    .filter(([name]) => name.startsWith("--c-") || ["--bg", "--fg", "--fg-muted", "--border"].includes(name))
    .map(([name, value]) => `${name}: ${value};`)
    .join(" ");
  const style = `<style>svg { ${declarations} --plot-background: ${vars["--bg"]}; color: ${vars["--fg"]}; background: ${vars["--bg"]}; }</style>`;
  const withNs = /^<svg\b[^>]*\sxmlns=/.test(svg) ? svg : svg.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return withNs.replace(/^(<svg\b[^>]*>)/, `$1\n${style}`);
}
