import { describe, expect, it } from 'vitest';
import { heldOutFrontier } from '../../eval/heldOutFrontier.js';
import type { HeldOutResult } from '../../eval/leaveOneSourceOut.js';
import type { RealSource } from '../../eval/realSources.js';

// One source, two clips at 10 fps: a labelled swipe_right (frames 8-12), and 6 s without a swipe.
const frames = (n: number) => Array.from({ length: n }, (_, i) => ({ index: i, timestamp: i * 100, hands: [] }));
const source: RealSource = {
  name: 's',
  path: 's',
  clips: [
    { name: 'swipe', frames: frames(40), labels: [{ label: 'swipe_right', startFrame: 8, endFrame: 12 }], seconds: 4 },
    { name: 'still', frames: frames(60), labels: [], seconds: 6 },
  ],
};
const labels = ['none', 'swipe_right'];
// The swipe's windows score 0.9 three times in a row; on the still clip one window scores 0.6.
const rows = (n: number, swipeAt: Record<number, number>): Array<[number, number, number, number]> =>
  Array.from({ length: n }, (_, i): [number, number, number, number] => (swipeAt[i] !== undefined ? [i, i * 100, 1, swipeAt[i]!] : [i, i * 100, 0, 0.95]));
const result = {
  source: 's',
  labels,
  predictions: { swipe: rows(40, { 12: 0.9, 13: 0.9, 14: 0.9 }), still: rows(60, { 30: 0.6 }) },
} as unknown as HeldOutResult;

describe('heldOutFrontier', () => {
  it('scores every grid setting on every fold, and picks the most recall within the false-swipe budget', () => {
    const { points, best } = heldOutFrontier([result], [source], 1000, 1);
    const at = (threshold: number, minConsecutive: number) => points.find((p) => p.tracker.threshold === threshold && p.tracker.minConsecutive === minConsecutive && p.tracker.cooldownMs === 500)!;
    expect(at(0.5, 1).score).toMatchObject({ truePositives: 1, falseSwipesOnNonSwipe: 1 });
    expect(at(0.5, 1).falsePerMinute).toBeCloseTo(10); // 1 in 6 s
    expect(at(0.7, 1).score).toMatchObject({ truePositives: 1, falseSwipesOnNonSwipe: 0 });
    expect(at(0.95, 1).score).toMatchObject({ truePositives: 0, falseNegatives: 1 });
    expect(best?.score.recall).toBe(1);
    expect(best?.falsePerMinute).toBe(0);
    // on equal recall the fewest false swipes win, then the first in grid order (threshold, run length, cooldown)
    expect(heldOutFrontier([result], [source], 1000, 20).best?.tracker).toEqual({ threshold: 0.5, minConsecutive: 2, cooldownMs: 500 });
  });

  it('has no best when every setting is over the budget, and names a fold without its source', () => {
    const noisy = { ...result, predictions: { ...result.predictions, still: rows(60, { 5: 0.99, 6: 0.99, 7: 0.99, 30: 0.99, 31: 0.99, 32: 0.99 }) } } as HeldOutResult;
    expect(heldOutFrontier([noisy], [source], 1000, 1).best).toBeUndefined();
    expect(() => heldOutFrontier([{ ...result, source: 'gone' }], [source], 1000, 1)).toThrow(/gone/);
  });
});
