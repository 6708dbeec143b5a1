import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createHandSmoother } from '../../src/filters/oneEuro.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { smoothLandmarks } from '../../src/operators/smoothLandmarks.js';
import type { Hand, PoseFrame } from '../../src/types.js';
import { kazuhitoKeypoints } from '../filters/handData.js';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
// Consecutive real poses from Kazuhito00's keypoint.csv, scaled into image coordinates.
const poses = kazuhitoKeypoints(6).map(({ landmarks }) => landmarks.map((p) => ({ x: 0.5 + 0.2 * p.x, y: 0.5 + 0.2 * p.y, z: 0 })));
const frame = (index: number, hands: Hand[]): PoseFrame => ({ index, timestamp: index * 40, hands });
const right = (i: number): Hand => ({ handedness: 'Right', score: 1, landmarks: poses[i]! });
const frames = [0, 1, 2, 3, 4, 5].map((i) => frame(i, [right(i)]));
const values = { a: frames[0]!, b: frames[1]!, c: frames[2]!, d: frames[3]! };

/** What a fresh smoother with the same options makes of the same frames. */
function reference(input: PoseFrame[]): PoseFrame[] {
  const s = createHandSmoother({ minCutoff: 0.5, beta: 5 });
  return input.map((f) => s.smooth(f));
}

describe('smoothLandmarks', () => {
  it('emits the One Euro-filtered frames (marbles)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-c-d|', values);
      const [a, b, c, d] = reference([values.a, values.b, values.c, values.d]);
      expect(a!.hands[0]!.landmarks).toEqual(poses[0]); // the first sample passes through
      expect(b!.hands[0]!.landmarks).not.toEqual(poses[1]); // later ones are filtered
      expectObservable(source.pipe(smoothLandmarks({ minCutoff: 0.5, beta: 5 }))).toBe('a-b-c-d|', { a, b, c, d });
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  it('gives each subscription its own filters, freed on unsubscribe (a resubscription starts fresh)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-c-d|', values);
      const smoothed = source.pipe(smoothLandmarks({ minCutoff: 0.5, beta: 5 }));
      const [a, b] = reference([values.a, values.b]);
      expectObservable(smoothed, '^--!').toBe('a-b', { a, b });
      expectObservable(smoothed, '----^--!').toBe('----a-b', { a, b });
      expectSubscriptions(source.subscriptions).toBe(['^--!', '----^--!']);
    });
  });

  it('resets a hand that leaves the frame', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const gone = frame(2, []);
      const back = frame(3, [right(3)]);
      const source = cold('abcd|', { a: values.a, b: values.b, c: gone, d: back });
      const [a, b] = reference([values.a, values.b]);
      expectObservable(source.pipe(smoothLandmarks({ minCutoff: 0.5, beta: 5 }))).toBe('abcd|', { a, b, c: gone, d: back });
    });
  });

  it('passes errors on', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-#', { a: values.a }, new Error('estimator crashed'));
      expectObservable(source.pipe(smoothLandmarks())).toBe('a-#', { a: values.a }, new Error('estimator crashed'));
    });
  });

  it('checks options when the operator is made', () => {
    expect(() => smoothLandmarks({ minCutoff: -1 })).toThrow(InvalidOptionError);
  });
});
