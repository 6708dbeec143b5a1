import { describe, expect, it } from 'vitest';
import { averagePredictions } from '../../eval/averagePredictions.js';
import type { RealClip } from '../../eval/realSources.js';
import { clipEvents, type ClipPredictions } from '../../eval/sourceEvaluation.js';
import type { Prediction } from '../../src/types.js';

const LABELS = ['none', 'swipe_left', 'swipe_right'];
const clip = (name: string, n = 30): RealClip => ({ name, frames: Array.from({ length: n }, (_, i) => ({ index: i, timestamp: i * 100, hands: [] })), labels: [], seconds: n / 10 });
// window end indices from `from` on, one score row (none, swipe_left, swipe_right) each, listed in the model's label `order`
const predicted = (c: RealClip, from: number, rows: number[][], order = LABELS, windowRows?: number[][]): ClipPredictions => ({
  clip: c,
  truth: (windowRows ?? []).map(() => 'none'),
  predicted: (windowRows ?? []).map(() => 'none'),
  ...(windowRows ? { predictedScores: { labels: order, scores: windowRows.map((r) => Float32Array.from(order.map((l) => r[LABELS.indexOf(l)]!))) } } : {}),
  predictions: rows.map((row, i): Prediction => {
    const categories = order.map((categoryName, index) => ({ index, categoryName, score: row[LABELS.indexOf(categoryName)]! }));
    const best = categories.reduce((x, y) => (y.score > x.score ? y : x));
    return { label: best.categoryName, score: best.score, categories, windowEndIndex: from + i, windowEndTimestamp: (from + i) * 100, startedAt: 0, finishedAt: 0 };
  }),
});
const rows = (c: ClipPredictions): Array<[number, string, number]> => c.predictions.map((p) => [p.windowEndIndex, p.label, Number(p.score.toFixed(4))]);

describe('averagePredictions', () => {
  it('scores each label by the mean of the members (by label name) and picks the best mean', () => {
    const c = clip('a');
    const one = predicted(c, 5, [[0.9, 0.05, 0.05], [0.4, 0.55, 0.05], [0.1, 0.1, 0.8]]);
    const two = predicted(c, 5, [[0.8, 0.1, 0.1], [0.6, 0.3, 0.1], [0.2, 0.7, 0.1]], ['swipe_right', 'none', 'swipe_left']);
    const three = predicted(c, 5, [[1, 0, 0], [0.3, 0.65, 0.05], [0.3, 0.6, 0.1]]);
    const [mean] = averagePredictions([[one], [two], [three]]);
    expect(rows(mean!)).toEqual([
      [5, 'none', 0.9],
      [6, 'swipe_left', 0.5],
      [7, 'swipe_left', 0.4667],
    ]);
    expect(mean!.predictions[1]!.categories.map((k) => k.categoryName)).toEqual(LABELS);
    expect(mean!.predictions[1]!.categories.reduce((s, k) => s + k.score, 0)).toBeCloseTo(1, 6);
    // one sure member does not make a swipe on its own at a strict threshold
    expect(clipEvents(mean!.predictions, { threshold: 0.52, minConsecutive: 1, cooldownMs: 0 })).toEqual([]);
    expect(clipEvents(one.predictions, { threshold: 0.52, minConsecutive: 1, cooldownMs: 0 }).map((e) => e.label)).toEqual(['swipe_left', 'swipe_right']);
  });

  it('averages the window-level scores and relabels the confusion windows from them', () => {
    const c = clip('a');
    const one = predicted(c, 0, [], LABELS, [[0.6, 0.4, 0], [0.1, 0, 0.9]]);
    const two = predicted(c, 0, [], ['swipe_left', 'swipe_right', 'none'], [[0.1, 0.9, 0], [0.1, 0, 0.9]]);
    const [mean] = averagePredictions([[one], [two]]);
    expect(mean!.predicted).toEqual(['swipe_left', 'swipe_right']);
    expect(Array.from(mean!.predictedScores!.scores[0]!).map((v) => Number(v.toFixed(4)))).toEqual([0.35, 0.65, 0]);
    expect(mean!.truth).toBe(one.truth);
  });

  it('is the identity for one member', () => {
    const c = clip('a');
    const one = predicted(c, 3, [[0.2, 0.7, 0.1]]);
    expect(rows(averagePredictions([[one]])[0]!)).toEqual(rows(one));
  });

  it('refuses members that do not hold the same clips and windows', () => {
    const c = clip('a');
    expect(() => averagePredictions([])).toThrow(/no members/);
    expect(() => averagePredictions([[predicted(c, 0, [])], []])).toThrow(/member 1 has 0 clips, member 0 has 1/);
    expect(() => averagePredictions([[predicted(c, 0, [])], [predicted(clip('b'), 0, [])]])).toThrow(/clip 0 is a in member 0 and b in member 1/);
    expect(() => averagePredictions([[predicted(c, 0, [[1, 0, 0]])], [predicted(c, 0, [[1, 0, 0], [1, 0, 0]])]])).toThrow(/clip a has 2 windows in member 1, 1 in member 0/);
    expect(() => averagePredictions([[predicted(c, 0, [[1, 0, 0]])], [predicted(c, 4, [[1, 0, 0]])]])).toThrow(/clip a window 0 ends at frame 4 in member 1, 0 in member 0/);
  });
});
