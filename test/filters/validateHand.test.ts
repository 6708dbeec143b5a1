import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { validateHand, validatePoseFrame } from '../../src/filters/validateHand.js';
import type { Hand, PoseFrame } from '../../src/types.js';

const hand = (): Hand => ({ handedness: 'Left', score: 1, landmarks: Array.from({ length: 21 }, (_, i) => ({ x: i / 21, y: 0.5, z: -0.01 })) });
const fails = (f: () => void): InvalidPoseError => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPoseError);
    return error as InvalidPoseError;
  }
  throw new Error('expected an InvalidPoseError');
};

describe('validateHand / validatePoseFrame', () => {
  it('accepts 21 finite landmarks and frames without hands', () => {
    expect(() => validateHand(hand(), 0, 0)).not.toThrow();
    expect(() => validatePoseFrame({ index: 3, timestamp: 10, hands: [hand(), hand()] })).not.toThrow();
    expect(() => validatePoseFrame({ index: 3, timestamp: 10, hands: [] })).not.toThrow();
  });

  it('names the place, frame, hand, landmark and axis of what is wrong', () => {
    const short = hand();
    short.landmarks.length = 20;
    expect(fails(() => validateHand(short, 7, 1, 'estimateHands')).message).toBe('estimateHands: frame 7, hand 1: expected 21 landmarks, got 20');
    for (const [value, shown] of [[Number.NaN, 'NaN'], [Infinity, 'Infinity'], ['0.5', '"0.5"'], [undefined, 'undefined']] as const) {
      const h = hand();
      (h.landmarks[4] as unknown as Record<string, unknown>).z = value;
      const error = fails(() => validateHand(h, 2, 0));
      expect(error.message).toBe(`posestream: frame 2, hand 0: landmark 4.z is ${shown}, expected a finite number`);
      expect(error.frameIndex).toBe(2);
    }
    const holey = hand();
    (holey.landmarks as unknown[])[0] = null;
    expect(fails(() => validateHand(holey, 0, 0)).message).toContain('landmark 0 is null');
    expect(fails(() => validateHand({ handedness: 'Left', score: 1 } as Hand, 1, 0)).message).toContain('expected an array of 21 landmarks, got undefined');
  });

  it('checks the frame: a finite timestamp and a hands array', () => {
    expect(fails(() => validatePoseFrame({ index: 5, timestamp: Number.NaN, hands: [] })).message).toContain('frame 5: timestamp is NaN');
    expect(fails(() => validatePoseFrame({ index: 6, timestamp: 0 } as PoseFrame)).message).toContain('frame 6: hands is undefined');
    expect(fails(() => validatePoseFrame(null as unknown as PoseFrame)).message).toContain('expected a PoseFrame, got null');
    const bad = hand();
    bad.landmarks.push({ x: 0, y: 0, z: 0 });
    expect(fails(() => validatePoseFrame({ index: 9, timestamp: 0, hands: [hand(), bad] }, 'slidingWindow')).message).toBe(
      'slidingWindow: frame 9, hand 1: expected 21 landmarks, got 22',
    );
  });
});
