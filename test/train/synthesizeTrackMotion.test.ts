import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/train/createRng.js';
import { readKeypointShapes } from '../../src/train/handShapes.js';
import { readPointHistoryTracks } from '../../src/train/readPointHistoryTracks.js';
import { synthesizeTrackMotion } from '../../src/train/synthesizeTrackMotion.js';

const dataDir = resolve(process.env.POSESTREAM_DATA ?? '../shared/data');
const dir = resolve(dataDir, 'landmarks/kazuhito00-hand-gesture');

describe('synthesizeTrackMotion', () => {
  it('moves a real hand shape so that its index fingertip draws the real track, at the asked tempo and size', async () => {
    const shapes = await readKeypointShapes(resolve(dir, 'keypoint.csv'), { palm: 0.12, every: 50 });
    const tracks = (await readPointHistoryTracks(resolve(dir, 'point_history.csv'))).filter((t) => t.label === 'clockwise');
    // a short circle (plays whole inside the clip) and a long one (only part of it fits)
    const short = tracks.reduce((a, b) => (a.points.length <= b.points.length ? a : b));
    const long = tracks.reduce((a, b) => (a.points.length >= b.points.length ? a : b));
    const shape = shapes[3]!;
    const box = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const tip = (clip: { frames: Float32Array; length: number }, k: 0 | 1) => Array.from({ length: clip.length }, (_, f) => clip.frames[f * 63 + 24 + k] as number);
    const options = { trackFps: [30, 30], scale: [2, 2], duration: [3, 3] } as const;
    const a = synthesizeTrackMotion(short, shape, createRng(4), options);
    expect(synthesizeTrackMotion(short, shape, createRng(4), options).frames).toEqual(a.frames);
    expect(a.labels).toEqual([]);
    expect(a.length).toBe(90);
    expect(a.frames.length).toBe(90 * 63);
    expect(a.frames.every(Number.isFinite)).toBe(true);
    // the whole short track at twice its size (jitter sd <= 0.003 per landmark)
    const trackX = Array.from({ length: short.points.length / 2 }, (_, k) => short.points[2 * k] as number);
    const trackY = Array.from({ length: short.points.length / 2 }, (_, k) => short.points[2 * k + 1] as number);
    expect(Math.abs(box(tip(a, 0)) - 2 * box(trackX))).toBeLessThan(0.02);
    expect(Math.abs(box(tip(a, 1)) - 2 * box(trackY))).toBeLessThan(0.02);
    // the hand keeps its shape: wrist -> middle MCP stays the shape's palm size
    const palm = Math.hypot(shape[27] as number, shape[28] as number);
    for (let f = 0; f < a.length; f++) {
      const o = f * 63;
      expect(Math.hypot((a.frames[o + 27] as number) - (a.frames[o] as number), (a.frames[o + 28] as number) - (a.frames[o + 1] as number))).toBeCloseTo(palm, 1);
    }
    // a long track at 30 fps into a 3 s clip: the fingertip moves every frame (no still hold), its path is 90 frames of the track
    // (the path of the hand's centroid every 3 frames: the per-landmark jitter averages out)
    const centroidPath = (clip: { frames: Float32Array; length: number }): number => {
      const at = (f: number, k: number) => Array.from({ length: 21 }, (_, l) => clip.frames[f * 63 + l * 3 + k] as number).reduce((s, v) => s + v, 0) / 21;
      let sum = 0;
      for (let f = 3; f < clip.length; f += 3) sum += Math.hypot(at(f, 0) - at(f - 3, 0), at(f, 1) - at(f - 3, 1));
      return sum;
    };
    const b = synthesizeTrackMotion(long, shape, createRng(9), { ...options, scale: [1, 1] });
    const path = centroidPath(b);
    let perFrame = 0;
    for (let k = 1; k < long.points.length / 2; k++) perFrame += Math.hypot((long.points[2 * k] as number) - (long.points[2 * k - 2] as number), (long.points[2 * k + 1] as number) - (long.points[2 * k - 1] as number));
    perFrame /= long.points.length / 2 - 1;
    expect(path / (b.length - 1)).toBeGreaterThan(0.5 * perFrame);
    expect(path / (b.length - 1)).toBeLessThan(1.5 * perFrame);
    // a slower tempo (a track taken as 15 fps, shown at 30 fps) covers about half the path per frame
    const c = synthesizeTrackMotion(long, shape, createRng(9), { ...options, scale: [1, 1], trackFps: [15, 15] });
    const slow = centroidPath(c);
    expect(slow / path).toBeGreaterThan(0.3);
    expect(slow / path).toBeLessThan(0.75);
  });
});
