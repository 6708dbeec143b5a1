import { describe, expect, it } from 'vitest';
import { createPoseWindow, type WindowEntry } from '../../src/filters/createPoseWindow.js';
import { createRingBuffer, type RingSnapshot } from '../../src/filters/ringBuffer.js';
import type { Hand } from '../../src/types.js';

const hand = (v: number): Hand => ({ handedness: 'Left', score: 1, landmarks: Array.from({ length: 21 }, (_, i) => ({ x: v, y: i, z: 0 })) });
const entries = (n: number): RingSnapshot<WindowEntry> => {
  const ring = createRingBuffer<WindowEntry>(n);
  for (let i = 0; i < n; i++) ring.push({ frame: { index: i, timestamp: 100 + i * 10, hands: [hand(i)] }, hand: hand(i) });
  return ring.snapshot();
};
/** Counts how often the window copies the snapshot out. */
const counted = (snap: RingSnapshot<WindowEntry>) => {
  const spy = { copies: 0, snap: { length: snap.length, at: (i: number) => snap.at(i), toArray: () => (spy.copies++, snap.toArray()) } };
  return spy;
};

describe('createPoseWindow', () => {
  it('reads only the newest and oldest entries up front; frames, hands and pack are built once, on first use', () => {
    const spy = counted(entries(4));
    const w = createPoseWindow(spy.snap, 5);
    expect([w.size, w.startTimestamp, w.endTimestamp, w.span, w.endIndex, w.capturedAt, w.emittedAt]).toEqual([4, 100, 130, 30, 3, 130, 5]);
    expect(spy.copies).toBe(0);
    expect(w.frames.map((f) => f.index)).toEqual([0, 1, 2, 3]);
    expect(w.hands.map((h) => h.landmarks[0]?.x)).toEqual([0, 1, 2, 3]);
    const packed = w.pack();
    expect(w.pack()).toBe(packed);
    expect(w.frames).toBe(w.frames);
    expect(spy.copies).toBe(1);
  });

  it('builds pack() again after its buffer was transferred away', () => {
    const w = createPoseWindow(entries(3), 0);
    const packed = w.pack();
    const moved = structuredClone(packed, { transfer: [packed.buffer] });
    expect(packed.length).toBe(0); // detached
    const again = w.pack();
    expect(again === packed).toBe(false);
    expect(again).toEqual(moved);
  });

  it('with resample, reports N instants over durationMs', () => {
    const w = createPoseWindow(entries(4), 0, { frames: 3, durationMs: 20 });
    expect([w.size, w.startTimestamp, w.endTimestamp, w.span]).toEqual([3, 110, 130, 20]);
    expect(w.frames.map((f) => [f.index, f.timestamp])).toEqual([[1, 110], [2, 120], [3, 130]]);
    expect(w.pack().length).toBe(3 * 63);
  });
});
