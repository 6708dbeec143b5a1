import { describe, expect, it } from 'vitest';
import { nearestRank, percentiles } from '../../src/filters/percentiles.js';

describe('percentiles (nearest rank)', () => {
  it('takes the ceil(p/100 * n)-th smallest value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100, count: 100 });
    expect(percentiles([12, 15, 11, 90])).toEqual({ p50: 12, p95: 90, p99: 90, max: 90, count: 4 });
    expect(percentiles([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3, max: 3, count: 3 });
  });

  it('returns one of the values, never an interpolation', () => {
    const values = [0.5, 10, 1000];
    const p = percentiles(values);
    for (const v of [p.p50, p.p95, p.p99, p.max]) expect(values).toContain(v);
  });

  it('gives count 0 and zeros (no NaN) for an empty set, and skips non-finite values', () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, count: 0 });
    expect(percentiles([NaN, Infinity, 4, -Infinity])).toEqual({ p50: 4, p95: 4, p99: 4, max: 4, count: 1 });
  });

  it('sorts numerically, not as strings, and leaves the input alone', () => {
    const values = [10, 9, 100, 1];
    expect(percentiles(values).p50).toBe(9);
    expect(values).toEqual([10, 9, 100, 1]);
  });

  it('nearestRank clamps p to the ends', () => {
    const sorted = Float64Array.of(1, 2, 3, 4);
    expect(nearestRank(sorted, 0)).toBe(1);
    expect(nearestRank(sorted, 25)).toBe(1);
    expect(nearestRank(sorted, 26)).toBe(2);
    expect(nearestRank(sorted, 100)).toBe(4);
    expect(nearestRank(new Float64Array(0), 50)).toBe(0);
  });
});
