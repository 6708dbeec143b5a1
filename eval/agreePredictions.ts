/**
 * Two models that must agree: a second model (e.g. a 1 s window) and the first (e.g. a 2 s window) score every
 * label together, window by window, so a gesture fires only when both see it at the same moment.
 */
import type { Prediction } from '../src/types.js';
import type { ClipPredictions } from './sourceEvaluation.js';

/**
 * Per clip and window end frame, the first model's prediction re-scored with the second model's on the window
 * ending at the same frame: each label's score is the product of the two models' scores for it (a soft AND: high only
 * when both are sure; what one model with both branches and a multiply layer would output), the prediction's label
 * the best product. A window the second model has no window for becomes `none` with score 1 (`stableGestures`
 * ignores it). The window-level confusion (`truth` / `predicted`) stays the first model's. Clips are paired by
 * position and must be the same clips.
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
      if (!q) return { ...p, label: 'none', score: 1, categories: [] };
      const other = new Map(q.categories.map((c) => [c.categoryName, c.score]));
      const categories = p.categories.map((c) => ({ ...c, score: c.score * (other.get(c.categoryName) ?? 0) }));
      const best = categories.reduce((x, y) => (y.score > x.score ? y : x));
      return { ...p, label: best.categoryName, score: best.score, categories };
    });
    return { ...a, predictions };
  });
}
