import type { Rng } from './createRng.js';
import type { HandShape } from './handShapes.js';
import type { LabelledSequence } from './trainTypes.js';

/** The four swipe directions, in image coordinates as the estimator sees them (x right, y down). */
export const SWIPE_DIRECTIONS = {
  /** Towards the image's left edge: `[-1, 0]`. */
  swipe_left: [-1, 0],
  /** Towards the image's right edge: `[1, 0]`. */
  swipe_right: [1, 0],
  /** Towards the image's top edge: `[0, -1]`. */
  swipe_up: [0, -1],
  /** Towards the image's bottom edge: `[0, 1]`. */
  swipe_down: [0, 1],
} as const satisfies Record<string, readonly [number, number]>;

/** A swipe label. */
export type SwipeLabel = keyof typeof SWIPE_DIRECTIONS;

/** Options of {@link synthesizeSwipe} and {@link synthesizeIdle}. */
export interface SynthesisOptions {
  /** Frame rate of the clip. @default 30 */
  fps?: number;
  /** Swipe duration range, seconds. @default [0.3, 1.0] */
  duration?: readonly [number, number];
  /** Swipe extent range, image fraction. @default [0.2, 0.6] */
  extent?: readonly [number, number];
  /** Largest deviation of the swipe direction from the axis, radians. @default 0.3 */
  directionJitter?: number;
  /** Landmark jitter range, sd in image units. @default [0.001, 0.004] */
  jitter?: readonly [number, number];
}

const minimumJerk = (u: number): number => u * u * u * (10 - 15 * u + 6 * u * u);

/**
 * Makes one synthetic swipe clip from a real hand shape: idle (still, slow drift), the swipe, idle again, and
 * sometimes a slow return. The swipe follows a minimum-jerk (ease-in/ease-out) profile with a random time warp
 * (asymmetric acceleration), a sideways arc, a hand tilt that changes during the motion, random speed, extent and
 * start position, and per-landmark jitter. The label span covers the frames where the hand moves between 5% and
 * 95% of the way, so `cutWindows` labels a window swipe when it holds the motion.
 *
 * @example
 * ```ts
 * import { createRng, synthesizeSwipe } from 'posestream/train';
 * const clip = synthesizeSwipe('swipe_left', shape, createRng(1));
 * ```
 */
export function synthesizeSwipe(label: SwipeLabel, shape: HandShape, rng: Rng, options: SynthesisOptions = {}): LabelledSequence {
  const fps = options.fps ?? 30;
  const [d0, d1] = options.duration ?? [0.3, 1.0];
  const [e0, e1] = options.extent ?? [0.2, 0.6];
  const dirJitter = options.directionJitter ?? 0.3;
  const swipeFrames = Math.max(4, Math.round(rng.uniform(d0, d1) * fps));
  const pre = rng.int(Math.round(0.5 * fps), Math.round(1.5 * fps));
  const post = rng.int(Math.round(0.5 * fps), Math.round(1.5 * fps));
  const length = pre + swipeFrames + post;
  const [ax, ay] = SWIPE_DIRECTIONS[label];
  const dirAngle = Math.atan2(ay, ax) + rng.uniform(-dirJitter, dirJitter);
  const dx = Math.cos(dirAngle);
  const dy = Math.sin(dirAngle);
  const extent = rng.uniform(e0, e1);
  const startX = placeStart(dx * extent, rng);
  const startY = placeStart(dy * extent, rng);
  const arc = rng.uniform(-0.15, 0.15) * extent;
  const warp = Math.exp(rng.uniform(-0.3, 0.3));
  const tilt0 = rng.uniform(-0.4, 0.4);
  const tiltDelta = rng.uniform(-0.3, 0.3);
  const returns = rng.next() < 0.3;
  const drift = driftFn(rng, fps);
  const path = (f: number): [number, number, number] => {
    let s: number;
    if (f < pre) s = 0;
    else if (f < pre + swipeFrames) s = minimumJerk(Math.pow((f - pre) / swipeFrames, warp));
    else s = returns ? 1 - 0.35 * minimumJerk(Math.min(1, (f - pre - swipeFrames) / post)) : 1;
    const side = f < pre + swipeFrames ? arc * Math.sin(Math.PI * s) : 0;
    const [ox, oy] = drift(f);
    return [startX + dx * extent * s - dy * side + ox, startY + dy * extent * s + dx * side + oy, tilt0 + tiltDelta * s];
  };
  const frames = render(shape, length, path, rng, options.jitter);
  let startFrame = pre;
  let endFrame = pre + swipeFrames - 1;
  for (let f = pre; f < pre + swipeFrames; f++) {
    const s = minimumJerk(Math.pow((f - pre) / swipeFrames, warp));
    if (s < 0.05) startFrame = f + 1;
    if (s <= 0.95) endFrame = f;
  }
  return { source: `synthetic:${label}`, fps, length, frames, labels: [{ label, startFrame, endFrame }] };
}

