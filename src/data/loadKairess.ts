import type { Handedness, Landmark, PoseFrame } from '../types.js';
import { NpyFormatError, readNpy } from './readNpy.js';

/** The kairess gesture classes, in class-index order (come=0, away=1, spin=2). */
export const KAIRESS_LABELS = ['come', 'away', 'spin'] as const;

/** One continuous take of the kairess/gesture-recognition data set. */
export interface KairessTake {
  /** The gesture performed throughout the take. */
  label: (typeof KAIRESS_LABELS)[number];
  /** Its class index (come=0, away=1, spin=2), as stored in the file's last column. */
  classIndex: number;
  /** The file it was read from. */
  file: string;
  /** One frame per row: one hand, 21 landmarks, `timestamp = index * 1000 / fps`. */
  frames: PoseFrame[];
  /** The 15 joint angles (degrees) the authors computed for each frame. */
  angles: number[][];
}

/** Options of {@link loadKairess}. */
export interface LoadKairessOptions {
  /** Frame rate the takes were captured at. @default 15 */
  fps?: number;
  /**
   * Handedness given to every hand. The files do not store it. The images were mirrored (selfie view) before
   * MediaPipe ran, so the landmarks are in that mirrored view; in nearly every frame the index knuckle lies on the
   * far side of the little-finger knuckle from where a palm-on right hand puts it in that view, i.e. a right hand
   * seen from the back or a left hand palm-on. The data cannot tell those apart, so this is an assumption.
   * @default 'Right'
   */
  handedness?: Handedness;
}

/**
 * Reads the kairess/gesture-recognition takes (`raw_{come,away,spin}_*.npy`, float64 arrays of shape (n, 100): per
 * frame 21 x (x, y, z, visibility), then 15 angles, then the class index) from `dir` into per-take `PoseFrame`
 * arrays with their label. Node only (reads files); see /work/shared/data/PROVENANCE.md for the data's origin.
 *
 * Frames get `index` = row, `timestamp = index * 1000 / fps`, one hand with `score` 1 (not recorded) and the
 * x, y, z landmarks (visibility, always 0, is dropped). Throws `NpyFormatError` naming the file when a file is not
 * shape (n, 100) or its class column is not constant and equal to the class its name says.
 *
 * @example
 * ```ts
 * import { loadKairess } from 'posestream/node';
 * const takes = await loadKairess('../shared/data/landmarks/kairess-gesture-recognition');
 * for (const take of takes) console.log(take.label, take.frames.length);
 * ```
 */
export async function loadKairess(dir: string, options: LoadKairessOptions = {}): Promise<KairessTake[]> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const fps = options.fps ?? 15;
  const handedness = options.handedness ?? 'Right';
  const names = (await fs.readdir(dir)).filter((n) => /^raw_(come|away|spin)_.*\.npy$/.test(n)).sort();
  const takes: KairessTake[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const label = /^raw_(come|away|spin)_/.exec(name)![1] as KairessTake['label'];
    const classIndex = KAIRESS_LABELS.indexOf(label);
    const { shape, data } = readNpy(await fs.readFile(file), file);
    const [rows, cols] = shape;
    if (shape.length !== 2 || cols !== 100 || rows === undefined || !(data instanceof Float64Array)) {
      throw new NpyFormatError(`${file}: expected a float64 array of shape (n, 100), got (${shape.join(', ')})`);
    }
    const frames: PoseFrame[] = [];
    const angles: number[][] = [];
    for (let r = 0; r < rows; r++) {
      const row = data.subarray(r * 100, r * 100 + 100);
      if (row[99] !== classIndex) {
        throw new NpyFormatError(`${file}: row ${r} has class ${row[99]}, expected ${classIndex} (${label})`);
      }
      const landmarks: Landmark[] = [];
      for (let k = 0; k < 21; k++) landmarks.push({ x: row[k * 4]!, y: row[k * 4 + 1]!, z: row[k * 4 + 2]! });
      frames.push({ index: r, timestamp: (r * 1000) / fps, hands: [{ handedness, score: 1, landmarks }] });
      angles.push(Array.from(row.subarray(84, 99)));
    }
    takes.push({ label, classIndex, file, frames, angles });
  }
  return takes;
}
