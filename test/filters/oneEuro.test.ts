import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { createHandSmoother, createLandmarkFilter } from '../../src/filters/oneEuro.js';
import type { OneEuroOptions } from '../../src/filters/handMathTypes.js';
import type { Hand, Landmark, PoseFrame } from '../../src/types.js';
import { mediapipeExpected } from './handData.js';

/** Seeded PRNG (mulberry32) and a Gaussian from it, so the noise is the same on every run. */
function gaussian(seed: number): () => number {
  let s = seed;
  const u = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

const hand = (handedness: Hand['handedness'], landmarks: Landmark[], worldLandmarks?: Landmark[]): Hand =>
  worldLandmarks ? { handedness, score: 1, landmarks, worldLandmarks } : { handedness, score: 1, landmarks };
const frame = (index: number, hands: Hand[]): PoseFrame => ({ index, timestamp: (index * 1000) / 30, hands });
const truth = mediapipeExpected('victory_landmarks.pbtxt').image;

/** 30 fps run of the real victory hand with 0.003 Gaussian jitter; x steps by 0.1 at frame 60. */
function run(options: OneEuroOptions) {
  const noise = gaussian(7);
  const smoother = createHandSmoother(options);
  let rawSq = 0;
  let smoothSq = 0;
  let n = 0;
  const stepResidual: number[] = [];
  for (let k = 0; k < 90; k++) {
    const step = k >= 60 ? 0.1 : 0;
    const noisy = truth.map((p) => ({ x: p.x + step + 0.003 * noise(), y: p.y + 0.003 * noise(), z: p.z + 0.003 * noise() }));
    const out = smoother.smooth(frame(k, [hand('Right', noisy)])).hands[0]!.landmarks;
    if (k >= 20 && k < 60) {
      out.forEach((p, i) => {
        const q = truth[i]!;
        const r = noisy[i]!;
        smoothSq += (p.x - q.x) ** 2 + (p.y - q.y) ** 2 + (p.z - q.z) ** 2;
        rawSq += (r.x - q.x) ** 2 + (r.y - q.y) ** 2 + (r.z - q.z) ** 2;
        n++;
      });
    }
    if (k >= 60) {
      const meanX = out.reduce((a, p, i) => a + (truth[i]!.x + 0.1 - p.x), 0) / 21;
      stepResidual.push(meanX / 0.1); // fraction of the step still to go
    }
  }
  return { rawRms: Math.sqrt(rawSq / n), smoothRms: Math.sqrt(smoothSq / n), stepResidual };
}

describe('createHandSmoother (One Euro)', () => {
  it('reduces jitter on a still real hand and follows a step (defaults)', () => {
    const { rawRms, smoothRms, stepResidual } = run({});
    expect(rawRms).toBeGreaterThan(0.004);
    expect(smoothRms).toBeLessThan(rawRms / 2);
    // Five frames (167 ms at 30 fps) after a 0.1 step the smoothed hand is within 10 % of it, and it settles.
    expect(Math.abs(stepResidual[5]!)).toBeLessThan(0.1);
    expect(Math.abs(stepResidual[29]!)).toBeLessThan(0.05);
  });

  it('beta is what makes it follow: with beta 0 the step lags far behind', () => {
    const { stepResidual } = run({ beta: 0 });
    expect(stepResidual[5]!).toBeGreaterThan(0.25);
  });

  it('passes the first sample through and tracks hands by handedness independently', () => {
    const smoother = createHandSmoother();
    const left = truth.map((p) => ({ ...p, x: p.x - 0.3 }));
    const first = smoother.smooth(frame(0, [hand('Right', truth), hand('Left', left)]));
    expect(first.hands[0]!.landmarks).toEqual(truth);
    expect(first.hands[1]!.landmarks).toEqual(left);
    expect(smoother.trackedHands).toBe(2);
    // Order swapped in the next frame: each hand still gets its own filters (no blending of the two).
    const second = smoother.smooth(frame(1, [hand('Left', left), hand('Right', truth)]));
    expect(second.hands[0]!.landmarks[0]!.x).toBeCloseTo(left[0]!.x, 12);
    expect(second.hands[1]!.landmarks[0]!.x).toBeCloseTo(truth[0]!.x, 12);
  });

  it('resets a hand that disappears: it comes back unsmoothed, not dragged from its old place', () => {
    const smoother = createHandSmoother();
    for (let k = 0; k < 10; k++) smoother.smooth(frame(k, [hand('Right', truth)]));
    expect(smoother.smooth(frame(10, [])).hands).toEqual([]);
    expect(smoother.trackedHands).toBe(0);
    const moved = truth.map((p) => ({ ...p, x: p.x + 0.4 }));
    expect(smoother.smooth(frame(11, [hand('Right', moved)])).hands[0]!.landmarks).toEqual(moved);
  });

  it('smooths world landmarks, copies frames and passes through hands without 21 landmarks', () => {
    const { image, world } = mediapipeExpected('thumb_up_landmarks.pbtxt');
    const smoother = createHandSmoother({ minCutoff: 0.5 });
    const f0 = frame(0, [hand('Right', image, world)]);
    smoother.smooth(f0);
    const shifted = world.map((p) => ({ ...p, x: p.x + 0.05 }));
    const out = smoother.smooth(frame(1, [hand('Right', image, shifted)]));
    const wx = out.hands[0]!.worldLandmarks![0]!.x;
    expect(wx).toBeGreaterThan(world[0]!.x);
    expect(wx).toBeLessThan(shifted[0]!.x);
    expect(f0.hands[0]!.landmarks).toBe(image);
    const short = hand('Left', image.slice(0, 5));
    expect(smoother.smooth(frame(2, [short])).hands[0]).toBe(short);
  });

  it('createLandmarkFilter filters any number of landmarks; bad options throw InvalidOptionError', () => {
    const f = createLandmarkFilter({ minCutoff: 1, beta: 0 }, 2);
    f.filter([{ x: 0, y: 0, z: 0 }, { x: 1, y: 1, z: 1 }], 0);
    const out = f.filter([{ x: 1, y: 0, z: 0 }, { x: 1, y: 1, z: 1 }], 1 / 30);
    expect(out[0]!.x).toBeGreaterThan(0);
    expect(out[0]!.x).toBeLessThan(1);
    expect(out[1]).toEqual({ x: 1, y: 1, z: 1 });
    expect(() => createHandSmoother({ minCutoff: 0 })).toThrow(InvalidOptionError);
    expect(() => createHandSmoother({ beta: -1 })).toThrow(/beta/);
    expect(() => createHandSmoother({ dCutoff: NaN })).toThrow(/dCutoff/);
  });
});
