import { resampleTrack } from '../filters/resampleTrack.js';
import type { LabelledSequence } from './trainTypes.js';

const STRIDE = 63;

/**
 * Resamples a labelled sequence to `fps` by linear interpolation on its timestamps: frame j of the result is the
 * track at `t0 + j * 1000 / fps`, built by `resampleTrack` (the interpolation the live `slidingWindow` resampling
 * uses, `locateInstant` + `lerp`), so a dropped frame or an uneven frame rate in a recording gives the training
 * windows the same motion the live pipeline sees. Without `timestamps`, frames are taken as evenly spaced at
 * `sequence.fps`. Label spans move to the new frames nearest their first and last frame's time.
 *
 * The classifier sees windows at the pipeline's rate (30 fps by default), so 15 fps takes are resampled to 30 fps
 * before cutting windows: a window then spans the same time in training and in use.
 *
 * @example
 * ```ts
 * import { resampleSequence } from 'posestream/train';
 * const at30 = resampleSequence(kairessTake, 30);
 * ```
 */
export function resampleSequence(sequence: LabelledSequence, fps: number): LabelledSequence {
  if (!(fps > 0)) throw new RangeError(`resampleSequence: fps must be > 0, got ${fps}`);
  if (fps === sequence.fps && sequence.timestamps === undefined) return sequence;
  const step = 1000 / fps;
  const times = sequence.timestamps ?? Float64Array.from({ length: sequence.length }, (_, i) => (i * 1000) / sequence.fps);
  const t0 = times[0] ?? 0;
  const span = (times[sequence.length - 1] ?? t0) - t0;
  // A hair of tolerance so an instant that is a frame's time up to rounding is not lost at the end.
  const length = Math.max(1, Math.floor(span / step + 1e-9) + 1);
  const instants = Float64Array.from({ length }, (_, j) => t0 + j * step);
  const frames = resampleTrack(times, sequence.frames, STRIDE, instants);
  const clamp = (i: number): number => Math.min(length - 1, Math.max(0, Math.round(((times[i] ?? t0) - t0) / step)));
  const labels = sequence.labels.map((s) => ({ label: s.label, startFrame: clamp(s.startFrame), endFrame: clamp(s.endFrame) }));
  return { ...sequence, fps, length, frames, timestamps: instants, labels };
}
