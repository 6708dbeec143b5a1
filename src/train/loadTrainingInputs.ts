import { readFile, stat } from 'node:fs/promises';
import { loadKairess } from '../data/loadKairess.js';
import { readRecording } from '../recording/readRecording.js';
import { sequencesFromFrames } from './sequencesFromFrames.js';
import { TrainingDataError } from './trainErrors.js';
import type { LabelledSequence } from './trainTypes.js';

/** What {@link loadTrainingInputs} read: sequences to split by time, and pre-cut windows already split. */
export interface TrainingInputs {
  /** The labelled sequences read from takes and recordings (split into train and validation by time blocks later). */
  sequences: LabelledSequence[];
  /** Windows from window-array files: the first 80% of each file trains, the last 20% validates (a gap between). */
  windowClips: {
    /** The windows that train (the first 80% of each file). */
    train: LabelledSequence[];
    /** The windows that validate (the last 20% of each file). */
    validation: LabelledSequence[];
  };
}

/**
 * Reads the inputs of `posestream train` / `eval`, by kind of path:
 * - a directory: kairess takes (`raw_{come,away,spin}_*.npy`, 15 fps, one label per take);
 * - `*.json`: labelled window arrays `{"frames": N, "windows": [{"label": "...", "data": [N*63 numbers]}, ...]}`
 *   in time order (x, y, z per landmark, frame-major);
 * - anything else: a posestream recording (NDJSON) with label lines.
 * Every problem is a typed error naming the file (`TrainingDataError`, or the recording reader's
 * `RecordingError`), raised here, before any training.
 *
 * @example
 * ```ts
 * import { loadTrainingInputs } from 'posestream/train';
 * const { sequences } = await loadTrainingInputs(['takes/swipes.ndjson']);
 * ```
 */
export async function loadTrainingInputs(paths: readonly string[]): Promise<TrainingInputs> {
  const sequences: LabelledSequence[] = [];
  const windowClips: TrainingInputs['windowClips'] = { train: [], validation: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new TrainingDataError('no-data', path, 'no such file or directory');
    if (info.isDirectory()) {
      const takes = await loadKairess(path);
      if (takes.length === 0) throw new TrainingDataError('no-data', path, 'directory holds no raw_{come,away,spin}_*.npy takes');
      for (const take of takes) {
        sequences.push(...sequencesFromFrames(take.frames, [{ label: take.label, startFrame: 0, endFrame: take.frames.length - 1 }], take.file, { fps: 15 }));
      }
    } else if (path.endsWith('.json')) {
      const clips = await readWindowArrays(path);
      const cut = Math.floor(clips.length * 0.8);
      const gap = clips[0] !== undefined ? clips[0].length : 0;
      windowClips.train.push(...clips.slice(0, Math.max(0, cut - gap)));
      windowClips.validation.push(...clips.slice(cut));
    } else {
      const recording = await readRecording(path);
      sequences.push(...sequencesFromFrames(recording.frames, recording.labels, path, recording.header.fps !== undefined ? { fps: recording.header.fps } : {}));
    }
  }
  return { sequences, windowClips };
}

async function readWindowArrays(path: string): Promise<LabelledSequence[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new TrainingDataError('bad-windows', path, `not a readable JSON file (${String(cause)})`);
  }
  const doc = json as { frames?: unknown; fps?: unknown; windows?: unknown };
  const frames = doc.frames;
  if (typeof frames !== 'number' || !Number.isInteger(frames) || frames < 1 || !Array.isArray(doc.windows)) {
    throw new TrainingDataError('bad-windows', path, 'expected {"frames": N, "windows": [{"label": "...", "data": [N*63 numbers]}, ...]}');
  }
  const fps = typeof doc.fps === 'number' && doc.fps > 0 ? doc.fps : 30;
  if (doc.windows.length === 0) throw new TrainingDataError('no-labels', path, 'the file holds no labelled windows');
  return doc.windows.map((entry: unknown, i): LabelledSequence => {
    const w = entry as { label?: unknown; data?: unknown };
    if (typeof w.label !== 'string' || w.label === '') throw new TrainingDataError('no-labels', path, `windows[${i}] has no label`);
    if (!Array.isArray(w.data) || w.data.length !== frames * 63) {
      const got = Array.isArray(w.data) ? `${w.data.length} values` : typeof w.data;
      throw new TrainingDataError('bad-windows', path, `windows[${i}] must hold ${frames} x 21 x 3 = ${frames * 63} numbers, got ${got}`);
    }
    if (!w.data.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new TrainingDataError('bad-windows', path, `windows[${i}] holds a non-finite or non-number value`);
    }
    return { source: path, fps, length: frames, frames: Float32Array.from(w.data as number[]), labels: [{ label: w.label, startFrame: 0, endFrame: frames - 1 }] };
  });
}
