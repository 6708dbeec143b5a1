import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { resampleWindow } from '../../src/filters/resampleWindow.js';
import type { Hand } from '../../src/types.js';

const hand = (x: number, handedness: Hand['handedness'] = 'Right', score = 1): Hand => ({
  handedness,
  score,
  landmarks: Array.from({ length: 21 }, (_, i) => ({ x: x + i, y: 2 * x, z: -x })),
  worldLandmarks: Array.from({ length: 21 }, () => ({ x: x / 10, y: 0, z: 0 })),
});

describe('resampleWindow', () => {
  it('interpolates landmarks, world landmarks and score linearly at evenly spaced instants ending at the newest sample', () => {
    const r = resampleWindow([0, 100, 300], [hand(0, 'Left', 0), hand(1, 'Left', 1), hand(3, 'Right', 0)], 5, 200);
    expect(r.timestamps).toEqual([100, 150, 200, 250, 300]);
    expect(r.sourcePositions).toEqual([1, 1, 1, 1, 2]);
    expect(r.hands.map((h) => h.landmarks[0]?.x)).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(r.hands.map((h) => h.landmarks[20]?.y)).toEqual([2, 3, 4, 5, 6]);
    expect(r.hands.map((h) => h.worldLandmarks?.[0]?.x)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3].map((v) => expect.closeTo(v, 12)));
    expect(r.hands.map((h) => h.score)).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(r.hands.map((h) => h.handedness)).toEqual(['Left', 'Left', 'Right', 'Right', 'Right']);
  });

  it('reuses the sample hand when an instant falls on a sample, and gives the newest hand for one frame', () => {
    const hands = [hand(0), hand(1), hand(2)];
    const r = resampleWindow([0, 50, 100], hands, 3, 100);
    expect(r.hands).toEqual(hands);
    expect(r.hands[1]).toBe(hands[1]);
    expect(resampleWindow([0, 50, 100], hands, 1, 100).hands).toEqual([hands[2]]);
  });

  it('throws an InvalidPoseError when samples do not cover the duration, go backwards, or do not match', () => {
    expect(() => resampleWindow([10, 50], [hand(0), hand(1)], 3, 100)).toThrow(/cover 40 ms, expected at least 100 ms/);
    expect(() => resampleWindow([0, 50, 40], [hand(0), hand(1), hand(2)], 3, 10)).toThrow(InvalidPoseError);
    // Equal timestamps are allowed: the later sample counts.
    expect(resampleWindow([0, 50, 50, 100], [hand(0), hand(1), hand(2), hand(3)], 3, 100).hands.map((h) => h.landmarks[0]!.x)).toEqual([0, 2, 3]);
    expect(() => resampleWindow([0], [], 3, 10)).toThrow(/1 timestamps and 0 hands/);
  });
});
