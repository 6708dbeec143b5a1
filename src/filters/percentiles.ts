import type { Percentiles } from '../types.js';

/**
 * The nearest-rank percentile of an ascending-sorted array: the smallest value such that at least `p` percent
 * of the values are less than or equal to it, i.e. `sorted[ceil(p / 100 * n) - 1]` (the minimum for p = 0).
 * Always one of the values, never an interpolation. Returns 0 for an empty array.
 *
 * @internal
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1]!;
}

/**
 * Summarises a set of durations: p50, p95, p99 (nearest-rank, see {@link nearestRank}), max and count.
 *
 * Non-finite values (NaN, Infinity) are left out and not counted. An empty set gives `count: 0` and zeros
 * everywhere else (never NaN). The input is not modified.
 *
 * Internal: the monitor's summaries use it (no public entry exports it).
 *
 * @example
 * ```ts
 * import { percentiles } from './percentiles.js'; // summarizeStats
 * percentiles([12, 15, 11, 90]); // { p50: 12, p95: 90, p99: 90, max: 90, count: 4 }
 * ```
 * @internal
 */
export function percentiles(values: Iterable<number>): Percentiles {
  const finite: number[] = [];
  for (const v of values) if (Number.isFinite(v)) finite.push(v);
  const sorted = Float64Array.from(finite).sort();
  const n = sorted.length;
  return {
    p50: nearestRank(sorted, 50),
    p95: nearestRank(sorted, 95),
    p99: nearestRank(sorted, 99),
    max: n === 0 ? 0 : sorted[n - 1]!,
    count: n,
  };
}
