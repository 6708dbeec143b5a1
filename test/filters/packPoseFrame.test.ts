import { describe, expect, it } from 'vitest';
import { packPoseFrame, unpackPoseFrame } from '../../src/filters/packPoseFrame.js';
import type { Hand, PoseFrame } from '../../src/types.js';
import { InvalidPoseError } from '../../src/errors.js';

const points = (k: number) => Array.from({ length: 21 }, (_, i) => ({ x: k + i / 100, y: k - i / 100, z: i * -0.01 }));
const hand = (handedness: 'Left' | 'Right', k: number, world: boolean): Hand => ({
  handedness,
  score: 0.5 + k / 10,
  landmarks: points(k),
  ...(world ? { worldLandmarks: points(k + 1) } : {}),
});

describe('packPoseFrame / unpackPoseFrame', () => {
  it('round-trips frames with no, one and two hands, with and without optional fields', () => {
    const frames: PoseFrame[] = [
      { index: 0, timestamp: 0, hands: [] },
      { index: 3, timestamp: 1234.5678, capturedAt: 987654.321, width: 640, height: 480, hands: [hand('Right', 1, true)] },
      { index: 9, timestamp: 2, hands: [hand('Left', 2, false), hand('Right', 3, true)] },
    ];
    for (const frame of frames) {
      const data = packPoseFrame(frame);
      expect(data).toBeInstanceOf(Float64Array);
      expect(unpackPoseFrame(data)).toEqual(frame);
    }
  });

  it('rejects a hand without 21 landmarks and data that is not a packed frame, naming the frame', () => {
    const bad: PoseFrame = { index: 5, timestamp: 0, hands: [{ handedness: 'Left', score: 1, landmarks: points(0).slice(1) }] };
    expect(() => packPoseFrame(bad)).toThrow(InvalidPoseError);
    expect(() => packPoseFrame(bad)).toThrow(/frame 5 hand 0 has 20 landmarks/);
    const data = packPoseFrame({ index: 4, timestamp: 0, hands: [hand('Left', 0, false)] });
    expect(() => unpackPoseFrame(data.subarray(0, 50))).toThrow(/frame 4 is cut short in hand 0/);
    expect(() => unpackPoseFrame(new Float64Array([1, 2]))).toThrow(/do not start with a pose frame header/);
    const longer = new Float64Array(data.length + 1);
    longer.set(data);
    expect(() => unpackPoseFrame(longer)).toThrow(/frame 4 has 1 values after its 1 hands/);
  });
});
