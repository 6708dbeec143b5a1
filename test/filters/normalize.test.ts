import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { normalizeLandmarks, palmSize } from '../../src/filters/normalize.js';
import type { Landmark } from '../../src/types.js';
import { kazuhitoKeypoints, mediapipeExpected } from './handData.js';

const photos = ['thumb_up_landmarks.pbtxt', 'victory_landmarks.pbtxt', 'fist_landmarks.pbtxt', 'pointing_up_rotated_landmarks.pbtxt'];

function maxDiff(a: readonly Landmark[], b: readonly Landmark[]): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  a.forEach((p, i) => {
    const q = b[i]!;
    d = Math.max(d, Math.abs(p.x - q.x), Math.abs(p.y - q.y), Math.abs(p.z - q.z));
  });
  return d;
}

const transform = (l: readonly Landmark[], s: number, dx: number, dy: number, dz: number) =>
  l.map((p) => ({ x: p.x * s + dx, y: p.y * s + dy, z: p.z * s + dz }));

describe('normalizeLandmarks', () => {
  it.each(photos)('puts the wrist at the origin and the middle MCP at distance 1 (%s)', (name) => {
    const { image } = mediapipeExpected(name);
    const n = normalizeLandmarks(image);
    expect(n[0]).toEqual({ x: 0, y: 0, z: 0 });
    expect(palmSize(n)).toBeCloseTo(1, 12);
    // Shape is kept: ratios of distances are unchanged.
    const d = (l: readonly Landmark[], i: number, j: number) => Math.hypot(l[i]!.x - l[j]!.x, l[i]!.y - l[j]!.y, l[i]!.z - l[j]!.z);
    expect(d(n, 4, 8) / d(n, 0, 12)).toBeCloseTo(d(image, 4, 8) / d(image, 0, 12), 12);
  });

  it.each(photos)('gives the same landmarks for translated and scaled copies of a real hand (%s)', (name) => {
    const { image, world } = mediapipeExpected(name);
    const ref = normalizeLandmarks(image);
    for (const [s, dx, dy, dz] of [[2, 0.3, -0.1, 0.05], [0.25, -4, 7, 1], [13.7, 100, 0.001, -3]] as const) {
      expect(maxDiff(normalizeLandmarks(transform(image, s, dx, dy, dz)), ref)).toBeLessThan(1e-9);
    }
    expect(maxDiff(normalizeLandmarks(transform(world, 3, 1, 2, 3)), normalizeLandmarks(world))).toBeLessThan(1e-9);
  });

  it('gives the same landmarks for 200 real 2-D poses and their scaled, shifted copies', () => {
    for (const { landmarks } of kazuhitoKeypoints(200)) {
      const ref = normalizeLandmarks(landmarks);
      expect(maxDiff(normalizeLandmarks(transform(landmarks, 0.37, 0.5, 0.4, 0)), ref)).toBeLessThan(1e-9);
    }
  });

  it('mirroring twice is the identity, once flips x only', () => {
    const { image } = mediapipeExpected('victory_landmarks.pbtxt');
    const ref = normalizeLandmarks(image);
    const once = normalizeLandmarks(image, { mirror: true });
    once.forEach((p, i) => {
      expect(p.x).toBeCloseTo(-ref[i]!.x, 12);
      expect(p.y).toBe(ref[i]!.y);
      expect(p.z).toBe(ref[i]!.z);
    });
    expect(once.some((p, i) => Math.abs(p.x - ref[i]!.x) > 0.1)).toBe(true);
    expect(maxDiff(normalizeLandmarks(once, { mirror: true }), ref)).toBeLessThan(1e-9);
  });

  it('corrects for the aspect ratio: a hand stretched by a 16:9 image normalises like the square one', () => {
    const { image } = mediapipeExpected('thumb_up_landmarks.pbtxt');
    // The same hand seen in a 1920x1080 image: x is divided by the width, y by the height.
    const wide = image.map((p) => ({ x: p.x / 1920, y: p.y / 1080, z: p.z / 1920 }));
    expect(maxDiff(normalizeLandmarks(wide, { aspect: 1920 / 1080 }), normalizeLandmarks(image))).toBeLessThan(1e-9);
    expect(maxDiff(normalizeLandmarks(wide), normalizeLandmarks(image))).toBeGreaterThan(0.01);
  });

  it('does not modify its input and accepts a custom palm size', () => {
    const { image } = mediapipeExpected('fist_landmarks.pbtxt');
    const copy = structuredClone(image);
    const n = normalizeLandmarks(image, { palmSize: (l) => Math.abs(l[5]!.x - l[17]!.x) });
    expect(image).toEqual(copy);
    expect(Math.abs(n[5]!.x - n[17]!.x)).toBeCloseTo(1, 12);
  });

  it('rejects a degenerate palm, a non-finite point or a wrong count with InvalidPoseError naming the frame', () => {
    const { image } = mediapipeExpected('fist_landmarks.pbtxt');
    const collapsed = image.map((p, i) => (i === 9 ? { ...image[0]! } : p));
    expect(() => normalizeLandmarks(collapsed, { frameIndex: 42 })).toThrow(InvalidPoseError);
    expect(() => normalizeLandmarks(collapsed, { frameIndex: 42 })).toThrow(/palm size 0 in frame 42/);
    const nan = image.map((p, i) => (i === 3 ? { ...p, y: NaN } : p));
    expect(() => normalizeLandmarks(nan, { frameIndex: 7 })).toThrow(/landmark 3 is not finite.*frame 7/);
    expect(() => normalizeLandmarks(image, { palmSize: () => Infinity })).toThrow(/degenerate palm size Infinity/);
    expect(() => normalizeLandmarks(image.slice(0, 20), { frameIndex: 1 })).toThrow(/21 landmarks, got 20 in frame 1/);
    const caught = (() => {
      try {
        return normalizeLandmarks(collapsed, { frameIndex: 42 });
      } catch (e) {
        return e;
      }
    })();
    expect(caught).toBeInstanceOf(InvalidPoseError);
    expect((caught as InvalidPoseError).frameIndex).toBe(42);
    expect((caught as InvalidPoseError).code).toBe('invalid-pose');
    expect(() => normalizeLandmarks(image, { aspect: 0 })).toThrow(InvalidOptionError);
  });
});
