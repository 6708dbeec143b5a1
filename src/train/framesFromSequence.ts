import type { Hand, Landmark, PoseFrame } from '../types.js';
import type { LabelledSequence } from './trainTypes.js';

/**
 * Turns a labelled sequence (T x 21 x 3 raw landmarks at `sequence.fps`, e.g. a synthetic clip) into the
 * `PoseFrame`s a recording would hold: one hand per frame, `index` = frame number, `timestamp = index * 1000 / fps`.
 * Its label spans keep their frame indices, so `poseFrameWindows(framesFromSequence(s), s.labels, ...)` cuts
 * windows exactly as the live pipeline would see the clip.
 *
 * @example
 * ```ts
 * import { framesFromSequence, poseFrameWindows } from 'posestream/train';
 * const windows = poseFrameWindows(framesFromSequence(clip), clip.labels, { window: { frames: 30, durationMs: 2000 } });
 * ```
 */
export function framesFromSequence(sequence: LabelledSequence): PoseFrame[] {
  const frames: PoseFrame[] = [];
  for (let i = 0; i < sequence.length; i++) {
    const landmarks: Landmark[] = [];
    for (let k = 0; k < 21; k++) {
      const o = i * 63 + k * 3;
      landmarks.push({ x: sequence.frames[o] as number, y: sequence.frames[o + 1] as number, z: sequence.frames[o + 2] as number });
    }
    const hand: Hand = { handedness: sequence.handedness ?? 'Right', score: 1, landmarks };
    frames.push({ index: i, timestamp: (i * 1000) / sequence.fps, hands: [hand] });
  }
  return frames;
}
