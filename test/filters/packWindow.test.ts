import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { packWindow } from '../../src/filters/packWindow.js';
import type { Hand } from '../../src/types.js';

const hand = (base: number, handedness: Hand['handedness'] = 'Right', spread = 1): Hand => ({
  handedness,
  score: 1,
  landmarks: Array.from({ length: 21 }, (_, i) => ({ x: base + i * spread, y: base + 100 + i * spread, z: base + 200 + i })),
});

describe('packWindow', () => {
  it('packs frame-major, then landmark, then x, y, z into a new Float32Array', () => {
    const packed = packWindow([hand(0), hand(1000)]);
    expect(packed).toBeInstanceOf(Float32Array);
    expect(packed.length).toBe(2 * 21 * 3);
    expect(Array.from(packed.subarray(0, 6))).toEqual([0, 100, 200, 1, 101, 201]);
    expect(Array.from(packed.subarray(63, 66))).toEqual([1000, 1100, 1200]);
    expect(Array.from(packed.subarray(123, 126))).toEqual([1020, 1120, 1220]);
    expect(packWindow([hand(0)])).not.toBe(packWindow([hand(0)]));
  });

  it('throws an InvalidPoseError for a hand without 21 landmarks', () => {
    const short = hand(0);
    short.landmarks.pop();
    expect(() => packWindow([hand(0), short])).toThrow(InvalidPoseError);
    expect(() => packWindow([hand(0), short])).toThrow('packWindow: hand 1 has 20 landmarks, expected 21');
  });
});
