/**
 * Re-scores a leave-one-source-out fold with other `stableGestures` settings from its saved held-out predictions:
 * a sensitivity table only (how much the figures depend on the tracker), never a way to choose the settings (that
 * would tune on the test source; `chooseTracker` picks them on training clips).
 */
import type { GestureTrackerOptions } from '../src/filters/handMathTypes.js';
import type { Prediction } from '../src/types.js';
import type { HeldOutResult } from './leaveOneSourceOut.js';
import type { RealSource } from './realSources.js';
import { scoreClips, type ClipPredictions, type SourceScore } from './sourceEvaluation.js';

/**
 * The held-out source's score under `tracker`, from the fold's saved predictions.
 *
 * @example
 * ```ts
 * const s = rescoreHeldOut(result, source, { threshold: 0.9, minConsecutive: 1, cooldownMs: 500 }, 2000);
 * ```
 */
export function rescoreHeldOut(result: HeldOutResult, source: RealSource, tracker: GestureTrackerOptions, windowMs: number): SourceScore {
  const clips: ClipPredictions[] = source.clips.map((clip) => ({
    clip,
    truth: [],
    predicted: [],
    predictions: (result.predictions[clip.name] ?? []).map(([windowEndIndex, windowEndTimestamp, label, score]): Prediction => ({
      label: result.labels[label] as string,
      score,
      categories: [],
      windowEndIndex,
      windowEndTimestamp,
      startedAt: 0,
      finishedAt: 0,
    })),
  }));
  return scoreClips(clips, tracker, windowMs);
}
