import { map, type OperatorFunction } from 'rxjs';
import { normalizeLandmarks } from '../filters/normalize.js';
import type { NormalizeHandOptions } from '../filters/handMathTypes.js';
import type { Hand, Handedness, PoseFrame } from '../types.js';

const swapped: Record<Handedness, Handedness> = { Left: 'Right', Right: 'Left' };

/**
 * The operator form of `normalizeLandmarks`, over whole pose frames: normalises every hand of every frame (wrist at
 * the origin, divided by the palm size, optionally mirrored), correcting the aspect from the frame's size.
 *
 * Each hand's `landmarks` go through {@link normalizeLandmarks}: when the frame has `width` and `height` (and
 * `correctAspect` is on), y is first brought to x's unit; then the wrist (landmark 0) is subtracted and x, y
 * and z are divided by the palm size, by default the distance from the wrist to the middle-finger MCP joint
 * (landmark 9). With `mirror`, x is negated and handedness swapped (Left <-> Right). `worldLandmarks` are
 * normalised the same way with their own palm size (no aspect correction: they are in metres). Frames are
 * copied, never modified. A degenerate hand (palm size 0 or not finite, non-finite or missing landmarks)
 * errors the stream with an `InvalidPoseError` naming the frame index.
 *
 * @example
 * ```ts
 * import { normalizeHand } from 'posestream';
 * const canonical$ = poses$.pipe(normalizeHand({ mirror: true }));
 * ```
 */
export function normalizeHand(options: NormalizeHandOptions = {}): OperatorFunction<PoseFrame, PoseFrame> {
  const { mirror = false, palmSize, correctAspect = true, world = true } = options;
  return map((frame: PoseFrame): PoseFrame => {
    const frameIndex = frame.index;
    const aspect =
      correctAspect && frame.width !== undefined && frame.height !== undefined && frame.height > 0
        ? frame.width / frame.height
        : 1;
    const hands = frame.hands.map((hand): Hand => {
      const out: Hand = {
        ...hand,
        handedness: mirror ? swapped[hand.handedness] : hand.handedness,
        landmarks: normalizeLandmarks(hand.landmarks, { mirror, palmSize, aspect, frameIndex }),
      };
      if (world && hand.worldLandmarks) {
        out.worldLandmarks = normalizeLandmarks(hand.worldLandmarks, { mirror, palmSize, frameIndex });
      }
      return out;
    });
    return { ...frame, hands };
  });
}
