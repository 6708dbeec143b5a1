import type { PoseFrame } from '../types.js';
import { syntheticHand } from './syntheticHand.js';
import type { SyntheticHandOptions } from './syntheticHand.js';

/** Built-in motions of {@link syntheticPoseStream}. */
export type SyntheticMotion = 'still' | 'swipe-left' | 'swipe-right' | 'swipe-up' | 'swipe-down' | 'circle' | 'open-close' | 'rotate';

/** Options of {@link syntheticPoseStream}. */
export interface SyntheticPoseStreamOptions {
  /** Number of frames. */
  frames: number;
  /** Frame rate: frame i has `timestamp = i * 1000 / fps`. @default 30 */
  fps?: number;
  /**
   * A built-in motion played once over the stream, or a function giving the hand options at progress `p` (0..1)
   * of frame `i`. Swipes cross the middle 60% of the image; `circle` moves the wrist round a circle; `open-close`
   * curls the fingers into a fist and back; `rotate` turns the hand a half turn.
   * @default 'still'
   */
  motion?: SyntheticMotion | ((p: number, i: number) => SyntheticHandOptions);
  /** Options applied to every frame's hand before the motion's (handedness, size, ...). @default {} */
  hand?: SyntheticHandOptions;
  /** Image width written on each frame, pixels. @default 640 */
  width?: number;
  /** Image height written on each frame, pixels. @default 480 */
  height?: number;
  /** Frame indices that have no hand (the estimator lost it). @default [] */
  gaps?: readonly number[];
}

const MOTIONS: Record<SyntheticMotion, (p: number) => SyntheticHandOptions> = {
  still: () => ({}),
  'swipe-left': (p) => ({ wrist: { x: 0.8 - 0.6 * p, y: 0.7 } }),
  'swipe-right': (p) => ({ wrist: { x: 0.2 + 0.6 * p, y: 0.7 } }),
  'swipe-up': (p) => ({ wrist: { x: 0.5, y: 0.9 - 0.5 * p } }),
  'swipe-down': (p) => ({ wrist: { x: 0.5, y: 0.4 + 0.5 * p } }),
  circle: (p) => ({ wrist: { x: 0.5 + 0.2 * Math.cos(2 * Math.PI * p), y: 0.65 + 0.15 * Math.sin(2 * Math.PI * p) } }),
  'open-close': (p) => ({ curl: Math.sin(Math.PI * p) }),
  rotate: (p) => ({ rotation: Math.PI * p }),
};

/**
 * Makes a stream of valid pose frames with one synthetic hand (see `syntheticHand`) following a simple motion:
 * deterministic test and demo input with known timing.
 *
 * Frame i has `index` i, `timestamp = i * 1000 / fps`, `width`/`height`, and one hand (none for `gaps`).
 *
 * @example
 * ```ts
 * import { fromPoseFrames } from 'posestream';
 * import { syntheticPoseStream } from 'posestream/testing';
 * const frames = syntheticPoseStream({ frames: 45, fps: 30, motion: 'swipe-left', hand: { handedness: 'Left' } });
 * fromPoseFrames(frames).subscribe((f) => console.log(f.timestamp, f.hands[0]?.landmarks[0]));
 * ```
 */
export function syntheticPoseStream(options: SyntheticPoseStreamOptions): PoseFrame[] {
  const fps = options.fps ?? 30;
  const motion = options.motion ?? 'still';
  const at = typeof motion === 'function' ? motion : (p: number) => MOTIONS[motion](p);
  const gaps = new Set(options.gaps ?? []);
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const frames: PoseFrame[] = [];
  for (let i = 0; i < options.frames; i++) {
    const p = options.frames > 1 ? i / (options.frames - 1) : 0;
    const hands = gaps.has(i) ? [] : [syntheticHand({ aspect: width / height, ...options.hand, ...at(p, i) })];
    frames.push({ index: i, timestamp: (i * 1000) / fps, hands, width, height });
  }
  return frames;
}
