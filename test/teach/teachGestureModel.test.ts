// Teaching on real data (kairess, ../shared/data, Apache-2.0): typed errors before training, and a golden test of
// the taught model on the held-out part of the takes, with tolerances.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teachGestureModel, TeachingError, type PoseFrame } from 'posestream';
import { evaluateCondition } from '../../eval/teachingEval.js';
import { kairessSplit } from '../../eval/teachingStreams.js';

const KAIRESS = resolve(import.meta.dirname, '../../../shared/data/landmarks/kairess-gesture-recognition');
const still = (n: number, hands = true): PoseFrame[] =>
  Array.from({ length: n }, (_, i) => ({ index: i, timestamp: i * 66, hands: hands ? [{ handedness: 'Right', score: 1, landmarks: Array.from({ length: 21 }, (_, k) => ({ x: 0.5 + k * 0.01, y: 0.5 - k * 0.005, z: 0 })) }] : [] }));

describe('teachGestureModel: bad input, before training', () => {
  it('names a class with too few examples and its count', async () => {
    const examples = [...Array(3)].map(() => ({ label: 'wave', frames: still(20) })).concat([{ label: 'tap', frames: still(20) }]);
    await expect(teachGestureModel({ examples })).rejects.toThrow(/gesture "tap" has 1 example; at least 3/);
    await expect(teachGestureModel({ examples })).rejects.toMatchObject({ kind: 'too-few-examples', label: 'tap', count: 1 });
  });
  it('rejects a single class with nothing else to learn none from', async () => {
    const examples = [...Array(3)].map(() => ({ label: 'wave', frames: still(20) }));
    await expect(teachGestureModel({ examples })).rejects.toMatchObject({ kind: 'one-class', label: 'wave', count: 3 });
  });
  it('rejects an example without a hand in most frames, with its label and frame range', async () => {
    const frames = [...still(5), ...still(15, false).map((f) => ({ ...f, index: f.index + 5 }))];
    const examples = [{ label: 'wave', frames }, ...[...Array(3)].map(() => ({ label: 'wave', frames: still(20) })), { label: 'none', frames: still(20) }];
    const err = await teachGestureModel({ examples }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeachingError);
    expect((err as TeachingError).message).toMatch(/example 0 \("wave"\) frames 0-19: the first hand is in only 5 of its 20 frames/);
  });
  it('teaches an example whose first frames have no hand (the hand found late): the hand at rest is its first frame with the hand', async () => {
    const late = [...still(4, false), ...still(16).map((f) => ({ ...f, index: f.index + 4, timestamp: f.timestamp + 4 * 50 }))];
    const examples = [{ label: 'wave', frames: late }, ...[...Array(3)].map(() => ({ label: 'wave', frames: still(20) })), { label: 'none', frames: still(20) }];
    const { model } = await teachGestureModel({ examples });
    expect(model.labels).toEqual(['wave', 'none']);
    expect(model.taught.examples).toEqual({ wave: 4, none: 1 });
  });
});

describe('teachGestureModel on real takes (kairess: teach on the first 55 %, test on the last 40 %)', () => {
  it('recognises the held-out gestures and fires nothing untaught (golden, with tolerances)', async () => {
    const split = await kairessSplit(KAIRESS);
    const moving = await evaluateCondition(split, 'moving');
    expect(moving.ours.precision).toBeGreaterThanOrEqual(0.9);
    expect(moving.ours.recall).toBeGreaterThanOrEqual(0.6);
    const untaught = await evaluateCondition(split, 'untaught');
    expect(untaught.ours.fp).toBeLessThanOrEqual(2);
    expect(untaught.ours.recall).toBeGreaterThanOrEqual(0.5);
    expect(untaught.ours.precision).toBeGreaterThan(untaught.baseline.precision);
  });
});
