/**
 * A seed ensemble: several models of one recipe (trained with different seeds) score every window together, each
 * label by the mean of the members' softmax scores, before the tracker.
 */
import type { Prediction } from '../src/types.js';
import type { ClipPredictions } from './sourceEvaluation.js';

/**
 * Per clip and window, the members' predictions averaged: each label's score is the mean of the members' scores for
 * it (matched by label name, so members may list labels in different orders; a label a member lacks counts 0), the
 * prediction's label the best mean. This is what one model whose output averages the members' outputs (e.g.
 * `tf.layers.average` over the members on a shared input) returns. The window-level confusion (`predicted`) is
 * recomputed from the averaged `predictedScores` when every member has them, else left as the first member's.
 * Members must hold the same clips in the same order and the same windows of each clip (the same pipeline cut
 * them), else a `RangeError` names the clip and window.
 *
 * @example
 * ```ts
 * const ensemble = averagePredictions([await predictClips(seed1, labels, clips, w), await predictClips(seed2, labels, clips, w)]);
 * ```
 */
export function averagePredictions(members: ReadonlyArray<readonly ClipPredictions[]>): ClipPredictions[] {
  const [first, ...rest] = members;
  if (!first) throw new RangeError('averagePredictions: no members');
  for (const [m, other] of rest.entries()) {
    if (other.length !== first.length) throw new RangeError(`averagePredictions: member ${m + 1} has ${other.length} clips, member 0 has ${first.length}`);
  }
  return first.map((a, i) => {
    const clips = members.map((member) => member[i]!);
    clips.forEach((c, m) => {
      if (c.clip !== a.clip) throw new RangeError(`averagePredictions: clip ${i} is ${a.clip.name} in member 0 and ${c.clip.name} in member ${m}`);
      if (c.predictions.length !== a.predictions.length) {
        throw new RangeError(`averagePredictions: clip ${a.clip.name} has ${c.predictions.length} windows in member ${m}, ${a.predictions.length} in member 0`);
      }
    });
    const predictions = a.predictions.map((p, w): Prediction => {
      const rows = clips.map((c, m) => {
        const q = c.predictions[w]!;
        if (q.windowEndIndex !== p.windowEndIndex) {
          throw new RangeError(`averagePredictions: clip ${a.clip.name} window ${w} ends at frame ${q.windowEndIndex} in member ${m}, ${p.windowEndIndex} in member 0`);
        }
        return new Map(q.categories.map((cat) => [cat.categoryName, cat.score]));
      });
      const categories = p.categories.map((cat) => ({ ...cat, score: mean(rows.map((r) => r.get(cat.categoryName) ?? 0)) }));
      const best = categories.reduce((x, y) => (y.score > x.score ? y : x));
      return { ...p, label: best.categoryName, score: best.score, categories };
    });
    return { ...a, predictions, ...averageWindowScores(clips) };
  });
}

/** The averaged window-level scores and the labels they pick, when every member has scores for the same windows. */
function averageWindowScores(clips: readonly ClipPredictions[]): Partial<Pick<ClipPredictions, 'predicted' | 'predictedScores'>> {
  const first = clips[0]!.predictedScores;
  if (!first || clips.some((c) => c.predictedScores?.scores.length !== first.scores.length)) return {};
  const { labels } = first;
  const scores = first.scores.map((_, w) => {
    const row = new Float32Array(labels.length);
    labels.forEach((label, k) => {
      row[k] = mean(clips.map((c) => {
        const s = c.predictedScores!;
        const j = s.labels.indexOf(label);
        return j < 0 ? 0 : (s.scores[w]![j] as number);
      }));
    });
    return row;
  });
  const predicted = scores.map((row) => labels[row.indexOf(Math.max(...row))] as string);
  return { predicted, predictedScores: { labels, scores } };
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
