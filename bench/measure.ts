/** Small measurement helpers shared by the scenarios. */
import { percentiles } from '../src/filters/percentiles.js';

/** Percentile figures named `${prefix}P50Ms` etc., null when the set is empty (never a made-up 0). */
export function pctFigures(
  prefix: string,
  values: readonly number[],
  which: readonly ('p50' | 'p95' | 'p99' | 'max')[] = ['p50', 'p95'],
): Record<string, number | null> {
  const p = percentiles(values);
  const out: Record<string, number | null> = {};
  for (const w of which) {
    const name = w === 'max' ? 'Max' : w.toUpperCase();
    out[`${prefix}${name}Ms`] = p.count === 0 ? null : round(p[w]);
  }
  return out;
}

/** Rounds to 3 decimals (figures are ms or ratios; more digits are noise). */
export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Forces a full GC when node runs with --expose-gc; false when it cannot. */
export function forceGc(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

/** Heap in use after a forced GC, bytes. */
export function heapAfterGc(): number {
  forceGc();
  return process.memoryUsage().heapUsed;
}
