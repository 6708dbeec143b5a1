import { InvalidPoseError } from '../errors.js';
import type { Hand, Landmark, PoseFrame } from '../types.js';

/** Landmarks per hand in MediaPipe's hand model. */
export const LANDMARKS_PER_HAND = 21;

const AXES = ['x', 'y', 'z'] as const;

/**
 * The values a hand from MediaPipe's hand landmarker can plausibly take, as closed ranges `[min, max]`: what a
 * recording's reader and writer accept.
 *
 * - `x`, `y` (normalised image units: 0..1 spans the image): -1..2. A hand partly out of the picture gets landmarks
 *   a little outside 0..1; a whole image width beyond any edge is far more than any real landmark reaches, so what
 *   lies outside is a corrupt value (a `1e308` passes a finiteness check and overflows the features downstream).
 * - `z` (depth relative to the wrist, in about the units of x): -2..2. A hand spans at most about one image width,
 *   so its depth relative to its own wrist does too; twice that leaves a margin.
 * - `world` (world landmarks, metres from the hand's centre): -1..1. A hand is about 0.2 m across.
 * - `score` (handedness confidence): 0..1, a probability.
 *
 * @internal
 */
export const HAND_VALUE_RANGES = Object.freeze({
  x: Object.freeze([-1, 2] as const),
  y: Object.freeze([-1, 2] as const),
  z: Object.freeze([-2, 2] as const),
  world: Object.freeze([-1, 1] as const),
  score: Object.freeze([0, 1] as const),
});

/**
 * What makes a hand's finite numbers implausible (see {@link HAND_VALUE_RANGES}), as a phrase naming the value
 * (`'landmarks[4].x is 1e+308, outside -1..2 (normalised image units)'`), or undefined when every value lies in range.
 *
 * @internal
 */
export function implausibleHandValue(hand: Hand): string | undefined {
  const outside = (v: number, [min, max]: readonly [number, number]): boolean => !(v >= min && v <= max);
  const say = (what: string, v: number, [min, max]: readonly [number, number], unit: string): string =>
    `${what} is ${v}, outside ${min}..${max} (${unit})`;
  if (outside(hand.score, HAND_VALUE_RANGES.score)) return say('score', hand.score, HAND_VALUE_RANGES.score, 'a probability');
  const points = (landmarks: readonly Landmark[], name: string, world: boolean): string | undefined => {
    for (let i = 0; i < landmarks.length; i++) {
      const p = landmarks[i] as Landmark;
      for (const axis of AXES) {
        const range = world ? HAND_VALUE_RANGES.world : HAND_VALUE_RANGES[axis];
        const unit = world ? 'metres' : axis === 'z' ? 'depth relative to the wrist, image units' : 'normalised image units';
        if (outside(p[axis], range)) return say(`${name}[${i}].${axis}`, p[axis], range, unit);
      }
    }
    return undefined;
  };
  return points(hand.landmarks, 'landmarks', false) ?? (hand.worldLandmarks ? points(hand.worldLandmarks, 'world', true) : undefined);
}

/**
 * Checks that a hand has exactly 21 landmarks whose x, y and z are finite numbers.
 *
 * Throws an {@link InvalidPoseError} naming the frame index, the hand and the first bad landmark. `where` prefixes
 * the message (the operator or file that saw the hand).
 *
 * @example
 * ```ts
 * import { validateHand } from 'posestream';
 * validateHand(hand, 12, 0, 'slidingWindow'); // throws InvalidPoseError when the hand is malformed
 * ```
 */
export function validateHand(hand: Hand, frameIndex: number, handIndex: number, where = 'posestream'): void {
  if (!isValidHand(hand)) throwInvalidHand(hand, frameIndex, handIndex, where);
}

// The hot path, kept small so it inlines: one arithmetic check per landmark (x - x is 0 only for finite x).
function isValidHand(hand: Hand): boolean {
  const landmarks = hand?.landmarks;
  if (!Array.isArray(landmarks) || landmarks.length !== LANDMARKS_PER_HAND) return false;
  for (let i = 0; i < LANDMARKS_PER_HAND; i++) {
    const lm = landmarks[i] as Landmark | null | undefined;
    if (lm == null) return false;
    const { x, y, z } = lm;
    if (typeof x !== 'number' || typeof y !== 'number' || typeof z !== 'number' || x - x + (y - y) + (z - z) !== 0) return false;
  }
  return true;
}

function throwInvalidHand(hand: Hand, frameIndex: number, handIndex: number, where: string): never {
  const at = `${where}: frame ${frameIndex}, hand ${handIndex}`;
  const landmarks = (hand as Partial<Hand> | null | undefined)?.landmarks;
  if (!Array.isArray(landmarks)) {
    throw new InvalidPoseError(`${at}: expected an array of ${LANDMARKS_PER_HAND} landmarks, got ${describe(landmarks)}`, frameIndex);
  }
  if (landmarks.length !== LANDMARKS_PER_HAND) {
    throw new InvalidPoseError(`${at}: expected ${LANDMARKS_PER_HAND} landmarks, got ${landmarks.length}`, frameIndex);
  }
  for (let i = 0; i < LANDMARKS_PER_HAND; i++) {
    const lm = landmarks[i] as Partial<Record<'x' | 'y' | 'z', unknown>> | null | undefined;
    if (lm === null || typeof lm !== 'object') {
      throw new InvalidPoseError(`${at}: landmark ${i} is ${describe(lm)}, expected {x, y, z}`, frameIndex);
    }
    for (const axis of AXES) {
      const v = lm[axis];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidPoseError(`${at}: landmark ${i}.${axis} is ${describe(v)}, expected a finite number`, frameIndex);
      }
    }
  }
  throw new InvalidPoseError(`${at}: invalid hand`, frameIndex);
}

/**
 * Checks a whole pose frame: a finite timestamp, a `hands` array, and every hand valid (see {@link validateHand}).
 *
 * Throws an {@link InvalidPoseError} whose message names the frame index and the hand. Pose frames are treated as
 * immutable once emitted: a frame found valid is remembered (weakly) and not checked again by the next stage.
 *
 * @example
 * ```ts
 * import { validatePoseFrame } from 'posestream';
 * validatePoseFrame(frame, 'estimateHands');
 * ```
 */
export function validatePoseFrame(frame: PoseFrame, where = 'posestream'): void {
  if (frame === null || typeof frame !== 'object') {
    throw new InvalidPoseError(`${where}: expected a PoseFrame, got ${describe(frame)}`);
  }
  if (validated.has(frame)) return;
  const index = frame.index;
  if (!Number.isFinite(frame.timestamp)) {
    throw new InvalidPoseError(`${where}: frame ${index}: timestamp is ${describe(frame.timestamp)}, expected a finite number`, index);
  }
  if (!Array.isArray(frame.hands)) {
    throw new InvalidPoseError(`${where}: frame ${index}: hands is ${describe(frame.hands)}, expected an array`, index);
  }
  for (let h = 0; h < frame.hands.length; h++) validateHand(frame.hands[h] as Hand, index, h, where);
  validated.add(frame);
}

// Frames already found valid: a frame passes estimateHands and then slidingWindow, and is checked once per frame,
// not once per stage (pose frames are treated as immutable once emitted).
const validated = new WeakSet<PoseFrame>();

function describe(v: unknown): string {
  if (v === undefined || v === null) return String(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}...` : v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return `a ${typeof v}`;
}
