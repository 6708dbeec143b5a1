import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { packWindow } from '../../src/filters/packWindow.js';
import { windowFeatures } from '../../src/filters/windowFeatures.js';
import { palmMotionFeatures } from '../../src/train/palmMotionFeatures.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';

const N = 30;
const dataDir = resolve(process.env.POSESTREAM_DATA ?? '../shared/data');
/** A window of a synthetic hand whose wrist follows `path` (image units), scaled by `size` about (0.5, 0.5). */
function windowOf(path: (f: number) => [number, number], size = 1): Float32Array {
  const hands = Array.from({ length: N }, (_, f) => {
    const [x, y] = path(f);
    const hand = syntheticHand({ wrist: { x, y } });
    return { ...hand, landmarks: hand.landmarks.map((l) => ({ x: 0.5 + (l.x - 0.5) * size, y: 0.5 + (l.y - 0.5) * size, z: l.z })) };
  });
  return packWindow(hands);
}
/** Channel z of frame `f`, slot `k`. */
const z = (features: Float32Array, f: number, k: number): number => features[f * 63 + k * 3 + 2] as number;

describe('palmMotionFeatures', () => {
  const swipe = (f: number): [number, number] => [0.3 + (0.4 * f) / (N - 1), 0.5];
  const wave = (f: number): [number, number] => [0.5 + 0.15 * Math.sin((f / (N - 1)) * 4 * Math.PI), 0.5];

  it('keeps windowFeatures in x and y and writes motion features into z', () => {
    const packed = windowOf(swipe);
    const out = palmMotionFeatures(packed, N);
    const base = windowFeatures(packed, N);
    for (let i = 0; i < out.length; i += 3) {
      expect(out[i]).toBe(base[i]);
      expect(out[i + 1]).toBe(base[i + 1]);
    }
    expect(out.some((v, i) => i % 3 === 2 && v !== 0)).toBe(true);
  });

  it('a straight swipe is one straight stroke over the whole window; a wave is not', () => {
    const s = palmMotionFeatures(windowOf(swipe), N);
    expect(z(s, 0, 9)).toBeCloseTo(1, 3); // straightness
    expect(z(s, 0, 6)).toBeGreaterThan(1); // net displacement in palm sizes, to the right
    expect(z(s, 0, 13)).toBeCloseTo(1, 3); // the stroke spans the window
    expect(z(s, 0, 14)).toBeCloseTo(0, 3); // nothing comes back after it
    const w = palmMotionFeatures(windowOf(wave), N);
    expect(z(w, 0, 9)).toBeLessThan(0.2);
    expect(z(w, 0, 14) + z(w, 0, 15)).toBeGreaterThan(1);
  });

  it('gives the same numbers for a near and a far hand doing the same motion (palm-size units)', () => {
    const near = palmMotionFeatures(windowOf(swipe, 1), N);
    const far = palmMotionFeatures(windowOf(swipe, 0.5), N); // the whole scene at half the size: a hand twice as far
    near.forEach((v, i) => expect(far[i]).toBeCloseTo(v, 2));
  });

  it('is finite on real windows and refuses a window of the wrong length', async () => {
    const [take] = await loadKairess(resolve(dataDir, 'landmarks/kairess-gesture-recognition'));
    const packed = packWindow(take!.frames.slice(200, 200 + N).map((f) => f.hands[0]!));
    expect(palmMotionFeatures(packed, N).every(Number.isFinite)).toBe(true);
    expect(() => palmMotionFeatures(new Float32Array(10), N)).toThrow(RangeError);
  });
});
