import { describe, expect, it } from 'vitest';
import { agreePredictions } from '../../eval/agreePredictions.js';
import type { RealClip } from '../../eval/realSources.js';
import { clipEvents, type ClipPredictions } from '../../eval/sourceEvaluation.js';
import type { Prediction } from '../../src/types.js';

const LABELS = ['none', 'swipe_left', 'swipe_right'];
const clip = (name: string, n = 30): RealClip => ({ name, frames: Array.from({ length: n }, (_, i) => ({ index: i, timestamp: i * 100, hands: [] })), labels: [], seconds: n / 10 });
// window end indices from `from` on, one score row (none, swipe_left, swipe_right) each; the model's label order is `order`
const predicted = (c: RealClip, from: number, rows: number[][], order = LABELS): ClipPredictions => ({
  clip: c,
  truth: ['none'],
  predicted: ['none'],
  predictions: rows.map((row, i): Prediction => {
    const categories = order.map((categoryName, index) => ({ index, categoryName, score: row[LABELS.indexOf(categoryName)]! }));
    const best = categories.reduce((x, y) => (y.score > x.score ? y : x));
    return { label: best.categoryName, score: best.score, categories, windowEndIndex: from + i, windowEndTimestamp: (from + i) * 100, startedAt: 0, finishedAt: 0 };
  }),
});

describe('agreePredictions', () => {
  it('scores each label by the product of both models on the window ending at the same frame (by label name)', () => {
    const c = clip('a');
    // the 2 s model starts at frame 10, the 1 s model at frame 8 (and lists its labels in another order)
    const long = predicted(c, 10, [[0.9, 0.05, 0.05], [0.02, 0.95, 0.03], [0.02, 0.97, 0.01], [0.1, 0.1, 0.8]]);
    const short = predicted(c, 8, [[1, 0, 0], [1, 0, 0], [0.9, 0.05, 0.05], [0.04, 0.95, 0.01], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]], ['swipe_right', 'none', 'swipe_left']);
    const [both] = agreePredictions([long], [short]);
    const rows = both!.predictions.map((p) => [p.windowEndIndex, p.label, Number(p.score.toFixed(4))]);
    expect(rows).toEqual([
      [10, 'none', 0.81],
      [11, 'swipe_left', 0.9025],
      [12, 'swipe_left', 0.291],
      [13, 'swipe_right', 0.64],
    ]);
    expect(both!.truth).toBe(long.truth);
    // the tracker fires where both were sure only
    expect(clipEvents(both!.predictions, { threshold: 0.85, minConsecutive: 1, cooldownMs: 0 }).map((e) => [e.label, e.startFrame, e.endFrame])).toEqual([['swipe_left', 11, 11]]);
  });

  it('calls a window the second model has no window for none, and refuses clips that do not pair up', () => {
    const c = clip('a');
    const [both] = agreePredictions([predicted(c, 3, [[0, 1, 0], [0, 1, 0]])], [predicted(c, 4, [[0, 1, 0]])]);
    expect(both!.predictions.map((p) => [p.label, p.score])).toEqual([['none', 1], ['swipe_left', 1]]);
    expect(() => agreePredictions([predicted(c, 0, [])], [])).toThrow(/1 clips against 0/);
    expect(() => agreePredictions([predicted(c, 0, [])], [predicted(clip('b'), 0, [])])).toThrow(/clip 0 is a in the first and b in the second/);
  });
});
