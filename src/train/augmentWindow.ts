import type { Handedness } from '../types.js';
import type { Rng } from './createRng.js';

/** How strongly {@link augmentWindow} perturbs a window. Set a field to 0 (or `mirror` to false) to turn it off. */
export interface AugmentOptions {
  /** Probability of mirroring the window left-right (x -> 1 - x; swaps `_left`/`_right` labels and handedness). @default 0.5 */
  mirror?: number;
  /** Largest in-plane rotation, radians, about the last frame's wrist. @default 0.26 (15 degrees) */
  rotation?: number;
  /** Hand size factor range: the hand is scaled about each frame's wrist by a factor in [1/scale, scale]. @default 1.25 */
  scale?: number;
  /** Landmark jitter, as a fraction of the palm size (sd of a Gaussian per coordinate). @default 0.03 */
  jitter?: number;
}

/** What {@link augmentWindow} did: the new window and whether it was mirrored (so the caller can map the label). */
export interface AugmentedWindow {
  /** The augmented N*21*3 landmarks (a new array). */
  window: Float32Array;
  /** Whether it was mirrored left-right (its label and handedness then need `mirrorLabel` / `mirrorHandedness`). */
  mirrored: boolean;
}

/**
 * Makes a perturbed copy of a raw N x 21 x 3 window: mirroring, hand scale, in-plane rotation and jitter.
 * (Speed changes are made when the window is cut: see `extractWindow`.) Every draw comes from `rng`.
 *
 * @example
 * ```ts
 * import { augmentWindow, createRng, mirrorLabel } from 'posestream/train';
 * const { window, mirrored } = augmentWindow(raw, createRng(1));
 * const label = mirrored ? mirrorLabel('swipe_left') : 'swipe_left';
 * ```
 */
export function augmentWindow(raw: Float32Array, rng: Rng, options: AugmentOptions = {}): AugmentedWindow {
  const mirrorP = options.mirror ?? 0.5;
  const maxRot = options.rotation ?? 0.26;
  const maxScale = options.scale ?? 1.25;
  const jitter = options.jitter ?? 0.03;
  const frames = raw.length / 63;
  const out = new Float32Array(raw);
  const mirrored = rng.next() < mirrorP;
  if (mirrored) for (let i = 0; i < out.length; i += 3) out[i] = 1 - (out[i] as number);
  const scale = Math.exp(rng.uniform(-1, 1) * Math.log(maxScale));
  const angle = rng.uniform(-maxRot, maxRot);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const last = (frames - 1) * 63;
  const cx = out[last] as number;
  const cy = out[last + 1] as number;
  let palm = 0;
  for (let f = 0; f < frames; f++) {
    const o = f * 63;
    const wx = out[o] as number;
    const wy = out[o + 1] as number;
    palm += Math.hypot((out[o + 27] as number) - wx, (out[o + 28] as number) - wy) / frames;
    for (let l = 0; l < 21; l++) {
      const i = o + l * 3;
      // hand scale about this frame's wrist, then rotation of everything about the last wrist
      const x = wx + ((out[i] as number) - wx) * scale - cx;
      const y = wy + ((out[i + 1] as number) - wy) * scale - cy;
      out[i] = cx + x * cos - y * sin;
      out[i + 1] = cy + x * sin + y * cos;
      out[i + 2] = (out[i + 2] as number) * scale;
    }
  }
  const sd = jitter * palm * scale;
  if (sd > 0) for (let i = 0; i < out.length; i++) if (i % 3 !== 2) out[i] = (out[i] as number) + sd * rng.normal();
  return { window: out, mirrored };
}

/**
 * The label of a gesture seen in a mirror: `*_left` <-> `*_right`; every other label is unchanged.
 *
 * @example
 * ```ts
 * import { mirrorLabel } from 'posestream/train';
 * mirrorLabel('swipe_left'); // 'swipe_right'
 * ```
 */
export function mirrorLabel(label: string): string {
  if (label.endsWith('_left')) return `${label.slice(0, -5)}_right`;
  if (label.endsWith('_right')) return `${label.slice(0, -6)}_left`;
  return label;
}

/**
 * The handedness a mirrored image shows: `Left` <-> `Right`.
 *
 * @example
 * ```ts
 * import { mirrorHandedness } from 'posestream/train';
 * mirrorHandedness('Left'); // 'Right'
 * ```
 */
export function mirrorHandedness(handedness: Handedness): Handedness {
  return handedness === 'Left' ? 'Right' : 'Left';
}
