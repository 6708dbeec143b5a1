import { InvalidPoseError } from '../errors.js';
import type { Landmark } from '../types.js';
import type { NormalizeLandmarksOptions } from './handMathTypes.js';
import { checkNumberOption } from './InvalidOptionError.js';

/** Index of the wrist landmark (MediaPipe order). */
const WRIST = 0;
/** Index of the middle-finger MCP joint (MediaPipe order). */
const MIDDLE_MCP = 9;

/**
 * Palm size: the 3-D distance from the wrist (landmark 0) to the middle-finger MCP joint (landmark 9).
 *
 * It is the default scale of {@link normalizeLandmarks}; it barely changes as the fingers bend.
 *
 * @example
 * ```ts
 * import { palmSize } from 'posestream';
 * const size = palmSize(frame.hands[0].landmarks);
 * ```
 */
export function palmSize(landmarks: readonly Landmark[]): number {
  const a = landmarks[WRIST];
  const b = landmarks[MIDDLE_MCP];
  if (!a || !b) return NaN;
  return Math.hypot(b.x - a.x, b.y - a.y, b.z - a.z);
}

function where(frameIndex: number | undefined): string {
  return frameIndex === undefined ? '' : ` in frame ${frameIndex}`;
}

/**
 * The pure function under `normalizeHand`, for one hand's 21 landmarks (no frame, no stream): wrist at the origin,
 * divided by the palm size, optionally mirrored.
 *
 * Steps: (1) when `aspect` (width / height) is given, y is multiplied by 1 / aspect so every axis has the same
 * unit; (2) the wrist (landmark 0) is subtracted; (3) x, y and z are divided by the palm size (by default the
 * wrist-to-middle-MCP distance, see {@link palmSize}); (4) with `mirror`, x is negated. The result is a new
 * array of new landmarks; the input is not modified. Translated or uniformly scaled copies of a hand give the
 * same result, and normalising a normalised hand changes nothing.
 *
 * @throws InvalidPoseError when there are not 21 landmarks, a coordinate is not finite, or the palm size is 0
 *   or not finite (the message names `frameIndex` when given).
 * @example
 * ```ts
 * import { normalizeLandmarks } from 'posestream';
 * const canonical = normalizeLandmarks(hand.landmarks, { mirror: hand.handedness === 'Left' });
 * ```
 */
export function normalizeLandmarks(
  landmarks: readonly Landmark[],
  opts: NormalizeLandmarksOptions = {},
): Landmark[] {
  const { mirror = false, frameIndex } = opts;
  const aspect = checkNumberOption('normalizeLandmarks', 'aspect', opts.aspect ?? 1, { min: 0, exclusiveMin: true });
  if (landmarks.length !== 21) {
    throw new InvalidPoseError(
      `normalizeLandmarks: a hand needs 21 landmarks, got ${landmarks.length}${where(frameIndex)}`,
      frameIndex,
    );
  }
  const yScale = 1 / aspect;
  const scaled: Landmark[] = new Array<Landmark>(21);
  for (let i = 0; i < 21; i++) {
    const p = landmarks[i]!;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(p.z)) {
      throw new InvalidPoseError(
        `normalizeLandmarks: landmark ${i} is not finite (${p.x}, ${p.y}, ${p.z})${where(frameIndex)}`,
        frameIndex,
      );
    }
    scaled[i] = { x: p.x, y: p.y * yScale, z: p.z };
  }
  const size = (opts.palmSize ?? palmSize)(scaled);
  if (!Number.isFinite(size) || size <= 0) {
    throw new InvalidPoseError(
      `normalizeLandmarks: degenerate palm size ${size}${where(frameIndex)} (wrist and middle-finger MCP coincide?)`,
      frameIndex,
    );
  }
  const origin = scaled[WRIST]!;
  const sx = (mirror ? -1 : 1) / size;
  const out: Landmark[] = new Array<Landmark>(21);
  for (let i = 0; i < 21; i++) {
    const p = scaled[i]!;
    // Mirroring 0 would give -0; keep +0 so mirrored results compare equal with Object.is-based checks.
    out[i] = { x: (p.x - origin.x) * sx + 0, y: (p.y - origin.y) / size, z: (p.z - origin.z) / size };
  }
  return out;
}
