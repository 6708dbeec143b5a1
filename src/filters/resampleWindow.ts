import { InvalidPoseError } from '../errors.js';
import type { Hand, Landmark } from '../types.js';
import { lerp, locateInstant } from './resampleTrack.js';

/** Hands at evenly spaced instants, as {@link resampleWindow} returns them. */
export interface ResampledWindow {
  /** The N instants, ms, oldest first; the last is the newest sample's timestamp. */
  timestamps: number[];
  /** The interpolated hand at each instant. */
  hands: Hand[];
  /** For each instant, the position (in the input) of the newest sample at or before it. */
  sourcePositions: number[];
}

/**
 * Resamples a hand track to `frames` evenly spaced instants covering the last `durationMs` before its newest sample.
 *
 * The instants are `tEnd - durationMs + k * durationMs / (frames - 1)` (just `tEnd` when `frames` is 1); landmarks
 * (and world landmarks when both neighbours have them) are linearly interpolated by timestamp, the score too;
 * handedness comes from the nearer sample. An instant that falls exactly on a sample reuses that sample's hand.
 * `timestamps` must never decrease (of samples with equal timestamps the later one is used, as a recording with two
 * frames at the same `t` allows) and the first must be at or before `tEnd - minCoverMs` (instants before it hold
 * the first sample), else an
 * {@link InvalidPoseError} is thrown. This is what lets a classifier trained at 30 fps see the same motion from a
 * 15 fps camera or a stream with dropped frames.
 *
 * @internal
 */
export function resampleWindow(
  timestamps: ArrayLike<number>,
  hands: readonly Hand[],
  frames: number,
  durationMs: number,
  minCoverMs = durationMs,
): ResampledWindow {
  const m = timestamps.length;
  if (m === 0 || hands.length !== m) {
    throw new InvalidPoseError(`resampleWindow: got ${m} timestamps and ${hands.length} hands, expected the same non-zero count`);
  }
  for (let i = 1; i < m; i++) {
    if (!((timestamps[i] as number) >= (timestamps[i - 1] as number))) {
      throw new InvalidPoseError(`resampleWindow: timestamps must never decrease, got ${timestamps[i - 1]} then ${timestamps[i]} at sample ${i}`);
    }
  }
  const tEnd = timestamps[m - 1] as number;
  const tStart = tEnd - durationMs;
  if ((timestamps[0] as number) > tStart + (durationMs - minCoverMs)) {
    throw new InvalidPoseError(`resampleWindow: samples cover ${tEnd - (timestamps[0] as number)} ms, expected at least ${minCoverMs} ms`);
  }
  const out: ResampledWindow = { timestamps: [], hands: [], sourcePositions: [] };
  let left = 0;
  for (let k = 0; k < frames; k++) {
    const t = frames === 1 ? tEnd : tEnd - (durationMs * (frames - 1 - k)) / (frames - 1);
    const at = locateInstant(timestamps, t, left);
    left = at.left;
    const a = hands[left] as Hand;
    const hand = at.weight === 0 ? a : lerpHand(a, hands[left + 1] as Hand, at.weight);
    out.timestamps.push(t);
    out.hands.push(hand);
    out.sourcePositions.push(left);
  }
  return out;
}

function lerpHand(a: Hand, b: Hand, w: number): Hand {
  const hand: Hand = {
    handedness: w < 0.5 ? a.handedness : b.handedness,
    score: lerp(a.score, b.score, w),
    landmarks: lerpLandmarks(a.landmarks, b.landmarks, w),
  };
  if (a.worldLandmarks && b.worldLandmarks && a.worldLandmarks.length === b.worldLandmarks.length) {
    hand.worldLandmarks = lerpLandmarks(a.worldLandmarks, b.worldLandmarks, w);
  }
  return hand;
}

function lerpLandmarks(a: readonly Landmark[], b: readonly Landmark[], w: number): Landmark[] {
  const out: Landmark[] = new Array<Landmark>(a.length);
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as Landmark;
    const q = b[i] ?? p;
    out[i] = { x: lerp(p.x, q.x, w), y: lerp(p.y, q.y, w), z: lerp(p.z, q.z, w) };
  }
  return out;
}
