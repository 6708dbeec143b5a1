import type { Rng } from './createRng.js';
import type { HandShape } from './handShapes.js';
import type { LabelledSequence } from './trainTypes.js';

/** The kinds of hand motion {@link synthesizeNonSwipe} makes: all of them `none` for a swipe model. */
export type NonSwipeMotion = 'wave' | 'circle' | 'push' | 'shake';

/** Options of {@link synthesizeNonSwipe}. */
export interface NonSwipeOptions {
  /** Frame rate of the clip. @default 30 */
  fps?: number;
  /** Which motion; absent, one drawn at random. @default random */
  motion?: NonSwipeMotion;
}

const MOTIONS: readonly NonSwipeMotion[] = ['wave', 'circle', 'push', 'shake'];

/**
 * Makes one synthetic clip of a hand that moves without swiping (no label spans: `none`), around a real hand
 * shape: `wave` (back and forth along a random direction, 1.2-3 Hz, 0.04-0.25 of the image, at least 3 half cycles),
 * `circle` (round or elliptic loops, 0.4-1.5 Hz), `push` (towards and away from the camera: the hand grows and
 * shrinks by up to x1.8 with a small sideways sway, like beckoning or pushing away) or `shake` (small fast
 * jitter, 3-6 Hz). Each lasts 2.5-4 s with still parts before and after, a random tilt and per-landmark jitter.
 * The point: a swipe is ONE long straight stroke; a hand going back and forth, round, or towards the camera is
 * not one, even when half a cycle looks like a short swipe.
 *
 * @example
 * ```ts
 * import { createRng, synthesizeNonSwipe } from 'posestream/train';
 * const clip = synthesizeNonSwipe(shape, createRng(3), { motion: 'wave' });
 * ```
 */
export function synthesizeNonSwipe(shape: HandShape, rng: Rng, options: NonSwipeOptions = {}): LabelledSequence {
  const fps = options.fps ?? 30;
  const motion = options.motion ?? (MOTIONS[rng.int(0, MOTIONS.length - 1)] as NonSwipeMotion);
  const length = rng.int(Math.round(2.5 * fps), 4 * fps);
  const pre = rng.int(0, Math.round(0.6 * fps));
  const post = rng.int(0, Math.round(0.6 * fps));
  const active = Math.max(2, length - pre - post);
  const angle = rng.uniform(0, 2 * Math.PI);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const hz = motion === 'shake' ? rng.uniform(3, 6) : motion === 'circle' ? rng.uniform(0.4, 1.5) : rng.uniform(1.2, 3);
  const amp = motion === 'shake' ? rng.uniform(0.005, 0.02) : motion === 'push' ? rng.uniform(0.005, 0.04) : rng.uniform(0.04, 0.25) / (motion === 'wave' ? 1 : 2);
  // at least 3 half cycles: the clip never holds one lone stroke (a swipe followed by a return is a swipe)
  const cycles = Math.max(1.5, (active / fps) * hz);
  const period = active / cycles;
  const ellipse = rng.uniform(0.4, 1);
  const grow = rng.uniform(1.2, 1.8);
  const x0 = rng.uniform(0.3, 0.7);
  const y0 = rng.uniform(0.3, 0.7);
  const tilt = rng.uniform(-0.4, 0.4);
  const sd = rng.uniform(0.001, 0.004);
  const frames = new Float32Array(length * 63);
  for (let f = 0; f < length; f++) {
    const t = Math.min(Math.max(f - pre, 0), active);
    const phase = (2 * Math.PI * t) / period;
    // ramp in and out over a quarter period so the motion starts and stops smoothly
    const env = Math.min(1, t / (period / 4 + 1e-6), (active - t) / (period / 4 + 1e-6));
    let ox = 0;
    let oy = 0;
    let scale = 1;
    if (motion === 'wave' || motion === 'shake') {
      const s = amp * Math.sin(phase) * env;
      ox = ux * s;
      oy = uy * s;
    } else if (motion === 'circle') {
      ox = amp * env * (Math.cos(phase) * ux - ellipse * Math.sin(phase) * uy);
      oy = amp * env * (Math.cos(phase) * uy + ellipse * Math.sin(phase) * ux);
    } else {
      scale = 1 + (grow - 1) * env * (0.5 - 0.5 * Math.cos(phase));
      ox = amp * Math.sin(phase) * ux * env;
      oy = amp * Math.sin(phase) * uy * env;
    }
    const cos = Math.cos(tilt);
    const sin = Math.sin(tilt);
    for (let l = 0; l < 21; l++) {
      const i = l * 3;
      const sx = (shape[i] as number) * scale;
      const sy = (shape[i + 1] as number) * scale;
      const o = f * 63 + i;
      frames[o] = x0 + ox + sx * cos - sy * sin + sd * rng.normal();
      frames[o + 1] = y0 + oy + sx * sin + sy * cos + sd * rng.normal();
      frames[o + 2] = (shape[i + 2] as number) * scale;
    }
  }
  return { source: `synthetic:none-${motion}`, fps, length, frames, labels: [] };
}
