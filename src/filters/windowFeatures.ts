/** Name of the feature transform below; written into model.json metadata and report.json so a loader can check it. */
export const WINDOW_FEATURES = 'wrist-trajectory-v1';

const LANDMARKS = 21;
const PALM_PAIRS: ReadonlyArray<readonly [number, number]> = [
  [0, 5],
  [0, 9],
  [0, 17],
];

/**
 * Turns a packed window of raw image landmarks into the gesture model's input (same N x 21 x 3 layout).
 *
 * Wrist-centring each frame would erase the global motion a swipe is, so every landmark of every frame is
 * expressed relative to the wrist of the window's LAST frame and divided by the window's palm size (the median
 * over frames of the mean 2D distance wrist->index MCP, wrist->middle MCP, wrist->pinky MCP). The result keeps
 * both the hand shape and its trajectory over the window, and is independent of where the hand is in the image
 * and of how far it is from the camera. Channel 2 (z) is written as 0: MediaPipe's relative depth is noisy and
 * half of the training hand shapes have none. x grows to the right and y downwards, as the estimator reports.
 *
 * Pure and allocation-light: training, evaluation and the classifier worker must all call this one function.
 *
 * @param packed - N*21*3 floats, frame-major then landmark then x,y,z (what `PoseWindow.pack()` returns).
 * @param frames - N; the length of `packed` must be N*63.
 * @returns a new Float32Array of the same length.
 *
 * @example
 * ```ts
 * import { windowFeatures } from 'posestream';
 * const input = windowFeatures(window.pack(), window.size);
 * ```
 */
export function windowFeatures(packed: Float32Array, frames: number): Float32Array {
  const stride = LANDMARKS * 3;
  if (!Number.isInteger(frames) || frames < 1 || packed.length !== frames * stride) {
    throw new RangeError(`windowFeatures: expected ${frames} x 21 x 3 = ${frames * stride} floats, got ${packed.length}`);
  }
  const palms = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    const o = f * stride;
    let sum = 0;
    for (const [a, b] of PALM_PAIRS) {
      const dx = (packed[o + a * 3] as number) - (packed[o + b * 3] as number);
      const dy = (packed[o + a * 3 + 1] as number) - (packed[o + b * 3 + 1] as number);
      sum += Math.hypot(dx, dy);
    }
    palms[f] = sum / PALM_PAIRS.length;
  }
  palms.sort();
  const mid = frames >> 1;
  const median = frames % 2 === 1 ? (palms[mid] as number) : ((palms[mid - 1] as number) + (palms[mid] as number)) / 2;
  const scale = median > 1e-6 ? median : 1e-6;
  const last = (frames - 1) * stride;
  const wx = packed[last] as number;
  const wy = packed[last + 1] as number;
  const out = new Float32Array(packed.length);
  for (let i = 0; i < packed.length; i += 3) {
    out[i] = ((packed[i] as number) - wx) / scale;
    out[i + 1] = ((packed[i + 1] as number) - wy) / scale;
    out[i + 2] = 0;
  }
  return out;
}
