import { scoreCounts } from './matchSwipeEvents.js';
import type { SourceScore } from './sourceEvaluation.js';

/**
 * The scores of several sources (or clips) added up: counts summed, precision and recall recomputed from them,
 * false swipes and non-swipe seconds summed.
 *
 * @example
 * ```ts
 * const all = sumSourceScores(results.map((r) => r.score));
 * ```
 */
export function sumSourceScores(scores: readonly Omit<SourceScore, 'matches'>[]): Omit<SourceScore, 'matches'> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let other = 0;
  let falseSwipes = 0;
  let seconds = 0;
  for (const s of scores) {
    tp += s.truePositives;
    fp += s.falsePositives;
    fn += s.falseNegatives;
    other += s.otherEvents;
    falseSwipes += s.falseSwipesOnNonSwipe;
    seconds += s.nonSwipeSeconds;
  }
  return { ...scoreCounts(tp, fp, fn, other), falseSwipesOnNonSwipe: falseSwipes, nonSwipeSeconds: seconds };
}
