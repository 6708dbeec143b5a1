import { OneEuroFilter } from '1eurofilter';
import type { Hand, Landmark } from '../types.js';
import type { HandSmoother, LandmarkFilter, OneEuroOptions } from './handMathTypes.js';
import { checkNumberOption } from './InvalidOptionError.js';

interface Resolved {
  minCutoff: number;
  beta: number;
  dCutoff: number;
  frequency: number;
  world: boolean;
}

function resolve(where: string, options: OneEuroOptions): Resolved {
  const positive = { min: 0, exclusiveMin: true };
  return {
    minCutoff: checkNumberOption(where, 'minCutoff', options.minCutoff ?? 1, positive),
    beta: checkNumberOption(where, 'beta', options.beta ?? 10, { min: 0 }),
    dCutoff: checkNumberOption(where, 'dCutoff', options.dCutoff ?? 1, positive),
    frequency: checkNumberOption(where, 'frequency', options.frequency ?? 30, positive),
    world: options.world ?? true,
  };
}

function makeLandmarkFilter(o: Resolved, count: number): LandmarkFilter {
  const filters: OneEuroFilter[] = [];
  for (let i = 0; i < count * 3; i++) filters.push(new OneEuroFilter(o.frequency, o.minCutoff, o.beta, o.dCutoff));
  return {
    filter(landmarks, t) {
      const out: Landmark[] = new Array<Landmark>(landmarks.length);
      for (let i = 0; i < landmarks.length; i++) {
        const p = landmarks[i]!;
        const f = i * 3;
        out[i] = {
          x: filters[f]!.filter(p.x, t),
          y: filters[f + 1]!.filter(p.y, t),
          z: filters[f + 2]!.filter(p.z, t),
        };
      }
      return out;
    },
  };
}

/**
 * The lowest level of the One Euro smoothing, for one landmark array you feed yourself (no hands, no frames; see
 * `createHandSmoother` for frames): a filter bank for `count` landmarks, 3 filters each (the `1eurofilter` package).
 *
 * @example
 * ```ts
 * import { createLandmarkFilter } from 'posestream';
 * const f = createLandmarkFilter({ minCutoff: 1, beta: 10 });
 * const smoothed = f.filter(hand.landmarks, frame.timestamp / 1000);
 * ```
 */
export function createLandmarkFilter(options: OneEuroOptions = {}, count = 21): LandmarkFilter {
  return makeLandmarkFilter(resolve('createLandmarkFilter', options), count);
}

/**
 * The function under `smoothLandmarks`, for pose frames you feed yourself one at a time (no stream): a per-hand
 * landmark smoother, a One Euro filter per hand, per landmark, per axis.
 *
 * Hands are matched across frames by handedness (a second hand of the same handedness in one frame gets its
 * own filters, by order). A hand absent from a frame loses its filters, so when it comes back it starts fresh
 * instead of being dragged from where it was. Timestamps are `frame.timestamp` (ms). Hands with other than
 * 21 landmarks are passed through unchanged (normalise or validate them upstream).
 *
 * @example
 * ```ts
 * import { createHandSmoother } from 'posestream';
 * const smoother = createHandSmoother({ minCutoff: 1, beta: 10, dCutoff: 1 });
 * const smoothed = frames.map((f) => smoother.smooth(f));
 * ```
 */
export function createHandSmoother(options: OneEuroOptions = {}): HandSmoother {
  const o = resolve('smoothLandmarks', options);
  const banks = new Map<string, { image: LandmarkFilter; world: LandmarkFilter | undefined }>();
  return {
    get trackedHands() {
      return banks.size;
    },
    reset() {
      banks.clear();
    },
    smooth(frame) {
      const t = frame.timestamp / 1000;
      const seen = new Set<string>();
      const hands = frame.hands.map((hand): Hand => {
        let key: string = hand.handedness;
        for (let n = 1; seen.has(key); n++) key = `${hand.handedness}#${n}`;
        seen.add(key);
        if (hand.landmarks.length !== 21) return hand;
        let bank = banks.get(key);
        if (!bank) {
          bank = { image: makeLandmarkFilter(o, 21), world: undefined };
          banks.set(key, bank);
        }
        const out: Hand = { ...hand, landmarks: bank.image.filter(hand.landmarks, t) };
        if (o.world && hand.worldLandmarks && hand.worldLandmarks.length === 21) {
          bank.world ??= makeLandmarkFilter(o, 21);
          out.worldLandmarks = bank.world.filter(hand.worldLandmarks, t);
        }
        return out;
      });
      for (const key of banks.keys()) if (!seen.has(key)) banks.delete(key);
      return { ...frame, hands };
    },
  };
}
