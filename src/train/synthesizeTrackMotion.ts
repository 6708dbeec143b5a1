import type { Rng } from './createRng.js';
import type { HandShape } from './handShapes.js';
import type { PointHistoryTrack } from './readPointHistoryTracks.js';
import type { LabelledSequence } from './trainTypes.js';

/** Options of {@link synthesizeTrackMotion}. */
export interface TrackMotionOptions {
  /** Frame rate of the clip. @default 30 */
  fps?: number;
  /** Range of the frame rate the track is assumed to have been recorded at (its tempo: higher = faster motion, more of the track per second). @default [15, 45] */
  trackFps?: readonly [number, number];
  /** Range of the factor the track is scaled by (log-uniform; 1 = its recorded size in the image). @default [0.6, 2.5] */
  scale?: readonly [number, number];
  /** Range of the clip's length in seconds. @default [2.5, 4.5] */
  duration?: readonly [number, number];
}

/**
 * Makes one unlabelled clip (`none` for a swipe model) of a real hand shape whose index fingertip (landmark 8)
 * follows a real recorded fingertip track (`readPointHistoryTracks`): the track is played at a random tempo and
 * size, from a random point of it when it is longer than the clip, and the hand holds still before and after it when
 * it is shorter. The hand keeps one random tilt; every landmark gets a small jitter. Only tracks that are not swipes
 * belong here (circles, a pointing hand held still): the caller chooses which.
 *
 * Internal: one of the repository's dataset recipes (scripts/ and eval/ import it; no public entry exports it).
 *
 * @example
 * ```ts
 * import { createRng } from 'posestream/train';
 * import { readPointHistoryTracks } from '../src/train/readPointHistoryTracks.js';
 * import { synthesizeTrackMotion } from '../src/train/synthesizeTrackMotion.js'; // eval/swipeRecipe.ts
 * const tracks = (await readPointHistoryTracks(path)).filter((t) => t.label !== 'move');
 * const clip = synthesizeTrackMotion(tracks[0], shape, createRng(1));
 * ```
 * @internal
 */
export function synthesizeTrackMotion(track: PointHistoryTrack, shape: HandShape, rng: Rng, options: TrackMotionOptions = {}): LabelledSequence {
  const fps = options.fps ?? 30;
  const [fpsLo, fpsHi] = options.trackFps ?? [15, 45];
  const [scaleLo, scaleHi] = options.scale ?? [0.6, 2.5];
  const [durLo, durHi] = options.duration ?? [2.5, 4.5];
  const trackFps = rng.uniform(fpsLo, fpsHi);
  const scale = Math.exp(rng.uniform(Math.log(scaleLo), Math.log(scaleHi)));
  const length = Math.max(2, Math.round(rng.uniform(durLo, durHi) * fps));
  const points = track.points.length / 2;
  // the clip's frame f shows the track at (f - lead) * trackFps / fps points in
  const trackFrames = ((points - 1) * fps) / trackFps;
  const lead = trackFrames >= length ? -rng.uniform(0, trackFrames - length) : rng.uniform(0, length - trackFrames);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < points; k++) {
    minX = Math.min(minX, track.points[2 * k] as number);
    maxX = Math.max(maxX, track.points[2 * k] as number);
    minY = Math.min(minY, track.points[2 * k + 1] as number);
    maxY = Math.max(maxY, track.points[2 * k + 1] as number);
  }
  // centre the track's box at a random place in the middle of the image
  const cx = rng.uniform(0.35, 0.65) - (scale * (minX + maxX)) / 2;
  const cy = rng.uniform(0.35, 0.65) - (scale * (minY + maxY)) / 2;
  const tilt = rng.uniform(-0.4, 0.4);
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  const sd = rng.uniform(0.001, 0.003);
  const tipX = (shape[24] as number) * cos - (shape[25] as number) * sin;
  const tipY = (shape[24] as number) * sin + (shape[25] as number) * cos;
  const frames = new Float32Array(length * 63);
  for (let f = 0; f < length; f++) {
    const at = Math.min(Math.max(((f - lead) * trackFps) / fps, 0), points - 1);
    const k = Math.min(Math.floor(at), points - 2);
    const u = at - k;
    const px = (1 - u) * (track.points[2 * k] as number) + u * (track.points[2 * k + 2] as number);
    const py = (1 - u) * (track.points[2 * k + 1] as number) + u * (track.points[2 * k + 3] as number);
    const wx = cx + scale * px - tipX;
    const wy = cy + scale * py - tipY;
    for (let l = 0; l < 21; l++) {
      const i = l * 3;
      const o = f * 63 + i;
      frames[o] = wx + (shape[i] as number) * cos - (shape[i + 1] as number) * sin + sd * rng.normal();
      frames[o + 1] = wy + (shape[i] as number) * sin + (shape[i + 1] as number) * cos + sd * rng.normal();
      frames[o + 2] = shape[i + 2] as number;
    }
  }
  return { source: `kazuhito00:${track.label}@${track.line}`, fps, length, frames, labels: [] };
}
