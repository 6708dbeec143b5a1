/**
 * Two models that must agree: the predictions of a second model (e.g. a 1 s window) veto those of the first (e.g.
 * a 2 s window) window by window, so a gesture fires only when both see it at the same moment.
 */
import type { Prediction } from '../src/types.js';
import type { ClipPredictions } from './sourceEvaluation.js';

/**
 * Per clip, the first model's predictions where the second model, on the window ending at the same frame, predicts
 * the same label (score: the lower of the two); everywhere else (another label, or no window of the second model
 * ending there) a `none` prediction with score 1, which `stableGestures` ignores. The window-level confusion
 * (`truth` / `predicted`) stays the first model's. Clips are paired by position and must be the same clips.
 *
 * @example
 * ```ts
 * const both = agreePredictions(await predictClips(model2s, labels, clips, w2), await predictClips(model1s, labels, clips, w1));
 * ```
 */
export function agreePredictions(first: readonly ClipPredictions[], second: readonly ClipPredictions[]): ClipPredictions[] {
  if (first.length !== second.length) throw new RangeError(`agreePredictions: ${first.length} clips against ${second.length}`);
  return first.map((a, i) => {
    const b = second[i]!;
    if (a.clip !== b.clip) throw new RangeError(`agreePredictions: clip ${i} is ${a.clip.name} in the first and ${b.clip.name} in the second`);
    const byEnd = new Map(b.predictions.map((p) => [p.windowEndIndex, p]));
    const predictions = a.predictions.map((p): Prediction => {
      const q = byEnd.get(p.windowEndIndex);
      if (q && q.label === p.label) return { ...p, score: Math.min(p.score, q.score) };
      return { ...p, label: 'none', score: 1 };
    });
    return { ...a, predictions };
  });
}