/**
 * Makes one synthetic idle clip (no label spans): a real hand shape held still with slow drift, or slowly
 * moved to another place (at most ~0.2 image widths per second), or slowly morphing into a second shape.
 *
 * @example
 * ```ts
 * import { createRng, synthesizeIdle } from 'posestream/train';
 * const clip = synthesizeIdle(shapeA, shapeB, createRng(2));
 * ```
 */
export function synthesizeIdle(shape: HandShape, other: HandShape, rng: Rng, options: SynthesisOptions = {}): LabelledSequence {
  const fps = options.fps ?? 30;
  const length = rng.int(2 * fps, 3 * fps);
  const mode = rng.int(0, 2);
  const x0 = rng.uniform(0.2, 0.8);
  const y0 = rng.uniform(0.2, 0.8);
  const speed = mode === 1 ? rng.uniform(0.03, 0.2) : 0;
  const angle = rng.uniform(0, 2 * Math.PI);
  const tilt = rng.uniform(-0.4, 0.4);
  const drift = driftFn(rng, fps);
  const seconds = length / fps;
  const path = (f: number): [number, number, number] => {
    const s = minimumJerk(f / (length - 1));
    const [ox, oy] = drift(f);
    return [x0 + Math.cos(angle) * speed * seconds * s + ox, y0 + Math.sin(angle) * speed * seconds * s + oy, tilt];
  };
  const morph = mode === 2 ? other : undefined;
  const frames = render(shape, length, path, rng, options.jitter, morph);
  return { source: 'synthetic:none', fps, length, frames, labels: [] };
}

/** A start coordinate such that start and start + delta stay inside [0.1, 0.9] when possible. */
function placeStart(delta: number, rng: Rng): number {
  const lo = Math.max(0.1, 0.1 - delta);
  const hi = Math.min(0.9, 0.9 - delta);
  return lo < hi ? rng.uniform(lo, hi) : 0.5 - delta / 2;
}

/** Slow random drift (<= ~0.03 image/s) plus a small sway: what a hand "held still" does. */
function driftFn(rng: Rng, fps: number): (f: number) => [number, number] {
  const vx = rng.uniform(-0.03, 0.03) / fps;
  const vy = rng.uniform(-0.03, 0.03) / fps;
  const amp = rng.uniform(0, 0.006);
  const period = rng.uniform(1, 3) * fps;
  const phase = rng.uniform(0, 2 * Math.PI);
  return (f) => [vx * f + amp * Math.sin((2 * Math.PI * f) / period + phase), vy * f + amp * Math.cos((2 * Math.PI * f) / period + phase)];
}

function render(
  shape: HandShape,
  length: number,
  path: (f: number) => [number, number, number],
  rng: Rng,
  jitterRange: readonly [number, number] = [0.001, 0.004],
  morphTo?: HandShape,
): Float32Array {
  const sd = rng.uniform(jitterRange[0], jitterRange[1]);
  const frames = new Float32Array(length * 63);
  for (let f = 0; f < length; f++) {
    const [wx, wy, tilt] = path(f);
    const cos = Math.cos(tilt);
    const sin = Math.sin(tilt);
    const m = morphTo ? f / (length - 1) : 0;
    const shake = [sd * rng.normal(), sd * rng.normal()];
    for (let l = 0; l < 21; l++) {
      const i = l * 3;
      const sx = (shape[i] as number) * (1 - m) + (morphTo ? (morphTo[i] as number) * m : 0);
      const sy = (shape[i + 1] as number) * (1 - m) + (morphTo ? (morphTo[i + 1] as number) * m : 0);
      const sz = (shape[i + 2] as number) * (1 - m) + (morphTo ? (morphTo[i + 2] as number) * m : 0);
      const o = f * 63 + i;
      frames[o] = wx + sx * cos - sy * sin + (shake[0] as number) + (l === 0 ? 0 : sd * rng.normal());
      frames[o + 1] = wy + sx * sin + sy * cos + (shake[1] as number) + (l === 0 ? 0 : sd * rng.normal());
      frames[o + 2] = sz;
    }
  }
  return frames;
}
