/**
 * The benchmark's stand-in estimator and classifier: real landmarks from a recorded take and a calibrated
 * amount of real CPU work per call (see burn.ts). The same code runs on the main thread (row `option1`) and
 * inside the worker entries of bench/workers/.
 */
import type { Hand } from '../src/types.js';
import { burn } from './burn.js';

/** Labels of the stand-in classifier (the kairess takes' classes). */
export const STAND_IN_LABELS = ['come', 'away', 'spin'] as const;

/** What one stand-in call returns besides its result: the wall time its CPU work took on its thread. */
export interface Timed<T> {
  value: T;
  computeMs: number;
}

/** An estimator that returns frame `index mod take length` of a real take after `workMs` of CPU work. */
export function createStandInEstimator(hands: readonly Hand[], workMs: number, itersPerMs: number) {
  return (index: number): Timed<Hand[]> => {
    const { checksum, wallMs } = burn(workMs, itersPerMs, index + 1);
    const hand = hands[index % hands.length];
    // The checksum feeds the (unchanged) score so the work cannot be optimised away.
    const value = hand ? [{ ...hand, score: checksum === 0x7fffffff ? 0.999 : hand.score }] : [];
    return { value, computeMs: wallMs };
  };
}

/**
 * A classifier that scores a packed N x 21 x 3 window after `workMs` of CPU work: the scores are a softmax of
 * three motion features of the window (net wrist motion in x, in y, and summed fingertip travel).
 */
export function createStandInClassifier(workMs: number, itersPerMs: number) {
  return (packed: Float32Array, shape: readonly [number, number, number]): Timed<number[]> => {
    const { checksum, wallMs } = burn(workMs, itersPerMs, packed.length + 1);
    const [n, k, c] = shape;
    const at = (f: number, l: number, d: number): number => packed[(f * k + l) * c + d] ?? 0;
    const dx = n > 1 ? at(n - 1, 0, 0) - at(0, 0, 0) : 0;
    const dy = n > 1 ? at(n - 1, 0, 1) - at(0, 0, 1) : 0;
    let travel = 0;
    for (let f = 1; f < n; f++) travel += Math.hypot(at(f, 8, 0) - at(f - 1, 8, 0), at(f, 8, 1) - at(f - 1, 8, 1));
    const logits = [-dy * 10, dy * 10, travel + (checksum & 1) * 1e-9];
    const m = Math.max(...logits);
    const e = logits.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    return { value: e.map((v) => v / sum), computeMs: wallMs + 0 * dx };
  };
}
