import { describe, expect, it } from 'vitest';
import { toClassifyFn } from '../../src/classifiers/windowClassifierFn.js';
import type { PoseWindow, WindowClassifier } from '../../src/types.js';
import { ClassifierOutputError } from '../../src/workers/workerErrors.js';

function fakeWindow(): PoseWindow & { packs: number } {
  const w = {
    size: 2, frames: [], hands: [], startTimestamp: 10, endTimestamp: 43, span: 33, endIndex: 7, capturedAt: 43, emittedAt: 43, packs: 0,
    pack: () => {
      w.packs += 1;
      return new Float32Array(2 * 63).fill(0.5);
    },
  };
  return w;
}

const classifierReturning = (scores: number[]): WindowClassifier & { shapes: unknown[] } => {
  const shapes: unknown[] = [];
  return { labels: ['open', 'fist'], shapes, classify: async (_w, shape) => (shapes.push(shape), scores) };
};

describe('toClassifyFn', () => {
  it('packs once, passes the shape and builds the Prediction on the given clock', async () => {
    let t = 100;
    const c = classifierReturning([0.2, 0.8]);
    const w = fakeWindow();
    const p = await toClassifyFn(c, { now: () => (t += 5) })(w);
    expect(w.packs).toBe(1);
    expect(c.shapes).toEqual([[2, 21, 3]]);
    expect(p).toEqual({
      label: 'fist', score: 0.8, windowEndTimestamp: 43, windowEndIndex: 7, startedAt: 105, finishedAt: 110,
      categories: [{ categoryName: 'open', score: 0.2, index: 0 }, { categoryName: 'fist', score: 0.8, index: 1 }],
    });
  });

  it('takes the match a classifier that reportsMatch returns after its scores, as the frames\' timestamps', async () => {
    const frames = [{ timestamp: 10 }, { timestamp: 43 }] as unknown as PoseWindow['frames'];
    const withMatch = (tail: number[]): WindowClassifier => ({ labels: ['open', 'fist'], reportsMatch: true, classify: async () => [0.2, 0.8, ...tail] });
    const p = await toClassifyFn(withMatch([0, 1]))({ ...fakeWindow(), frames });
    expect(p.label).toBe('fist');
    expect(p.match).toEqual({ startTimestamp: 10, endTimestamp: 43 });
    expect((await toClassifyFn(withMatch([-1, -1]))({ ...fakeWindow(), frames })).match).toBeUndefined();
    const err = await toClassifyFn(withMatch([]), { name: 'taught' })(fakeWindow()).catch((e: unknown) => e);
    expect((err as Error).message).toBe('taught returned 2 values for 2 labels and a match (2 frame indices) (window ending at frame 7)');
  });

  it('rejects scores of the wrong length, naming the classifier and the window', async () => {
    const err = await toClassifyFn(classifierReturning([1]), { name: 'models/g.json' })(fakeWindow()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifierOutputError);
    expect((err as Error).message).toBe('models/g.json returned 1 scores for 2 labels (window ending at frame 7)');
  });

  it('rejects non-finite scores', async () => {
    const err = await toClassifyFn(classifierReturning([0.1, Number.NaN]))(fakeWindow()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifierOutputError);
    expect((err as Error).message).toContain('non-finite score (NaN) for "fist"');
  });
});
