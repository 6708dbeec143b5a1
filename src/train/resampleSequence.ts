import type { LabelledSequence } from './trainTypes.js';

/**
 * Resamples a labelled sequence to another frame rate by linear interpolation between frames, assuming its
 * frames are evenly spaced at `sequence.fps`. Label spans are moved to the nearest new frame indices.
 *
 * The classifier sees the last N frames at the pipeline's rate (30 fps by default), so 15 fps takes are
 * resampled to 30 fps before cutting windows: a window then spans the same time in training and in use.
 *
 * @example
 * ```ts
 * import { resampleSequence } from 'posestream/train';
 * const at30 = resampleSequence(kairessTake, 30);
 * ```
 */
export function resampleSequence(sequence: LabelledSequence, fps: number): LabelledSequence {
  if (!(fps > 0)) throw new RangeError(`resampleSequence: fps must be > 0, got ${fps}`);
  if (fps === sequence.fps) return sequence;
  const ratio = fps / sequence.fps;
  const length = Math.max(1, Math.floor((sequence.length - 1) * ratio) + 1);
  const stride = 63;
  const frames = new Float32Array(length * stride);
  for (let i = 0; i < length; i++) {
    const t = i / ratio;
    const a = Math.min(Math.floor(t), sequence.length - 1);
    const b = Math.min(a + 1, sequence.length - 1);
    const w = t - a;
    for (let k = 0; k < stride; k++) {
      frames[i * stride + k] = (sequence.frames[a * stride + k] as number) * (1 - w) + (sequence.frames[b * stride + k] as number) * w;
    }
  }
  const clamp = (v: number): number => Math.min(length - 1, Math.max(0, Math.round(v * ratio)));
  const labels = sequence.labels.map((s) => ({ label: s.label, startFrame: clamp(s.startFrame), endFrame: clamp(s.endFrame) }));
  return { ...sequence, fps, length, frames, labels };
}
