import type { WindowContext } from '../types.js';

/** The landmarks whose wrist-relative position is a feature: the fingertips, the finger MCPs and the thumb's IP. */
const SHAPE_LANDMARKS = [3, 4, 5, 8, 9, 12, 13, 16, 17, 20] as const;
const WRIST = 0;
const MIDDLE_MCP = 9;

/** Values per frame that {@link templateFeatures} computes: 2 per shape landmark, the wrist's velocity (2) and path (2). */
export const TEMPLATE_FEATURE_DIMS = SHAPE_LANDMARKS.length * 2 + 4;

/** The weight of each feature group in the distance between two frames (see {@link templateFeatures}). */
export interface TemplateFeatureWeights {
  /** Weight of the hand's shape (wrist-relative landmarks in palm lengths). @default 1 */
  shape: number;
  /** Weight of the wrist's velocity, per palm length per second. @default 0.12 */
  velocity: number;
  /** Weight of the wrist's path (position relative to its last frame, in palm lengths). @default 0.4 */
  path: number;
}

/** The feature weights a taught model is made with unless it says otherwise. */
export const DEFAULT_TEMPLATE_FEATURE_WEIGHTS: Readonly<TemplateFeatureWeights> = Object.freeze({ shape: 1, velocity: 0.12, path: 0.4 });

/** A window's per-frame features, as {@link templateFeatures} returns them. */
export interface TemplateFeatureFrames {
  /** The features, `frames x dims` numbers, row-major. */
  data: Float32Array;
  /** Numbers per frame. */
  dims: number;
}

/**
 * Per-frame features of a packed window, invariant to where the hand is in the image and how far it is from the
 * camera: what the template matcher compares.
 *
 * The window is `frames` x 21 x 3 (image-normalised x, y; z is not used). x is multiplied by `context.aspect` so both
 * axes share one unit; the unit is then the palm length (wrist to middle-finger MCP, landmarks 0 and 9: the median
 * over the window's frames). Each frame gives, in order: 10 landmarks (3, 4, 5, 8, 9, 12, 13, 16, 17, 20) relative to
 * the wrist (x, y each) scaled by `shape / sqrt(10)` (so the frame distance is the RMS landmark displacement); the
 * wrist's velocity (central difference, palm lengths per second, frames `context.spanMs / (frames - 1)` ms apart)
 * times `velocity`; and the wrist's position relative to its position in the window's last frame (palm lengths)
 * times `path`. A degenerate palm (length 0) is taken as 1e-6.
 *
 * @example
 * ```ts
 * import { templateFeatures } from 'posestream';
 * const { data, dims } = templateFeatures(window.pack(), window.size, { aspect: 16 / 9, spanMs: window.span, coveredMs: window.span });
 * ```
 */
export function templateFeatures(
  window: Float32Array,
  frames: number,
  context: WindowContext,
  weights: TemplateFeatureWeights = DEFAULT_TEMPLATE_FEATURE_WEIGHTS,
): TemplateFeatureFrames {
  const dims = TEMPLATE_FEATURE_DIMS;
  const aspect = context.aspect > 0 && Number.isFinite(context.aspect) ? context.aspect : 1;
  const x = (f: number, k: number): number => window[(f * 21 + k) * 3]! * aspect;
  const y = (f: number, k: number): number => window[(f * 21 + k) * 3 + 1]!;
  const palms: number[] = [];
  for (let f = 0; f < frames; f++) palms.push(Math.hypot(x(f, MIDDLE_MCP) - x(f, WRIST), y(f, MIDDLE_MCP) - y(f, WRIST)));
  palms.sort((a, b) => a - b);
  const palm = Math.max(1e-6, palms[Math.floor((frames - 1) / 2)] ?? 1);
  const dtS = frames > 1 && context.spanMs > 0 ? context.spanMs / (frames - 1) / 1000 : 1 / 15;
  const shapeScale = weights.shape / Math.sqrt(SHAPE_LANDMARKS.length) / palm;
  const data = new Float32Array(frames * dims);
  const lastX = x(frames - 1, WRIST);
  const lastY = y(frames - 1, WRIST);
  for (let f = 0; f < frames; f++) {
    const o = f * dims;
    const wx = x(f, WRIST);
    const wy = y(f, WRIST);
    SHAPE_LANDMARKS.forEach((k, i) => {
      data[o + i * 2] = (x(f, k) - wx) * shapeScale;
      data[o + i * 2 + 1] = (y(f, k) - wy) * shapeScale;
    });
    const a = Math.max(0, f - 1);
    const b = Math.min(frames - 1, f + 1);
    const span = (b - a) * dtS;
    const v = span > 0 ? weights.velocity / palm / span : 0;
    const p = SHAPE_LANDMARKS.length * 2;
    data[o + p] = (x(b, WRIST) - x(a, WRIST)) * v;
    data[o + p + 1] = (y(b, WRIST) - y(a, WRIST)) * v;
    data[o + p + 2] = ((wx - lastX) / palm) * weights.path;
    data[o + p + 3] = ((wy - lastY) / palm) * weights.path;
  }
  return { data, dims };
}
