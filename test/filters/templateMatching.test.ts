// The taught model's pure math: features invariant to position and distance, subsequence DTW at the window's end,
// thresholds learned from held-out distances, and rejection (none wins when nothing is close).
import { describe, expect, it } from 'vitest';
import { templateFeatures, TEMPLATE_FEATURE_DIMS, type PoseFrame } from 'posestream';
import { learnRejectionThreshold } from '../../src/filters/learnRejectionThreshold.js';
import { subsequenceDtw } from '../../src/filters/subsequenceDtw.js';
import { subsequenceDtwEnds } from '../../src/filters/subsequenceDtwEnds.js';
import { syntheticHand } from 'posestream/testing';
import { scoresFromDistances } from '../../src/filters/classifyWithTemplates.js';

function packed(frames: number, at: (f: number) => { x: number; y: number }, size: number): Float32Array {
  const out = new Float32Array(frames * 63);
  for (let f = 0; f < frames; f++) {
    const hand = syntheticHand({ wrist: at(f), size });
    hand.landmarks.forEach((p, k) => out.set([p.x, p.y, p.z], (f * 21 + k) * 3));
  }
  return out;
}
const ctx = { aspect: 1, spanMs: 2000, coveredMs: 2000 };

describe('templateFeatures', () => {
  it('gives the same features for a hand moved elsewhere and twice as far from the camera', () => {
    const near = templateFeatures(packed(30, (f) => ({ x: 0.3 + f * 0.01, y: 0.5 }), 0.2), 30, ctx).data;
    const far = templateFeatures(packed(30, (f) => ({ x: 0.6 + f * 0.005, y: 0.2 }), 0.1), 30, ctx).data;
    expect(near.length).toBe(30 * TEMPLATE_FEATURE_DIMS);
    for (let i = 0; i < near.length; i++) expect(far[i]).toBeCloseTo(near[i]!, 3);
  });
  it('tells a moving hand from a still one (velocity and path)', () => {
    const moving = templateFeatures(packed(30, (f) => ({ x: 0.3 + f * 0.01, y: 0.5 }), 0.2), 30, ctx).data;
    const still = templateFeatures(packed(30, () => ({ x: 0.3, y: 0.5 }), 0.2), 30, ctx).data;
    expect(Math.abs(moving[20]! - still[20]!)).toBeGreaterThan(0.05);
  });
});

describe('subsequenceDtw', () => {
  const swipe = (f: number) => ({ x: 0.3 + Math.min(1, Math.max(0, (f - 18) / 8)) * 0.3, y: 0.5 });
  const query = templateFeatures(packed(30, swipe, 0.15), 30, ctx).data;
  const D = TEMPLATE_FEATURE_DIMS;
  const template = query.slice(16 * D); // the swipe and what follows: the window's last 14 frames

  it('finds a short template at the end of a longer window (distance ~0) and not in a still window', () => {
    expect(subsequenceDtw(template, 14, query, 30, D)).toBeLessThan(1e-6);
    const still = templateFeatures(packed(30, () => ({ x: 0.3, y: 0.5 }), 0.15), 30, ctx).data;
    expect(subsequenceDtw(template, 14, still, 30, D)).toBeGreaterThan(0.05);
  });
  it('lets the match end only within endSlack frames of the window end', () => {
    const earlier = new Float32Array(30 * D);
    earlier.set(query.subarray(6 * D)); // the swipe 6 frames earlier, the last 6 frames zero
    expect(subsequenceDtw(template, 14, earlier, 30, D, { endSlack: 0 })).toBeGreaterThan(subsequenceDtw(template, 14, earlier, 30, D, { endSlack: 6 }) + 0.01);
  });
  it('subsequenceDtwEnds gives the cost of each end: its minimum over the first slack + 1 is subsequenceDtw with that slack', () => {
    const earlier = new Float32Array(30 * D);
    earlier.set(query.subarray(6 * D));
    const ends = subsequenceDtwEnds(template, 14, earlier, 30, D, 10, 0.5, new Float64Array(10));
    expect(ends[6]).toBeLessThan(1e-6); // the swipe ends 6 frames before the window's end
    expect(ends[0]).toBeGreaterThan(0.01);
    for (const slack of [0, 3, 6, 9]) expect(Math.min(...ends.subarray(0, slack + 1))).toBeCloseTo(subsequenceDtw(template, 14, earlier, 30, D, { endSlack: slack }), 9);
  });
  it('says where each best match begins: the template copied to frames 10-23 is found where it begins', () => {
    const earlier = new Float32Array(30 * D);
    earlier.set(query.subarray(6 * D)); // query frames 16-29 (the template) now sit at 10-23
    const starts = new Int32Array(10);
    const ends = subsequenceDtwEnds(template, 14, earlier, 30, D, 10, 0.5, new Float64Array(10), starts);
    expect(ends[6]).toBeLessThan(1e-6);
    // Ends 6 frames before the last (frame 23) and begins at frame 10, or 11: the template's first frames are the same
    // still hand, so holding one of them costs nothing.
    expect([10, 11]).toContain(starts[6]);
    for (let k = 0; k < 10; k++) expect(starts[k]).toBeGreaterThanOrEqual(0);
    for (let k = 0; k < 10; k++) expect(starts[k]).toBeLessThanOrEqual(29 - k);
  });
});

describe('learnRejectionThreshold and rejection', () => {
  it('puts the threshold between the held-out positives and the negatives', () => {
    const t = learnRejectionThreshold([0.2, 0.25, 0.3], [0.5, 0.9, 0.6, 0.7]);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThan(0.5);
    expect(learnRejectionThreshold([], [0.1])).toBe(0);
  });
  it('scores none when no gesture is under its threshold, the gesture when one is', () => {
    const th = Float64Array.from([0.4, 0.4, NaN]);
    const far = scoresFromDistances(Float64Array.from([0.5, 0.8, Infinity]), th, 2);
    expect(far[2]).toBeGreaterThan(Math.max(far[0]!, far[1]!));
    const near = scoresFromDistances(Float64Array.from([0.2, 0.8, Infinity]), th, 2);
    expect(near[0]).toBeGreaterThan(0.5);
    expect(near[0]).toBeGreaterThan(near[2]!);
    const noneCloser = scoresFromDistances(Float64Array.from([0.2, 0.8, 0.1]), th, 2);
    expect(noneCloser[2]).toBeGreaterThan(noneCloser[0]!);
  });
});
export type { PoseFrame };
