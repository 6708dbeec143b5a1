import { describe, expect, it } from 'vitest';
import { selectHand } from '../../src/filters/selectHand.js';
import type { Hand, PoseFrame } from '../../src/types.js';

const hand = (base: number, handedness: Hand['handedness'], spread: number): Hand => ({
  handedness,
  score: 1,
  landmarks: Array.from({ length: 21 }, (_, i) => ({ x: base + i * spread, y: base + i * spread, z: 0 })),
});

describe('selectHand', () => {
  const small = hand(0, 'Left', 0.001);
  const big = hand(0, 'Right', 0.05);
  const frame: PoseFrame = { index: 0, timestamp: 0, hands: [small, big] };
  it('picks the first, by handedness, the largest, or by a function', () => {
    expect(selectHand(frame)).toBe(small);
    expect(selectHand(frame, 'Left')).toBe(small);
    expect(selectHand(frame, 'Right')).toBe(big);
    expect(selectHand(frame, 'largest')).toBe(big);
    expect(selectHand({ ...frame, hands: [big, small] }, 'largest')).toBe(big);
    expect(selectHand(frame, (f) => f.hands[1])).toBe(big);
  });
  it('returns undefined when no hand fits', () => {
    expect(selectHand({ index: 0, timestamp: 0, hands: [] }, 'largest')).toBeUndefined();
    expect(selectHand({ ...frame, hands: [small] }, 'Right')).toBeUndefined();
  });
});
