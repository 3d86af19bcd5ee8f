/**
 * Fewer points for a polyline that is drawn, not read: the
 * Ramer–Douglas–Peucker simplification keeps a point only where dropping it
 * would move the line by more than a tolerance, given separately for x and y
 * in data units (so that it can be a fraction of a pixel on each axis). The
 * Jacobian products of chapter 1.2 are nearly straight on a log axis, and
 * a thousand points per singular value would make the page heavy for nothing.
 */

/** Indices of the points of (xs[i], ys[i]) to keep, in order, always the first and last; points must be finite. */
export function simplifyIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, tolX: number, tolY: number): number[] {
  const n = xs.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // An explicit stack instead of recursion: a jagged series of thousands of points would nest deeply.
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (b - a < 2) continue;
    // Distances in units of the tolerance, so one threshold (1) serves both axes.
    const ax = xs[a] / tolX;
    const ay = ys[a] / tolY;
    const dx = xs[b] / tolX - ax;
    const dy = ys[b] / tolY - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const px = xs[i] / tolX - ax;
      const py = ys[i] / tolY - ay;
      const d = len === 0 ? Math.hypot(px, py) : Math.abs(px * dy - py * dx) / len;
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > 1) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}

/** The drawing's scale: how many data units one pixel is on each axis, for a plot of the given size. */
export interface PixelScale {
  xPerPixel: number;
  yPerPixel: number;
}

/** Data units per pixel for x spanning `xSpan` over `widthPx` and y spanning `ySpan` over `heightPx` (spans of 0 count as tiny). */
export function pixelScale(xSpan: number, widthPx: number, ySpan: number, heightPx: number): PixelScale {
  return { xPerPixel: Math.max(1e-9, xSpan) / Math.max(1, widthPx), yPerPixel: Math.max(1e-9, ySpan) / Math.max(1, heightPx) };
}

/** The points (x, y) of a series worth drawing: the finite ones, simplified to within `pixels` of the exact line. */
export function drawnPoints(xs: readonly number[], ys: ArrayLike<number>, scale: PixelScale, pixels = 0.35): { x: number; y: number }[] {
  const fx: number[] = [];
  const fy: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(ys[i])) {
      fx.push(xs[i]);
      fy.push(ys[i]);
    }
  }
  return simplifyIndices(fx, fy, pixels * scale.xPerPixel, pixels * scale.yPerPixel).map((k) => ({ x: fx[k], y: fy[k] }));
}
