/**
 * How far one recipe's held-out predictions could go with the best single `stableGestures` setting, chosen after
 * the fact: every setting of `TRACKER_GRID` applied to every fold (`rescoreHeldOut`), the folds added up. Chosen on
 * the held-out results themselves, so it is an upper bound on what any rule for choosing the settings could reach
 * with these models, never a result.
 */
import type { GestureTrackerOptions } from '../src/filters/handMathTypes.js';
import type { HeldOutResult } from './leaveOneSourceOut.js';
import type { RealSource } from './realSources.js';
import { rescoreHeldOut } from './rescoreHeldOut.js';
import { TRACKER_GRID, type SourceScore } from './sourceEvaluation.js';
import { sumSourceScores } from './sumSourceScores.js';

/** One setting applied to every fold, and the folds' scores added up. */
export interface FrontierPoint {
  tracker: GestureTrackerOptions;
  score: Omit<SourceScore, 'matches'>;
  /** False swipes per minute of non-swipe video over all folds. */
  falsePerMinute: number;
}

/**
 * Every grid setting applied to all folds (`points`, grid order), and the one with the most recall among those at
 * or under `maxFalsePerMinute` (ties: the fewest false swipes, then grid order); undefined when none is.
 *
 * @example
 * ```ts
 * const { best } = heldOutFrontier(loso.results, sources, loso.recipe.window.durationMs, 1);
 * ```
 */
export function heldOutFrontier(
  results: readonly HeldOutResult[],
  sources: readonly RealSource[],
  windowMs: number,
  maxFalsePerMinute: number,
): { points: FrontierPoint[]; best: FrontierPoint | undefined } {
  const points = TRACKER_GRID.map((tracker): FrontierPoint => {
    const score = sumSourceScores(
      results.map((r) => {
        const source = sources.find((s) => s.name === r.source);
        if (!source) throw new Error(`heldOutFrontier: fold ${r.source} has no source of that name`);
        const { matches: _m, ...s } = rescoreHeldOut(r, source, tracker, windowMs);
        return s;
      }),
    );
    const falsePerMinute = score.nonSwipeSeconds > 0 ? (score.falseSwipesOnNonSwipe * 60) / score.nonSwipeSeconds : 0;
    return { tracker, score, falsePerMinute };
  });
  let best: FrontierPoint | undefined;
  for (const p of points) {
    if (p.falsePerMinute > maxFalsePerMinute) continue;
    if (!best || p.score.recall > best.score.recall || (p.score.recall === best.score.recall && p.score.falseSwipesOnNonSwipe < best.score.falseSwipesOnNonSwipe)) best = p;
  }
  return { points, best };
}
