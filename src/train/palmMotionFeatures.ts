import { windowFeatures } from '../filters/windowFeatures.js';

/** Name of the feature transform below, written into model.json metadata (`userDefinedMetadata.posestream.features`). */
export const PALM_MOTION_FEATURES = 'palm-motion-v1';

const STRIDE = 63;
/** Landmarks whose mean is the palm centre: wrist and the four finger MCPs (they move with the palm, not the fingers). */
const PALM = [0, 5, 9, 13, 17] as const;

/**
 * Turns a packed window of raw image landmarks into the input of a `palm-motion-v1` model (same N x 21 x 3
 * layout): channels x and y are {@link windowFeatures}' (every landmark relative to the last frame's wrist, in palm
 * sizes); channel z, unused there, carries per-frame motion features of the palm centre (mean of the wrist and the
 * four finger MCPs), all in palm sizes so that near and far hands give the same numbers, and measured over the
 * window's resampled time so that a slow and a fast swipe of the same shape give the same stroke features:
 *
 * - z[0..1]: palm centre relative to its position in the last frame; z[2..3]: its step from the previous frame x N;
 *   z[4]: path covered so far / whole path (0..1); z[5]: log(palm size / window median) (towards/away from camera);
 * - broadcast to every frame (window level): z[6..7] net displacement first -> last frame; z[8] path length;
 *   z[9] straightness |net| / path; z[10..11] the longest straight stroke (the largest displacement between any two
 *   frames i < j), z[12] that stroke's straightness (|displacement| / path between i and j), z[13] its duration
 *   (j - i) / (N - 1), z[14] how far the palm comes back after it (path after j / stroke length), z[15] the path
 *   before i over the stroke length.
 *
 * A swipe is one long, straight, one-way stroke; beckoning, pushing, circling and signing hands oscillate or
 * curve (low straightness, long paths before/after the stroke). Pure; training, evaluation and the classifier
 * worker all call this one function (the worker picks it from the model's metadata).
 *
 * @param packed - N*21*3 floats, frame-major (what `PoseWindow.pack()` returns).
 * @param frames - N; the length of `packed` must be N*63.
 * @returns a new Float32Array of the same length.
 *
 * @example
 * ```ts
 * import { palmMotionFeatures } from 'posestream/train';
 * const input = palmMotionFeatures(window.pack(), window.size);
 * ```
 */
export function palmMotionFeatures(packed: Float32Array, frames: number): Float32Array {
  const out = windowFeatures(packed, frames);
  const cx = new Float64Array(frames);
  const cy = new Float64Array(frames);
  const size = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    const o = f * STRIDE;
    let sx = 0;
    let sy = 0;
    for (const l of PALM) {
      sx += out[o + l * 3] as number;
      sy += out[o + l * 3 + 1] as number;
    }
    cx[f] = sx / PALM.length;
    cy[f] = sy / PALM.length;
    size[f] = Math.hypot((out[o] as number) - (out[o + 27] as number), (out[o + 1] as number) - (out[o + 28] as number));
  }
  const sorted = Float64Array.from(size).sort();
  const medianSize = Math.max(1e-3, sorted[frames >> 1] as number);
  // cumulative path: path[f] = distance covered from frame 0 to frame f
  const path = new Float64Array(frames);
  for (let f = 1; f < frames; f++) path[f] = (path[f - 1] as number) + Math.hypot((cx[f] as number) - (cx[f - 1] as number), (cy[f] as number) - (cy[f - 1] as number));
  const total = path[frames - 1] as number;
  let bi = 0;
  let bj = 0;
  let best = 0;
  for (let i = 0; i < frames; i++) {
    for (let j = i + 1; j < frames; j++) {
      const d = Math.hypot((cx[j] as number) - (cx[i] as number), (cy[j] as number) - (cy[i] as number));
      if (d > best) [best, bi, bj] = [d, i, j];
    }
  }
  const lastX = cx[frames - 1] as number;
  const lastY = cy[frames - 1] as number;
  const netX = lastX - (cx[0] as number);
  const netY = lastY - (cy[0] as number);
  const strokePath = (path[bj] as number) - (path[bi] as number);
  const stroke = Math.max(best, 1e-3);
  const window = [
    netX,
    netY,
    total,
    total > 1e-3 ? Math.hypot(netX, netY) / total : 0,
    (cx[bj] as number) - (cx[bi] as number),
    (cy[bj] as number) - (cy[bi] as number),
    strokePath > 1e-3 ? best / strokePath : 0,
    frames > 1 ? (bj - bi) / (frames - 1) : 0,
    Math.min(10, (total - (path[bj] as number)) / stroke),
    Math.min(10, (path[bi] as number) / stroke),
  ];
  for (let f = 0; f < frames; f++) {
    const z = f * STRIDE + 2;
    const prev = Math.max(0, f - 1);
    const own = [
      (cx[f] as number) - lastX,
      (cy[f] as number) - lastY,
      ((cx[f] as number) - (cx[prev] as number)) * frames,
      ((cy[f] as number) - (cy[prev] as number)) * frames,
      total > 1e-3 ? (path[f] as number) / total : 0,
      Math.log(Math.max(1e-3, size[f] as number) / medianSize),
    ];
    [...own, ...window].forEach((v, k) => (out[z + k * 3] = v));
  }
  return out;
}
