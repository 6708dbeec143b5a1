import { InvalidPoseError } from '../errors.js';
import type { Hand, Landmark, PoseFrame } from '../types.js';

/** Landmarks per hand in MediaPipe's hand model. */
export const LANDMARKS_PER_HAND = 21;

const AXES = ['x', 'y', 'z'] as const;

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
