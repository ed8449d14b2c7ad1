/** Pure geometry of the indicator chart: scales and "nice" axis ticks, so it can be tested without a DOM. */

export type Point = { x: number; y: number };

/** Round tick values covering [min, max], about `count` of them (1, 2, 2.5 or 5 × a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const rough = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 1e6; i++) {
    ticks.push(Number((first + i * step).toPrecision(12)));
  }
  return ticks;
}

/** Whole years to label on an axis of `width` pixels, at least `minGap` pixels apart. */
export function yearTicks(from: number, to: number, width: number, minGap = 48): number[] {
  const first = Math.ceil(from);
  const last = Math.floor(to);
  if (last < first) return [];
  const span = Math.max(1, last - first);
  const fit = Math.max(1, Math.floor(width / minGap));
  const step = Math.max(1, Math.ceil(span / fit));
  const ticks: number[] = [];
  for (let year = first; year <= last; year += step) ticks.push(year);
  return ticks;
}

/** A linear scale from a domain onto a pixel range (a flat domain maps to the middle). */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** An SVG path through the points in order ("M x y L x y …"), or "" for none. */
export function linePath(points: Point[]): string {
  return points
    .map((p, i) => `${i === 0 ? "M" : "L"}${Math.round(p.x * 10) / 10} ${Math.round(p.y * 10) / 10}`)
    .join(" ");
}
