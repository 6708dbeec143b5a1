import type { Rng } from './createRng.js';
import { TrainingDataError } from './trainErrors.js';

/**
 * Makes a function that draws one of `items` with probability proportional to `weight(item)` (with replacement,
 * through `rng`, so seeded runs repeat): how training draws some windows of a class more often than others (e.g.
 * each source of `none` as often as the others, however many windows it has). Throws {@link TrainingDataError}
 * naming `what` when a weight is negative or not finite, or when no item has a positive weight.
 *
 * @example
 * ```ts
 * import { createRng, createWeightedPicker } from 'posestream/train';
 * const pick = createWeightedPicker(windows, (w) => (w.source.startsWith('synthetic') ? 1 : 3), createRng(1), 'none');
 * const window = pick();
 * ```
 */
export function createWeightedPicker<T>(items: readonly T[], weight: (item: T) => number, rng: Rng, what = 'items'): () => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    const w = weight(item);
    if (!Number.isFinite(w) || w < 0) throw new TrainingDataError('bad-windows', what, `draw weight of item ${i} is ${w}; weights must be finite and >= 0`);
    total += w;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new TrainingDataError('no-data', what, `no item has a positive draw weight (${items.length} items)`);
  return () => {
    const u = rng.next() * total;
    // first index whose cumulative weight exceeds u
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
