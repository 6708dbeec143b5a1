/** Options of {@link learnRejectionThreshold}. */
export interface RejectionThresholdOptions {
  /**
   * How much a falsely accepted negative costs against a missed positive, as rates: the threshold maximises
   * `acceptedPositives / positives - falseAcceptCost * acceptedNegatives / negatives`.
   * @default 2
   */
  falseAcceptCost?: number;
}

/**
 * A class's rejection threshold on template distance, learned from held-out distances: `positives` are distances of
 * the class's own examples to its other templates, `negatives` distances of everything else (other classes'
 * examples, `none` examples, ordinary movement) to its templates. A window is accepted as the class when its
 * distance is below the threshold.
 *
 * Candidates are the midpoints between consecutive sorted distances (and just past the largest positive); the one
 * with the best balanced score (see `falseAcceptCost`; positives and negatives weigh as rates, whatever their
 * counts) wins, the larger on a tie. Non-finite distances are ignored. With no finite positive the threshold is 0
 * (the class never fires); with no negative it is 1.5 times the largest positive.
 *
 * @example
 * ```ts
 * import { learnRejectionThreshold } from './learnRejectionThreshold.js';
 * const tau = learnRejectionThreshold([0.2, 0.25, 0.3], [0.5, 0.9, 0.28]); // between 0.3 and 0.5
 * ```
 * @internal
 */
export function learnRejectionThreshold(positives: readonly number[], negatives: readonly number[], options: RejectionThresholdOptions = {}): number {
  const cost = options.falseAcceptCost ?? 2;
  const pos = positives.filter(Number.isFinite).sort((a, b) => a - b);
  const neg = negatives.filter(Number.isFinite).sort((a, b) => a - b);
  if (pos.length === 0) return 0;
  const largest = pos[pos.length - 1]!;
  if (neg.length === 0) return largest * 1.5;
  const all = [...pos, ...neg].sort((a, b) => a - b);
  const candidates: number[] = [];
  for (let i = 0; i + 1 < all.length; i++) if (all[i + 1]! > all[i]!) candidates.push((all[i]! + all[i + 1]!) / 2);
  candidates.push(all[all.length - 1]! * 1.05 + 1e-9);
  const below = (sorted: number[], t: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let best = 0;
  let bestScore = -Infinity;
  for (const t of candidates) {
    const score = below(pos, t) / pos.length - (cost * below(neg, t)) / neg.length;
    if (score >= bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}
