import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/train/createRng.js';
import { createWeightedPicker } from '../../src/train/createWeightedPicker.js';
import { TrainingDataError } from '../../src/train/trainErrors.js';

describe('createWeightedPicker', () => {
  it('draws each item in proportion to its weight, never a zero-weight one, the same sequence for a seed', () => {
    const items = ['a', 'b', 'c', 'd'];
    const weights: Record<string, number> = { a: 1, b: 0, c: 3, d: 6 };
    const pick = createWeightedPicker(items, (x) => weights[x]!, createRng(3), 'letters');
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    const n = 20000;
    for (let i = 0; i < n; i++) counts[pick()]!++;
    expect(counts.b).toBe(0);
    expect(counts.a! / n).toBeCloseTo(0.1, 1);
    expect(counts.c! / n).toBeCloseTo(0.3, 1);
    expect(counts.d! / n).toBeCloseTo(0.6, 1);
    expect(Math.abs(counts.d! / n - 0.6)).toBeLessThan(0.02);
    const again = createWeightedPicker(items, (x) => weights[x]!, createRng(3));
    const first = createWeightedPicker(items, (x) => weights[x]!, createRng(3));
    expect(Array.from({ length: 50 }, () => again())).toEqual(Array.from({ length: 50 }, () => first()));
  });

  it('refuses negative or non-finite weights and an all-zero set, naming what was drawn from', () => {
    expect(() => createWeightedPicker([1, 2], (x) => (x === 2 ? -1 : 1), createRng(1), 'none windows')).toThrow(/none windows.*item 1 is -1/);
    expect(() => createWeightedPicker([1, 2], () => Number.NaN, createRng(1))).toThrow(TrainingDataError);
    expect(() => createWeightedPicker([1, 2], () => 0, createRng(1), 'none windows')).toThrow(/none windows: no item has a positive draw weight/);
    expect(() => createWeightedPicker([], () => 1, createRng(1))).toThrow(TrainingDataError);
  });
});
