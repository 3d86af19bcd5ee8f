/**
 * Fewer points for a drawn line, with no visible change: the
 * Ramer–Douglas–Peucker simplification in pixel units, so a straight stretch
 * (an exponential decay on a log axis) keeps only its ends while a bend keeps
 * every point it needs. The static figures ship in the page's HTML at two
 * widths, so every point saved is saved twice.
 */

/** Pixels per data unit along each axis (positive; an estimate is fine, a larger one only keeps more points). */
export interface PixelScale {
  x: number;
  y: number;
}

/** The points of a line that RDP keeps at `tolerance` pixels (default 0.25 px); points with a non-finite coordinate split the line and are kept. */
export function simplifyLine<T>(points: readonly T[], get: (p: T) => [number, number], scale: PixelScale, tolerance: number = 0.25): T[] {
  const out: T[] = [];
  let run: T[] = [];
  const flush = () => {
    out.push(...rdp(run, get, scale, tolerance));
    run = [];
  };
  for (const p of points) {
    const [x, y] = get(p);
    if (Number.isFinite(x) && Number.isFinite(y)) run.push(p);
    else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}

function rdp<T>(points: readonly T[], get: (p: T) => [number, number], scale: PixelScale, tolerance: number): T[] {
  if (points.length <= 2) return [...points];
  const px = points.map((p) => {
    const [x, y] = get(p);
    return [x * scale.x, y * scale.y] as const;
  });
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  // An explicit stack: a long line would recurse thousands deep.
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = px[i];
    const [bx, by] = px[j];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const [cx, cy] = px[k];
      const d = length === 0 ? Math.hypot(cx - ax, cy - ay) : Math.abs(dx * (ay - cy) - dy * (ax - cx)) / length;
      if (d > worst) {
        worst = d;
        at = k;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([i, at], [at, j]);
    }
  }
  return points.filter((_, k) => keep[k] === 1);
}

/** Pixels per unit for a frame of `width` × `height` px (margins included) showing the given data extents. */
export function pixelScale(
  width: number,
  height: number,
  margins: { left: number; right: number; top: number; bottom: number },
  xExtent: number,
  yExtent: number,
): PixelScale {
  const w = Math.max(1, width - margins.left - margins.right);
  const h = Math.max(1, height - margins.top - margins.bottom);
  return { x: w / Math.max(xExtent, Number.MIN_VALUE), y: h / Math.max(yExtent, Number.MIN_VALUE) };
}
