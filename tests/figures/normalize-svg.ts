/**
 * Snapshot normalisation, in the spirit of Plot's own snapshot harness: ids
 * that come from global counters are renumbered in order of appearance,
 * numbers are rounded so last-digit float noise across platforms does not
 * churn snapshots, and each tag starts a line so a diff shows what moved.
 */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/\b(id="|url\(#|href="#)(plot-[a-z]+-)(\d+)/g, (_m, lead: string, prefix: string, n: string) => {
      const key = prefix + n;
      if (!ids.has(key)) ids.set(key, `${prefix}${ids.size + 1}`);
      return lead + ids.get(key);
    })
    .replace(/-?\d+\.\d{3,}/g, (x) => String(Math.round(Number(x) * 100) / 100))
    .replace(/></g, ">\n<");
}
