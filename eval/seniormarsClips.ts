/**
 * The seniormars-gesture clips (../shared/data/landmarks/seniormars-gesture, MIT) as frame streams: 38 real swipes
 * and 33 still palms, 20 MediaPipe frames each, the image mirrored before inference, coordinates minus an anchor
 * wrist and rounded to 0.01. Quirks handled here (PROVENANCE.md): frame 0 belongs to the clip's end, so it is
 * dropped; the frame rate is not stored (a 20 fps webcam was asked for), so 20 fps is assumed. Directions are used
 * as stored (swipe_right moves towards +x, swipe_up towards -y).
 *
 * A clip of 19 frames (0.95 s) is shorter than a model window, so each is held still before (`leadMs`, its first
 * frame repeated) and after (`trailMs`, its last frame): a hand at rest, then the clip, then at rest, which is
 * how a live stream would show it. The swipe label spans the clip's own frames; palm clips have no label (none).
 * `seconds` counts only the clip's own frames. `labelBy: 'travel'` labels each swipe clip by the direction its palm
 * centre travelled (dominant axis, first to last frame) and lists every clip it relabels in `relabelled`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readNpy } from '../src/data/readNpy.js';
import type { Hand, PoseFrame } from '../src/types.js';
import type { RealClip } from './realSources.js';

/** The files and their labels (`undefined`: no gesture). */
const FILES: ReadonlyArray<readonly [string, string | undefined]> = [
  ['swipe_up.npy', 'swipe_up'],
  ['swipe_down.npy', 'swipe_down'],
  ['swipe_left.npy', 'swipe_left'],
  ['swipe_right.npy', 'swipe_right'],
  ['palm.npy', undefined],
];

/**
 * Loads the clips from `dir`, padded with stillness; 20 fps assumed.
 *
 * @example
 * ```ts
 * const clips = await seniormarsClips('../shared/data/landmarks/seniormars-gesture');
 * ```
 */
export async function seniormarsClips(
  dir: string,
  options: { fps?: number; leadMs?: number; trailMs?: number; labelBy?: 'file' | 'travel'; relabelled?: string[] } = {},
): Promise<RealClip[]> {
  const fps = options.fps ?? 20;
  const dt = 1000 / fps;
  const lead = Math.round((options.leadMs ?? 2100) / dt);
  const trail = Math.round((options.trailMs ?? 1000) / dt);
  const clips: RealClip[] = [];
  for (const [file, label] of FILES) {
    const npy = readNpy(await readFile(resolve(dir, file)), file);
    const [count, length] = npy.shape as [number, number];
    for (let c = 0; c < count; c++) {
      const hands: Hand[] = [];
      for (let f = 1; f < length; f++) {
        const o = (c * length + f) * 63;
        const landmarks = [];
        for (let k = 0; k < 21; k++) {
          // +0.5: the stored coordinates are relative to an anchor wrist; the features ignore the offset.
          landmarks.push({ x: Number(npy.data[o + k * 3]) + 0.5, y: Number(npy.data[o + k * 3 + 1]) + 0.5, z: Number(npy.data[o + k * 3 + 2]) });
        }
        hands.push({ handedness: 'Right', score: 1, landmarks });
      }
      let clipLabel = label;
      if (label !== undefined && options.labelBy === 'travel') {
        // The direction the palm centre travelled, first to last frame (4 swipe_left clips move towards +x).
        const centre = (h: Hand, axis: 'x' | 'y'): number => [0, 5, 9, 13, 17].reduce((sum, j) => sum + h.landmarks[j]![axis], 0) / 5;
        const dx = centre(hands[hands.length - 1]!, 'x') - centre(hands[0]!, 'x');
        const dy = centre(hands[hands.length - 1]!, 'y') - centre(hands[0]!, 'y');
        clipLabel = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? 'swipe_right' : 'swipe_left') : dy > 0 ? 'swipe_down' : 'swipe_up';
        if (clipLabel !== label) options.relabelled?.push(`${file.replace('.npy', '')}#${c} -> ${clipLabel} (dx ${dx.toFixed(2)}, dy ${dy.toFixed(2)} of the image)`);
      }
      const sequence = [...Array<Hand>(lead).fill(hands[0] as Hand), ...hands, ...Array<Hand>(trail).fill(hands[hands.length - 1] as Hand)];
      const frames: PoseFrame[] = sequence.map((hand, index) => ({ index, timestamp: index * dt, hands: [hand] }));
      clips.push({
        name: `${file.replace('.npy', '')}#${c}`,
        frames,
        labels: clipLabel === undefined ? [] : [{ label: clipLabel, startFrame: lead, endFrame: lead + hands.length - 1 }],
        seconds: hands.length / fps,
      });
    }
  }
  return clips;
}
