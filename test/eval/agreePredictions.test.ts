import { describe, expect, it } from 'vitest';
import { agreePredictions } from '../../eval/agreePredictions.js';
import type { RealClip } from '../../eval/realSources.js';
import { clipEvents, type ClipPredictions } from '../../eval/sourceEvaluation.js';
import type { Prediction } from '../../src/types.js';

const clip = (name: string, n = 30): RealClip => ({ name, frames: Array.from({ length: n }, (_, i) => ({ index: i, timestamp: i * 100, hands: [] })), labels: [], seconds: n / 10 });
// window end indices `from..from + labels.length - 1`, one label each, score 0.9 unless given
const predicted = (c: RealClip, from: number, labels: string[], scores: number[] = []): ClipPredictions => ({
  clip: c,
  truth: ['none'],
  predicted: ['none'],
  predictions: labels.map((label, i): Prediction => ({ label, score: scores[i] ?? 0.9, categories: [], windowEndIndex: from + i, windowEndTimestamp: (from + i) * 100, startedAt: 0, finishedAt: 0 })),
});

describe('agreePredictions', () => {
  it('keeps a label only where the second model says the same on the window ending at the same frame, at the lower score', () => {
    const c = clip('a');
    // the 2 s model starts at frame 10, the 1 s model at frame 5
    const long = predicted(c, 10, ['none', 'swipe_left', 'swipe_left', 'swipe_left', 'swipe_right', 'swipe_right', 'come'], [0.8, 0.95, 0.99, 0.9, 0.9, 0.9, 0.7]);
    const short = predicted(c, 5, ['none', 'none', 'none', 'none', 'none', 'none', 'swipe_left', 'swipe_left', 'swipe_left', 'swipe_up', 'none', 'come'], [1, 1, 1, 1, 1, 1, 0.97, 0.6, 0.93, 0.9, 0.9, 0.8]);
    const [both] = agreePredictions([long], [short]);
    expect(both!.predictions.map((p) => [p.windowEndIndex, p.label, p.score])).toEqual([
      [10, 'none', 0.8],
      [11, 'swipe_left', 0.95],
      [12, 'swipe_left', 0.6],
      [13, 'swipe_left', 0.9],
      [14, 'none', 1],
      [15, 'none', 1],
      [16, 'come', 0.7],
    ]);
    expect(both!.truth).toBe(long.truth);
    // the tracker then fires one swipe_left only where both were sure
    expect(clipEvents(both!.predictions, { threshold: 0.85, minConsecutive: 1, cooldownMs: 0 }).map((e) => [e.label, e.startFrame, e.endFrame])).toEqual([['swipe_left', 11, 11], ['swipe_left', 13, 13]]);
  });

  it('calls a window the second model has no window for none, and refuses clips that do not pair up', () => {
    const c = clip('a');
    const [both] = agreePredictions([predicted(c, 3, ['swipe_up', 'swipe_up'])], [predicted(c, 4, ['swipe_up'])]);
    expect(both!.predictions.map((p) => p.label)).toEqual(['none', 'swipe_up']);
    expect(() => agreePredictions([predicted(c, 0, [])], [])).toThrow(/1 clips against 0/);
    expect(() => agreePredictions([predicted(c, 0, [])], [predicted(clip('b'), 0, [])])).toThrow(/clip 0 is a in the first and b in the second/);
  });
});
