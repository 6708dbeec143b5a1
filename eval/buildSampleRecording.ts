/**
 * The sample recording shipped in the package (samples/swipes.ndjson, written by scripts/build-sample.ts): real
 * MediaPipe hand landmarks of real swipes from the seniormars-gesture clips (../shared/data, MIT; PROVENANCE.md),
 * put one after another as a user would perform them in front of a camera.
 *
 * Five rounds of clips in a fixed order: the first three clips of each swipe direction (file order) and of the still
 * palms, taken as they are (directions as stored; no clip is chosen by what a recogniser makes of it). Each clip is
 * the hand held still for `leadMs` (its first frame repeated), the clip's 19 frames, the hand held still for
 * `trailMs` (its last frame), then `gapMs` without a hand (the hand lowered out of view, longer than the 500 ms a
 * window bridges, so every clip starts a fresh window). One label line per swipe spans the clip's own frames; palm
 * clips are not labelled (they are `none`). The clips' frame rate is not stored (a 20 fps webcam was asked for) and
 * neither is the image size: 20 fps and 640 x 480 are assumed, as the evaluation does.
 */
import { resolve } from 'node:path';
import type { Hand, PoseFrame } from '../src/types.js';
import type { Recording, RecordingLabel } from '../src/streams/recordingTypes.js';
import { seniormarsClips } from './seniormarsClips.js';

/** Options of {@link buildSampleRecording}. */
export interface SampleRecordingOptions {
  /** Clips of each direction and of palms. @default 3 */
  perClass?: number;
  /** Still hand before each clip (ms). @default 600 */
  leadMs?: number;
  /** Still hand after each clip (ms). @default 500 */
  trailMs?: number;
  /** No hand after each clip (ms). @default 600 */
  gapMs?: number;
}

/** The seniormars repository, commit and licence the sample's landmarks come from (PROVENANCE.md). */
export const SAMPLE_SOURCE = 'real hand landmarks from SeniorMars/gesture (MIT; src/dynamic_gestures2_test.hdf5 @ 7a791f6, src/gesture_dataset.h5 @ 599ffd0)';

const ORDER = ['swipe_up', 'swipe_right', 'swipe_down', 'swipe_left', 'palm'] as const;

/**
 * Builds the sample recording from the seniormars clips in `dir` (../shared/data/landmarks/seniormars-gesture).
 *
 * @example
 * ```ts
 * const recording = await buildSampleRecording('../shared/data/landmarks/seniormars-gesture');
 * ```
 */
export async function buildSampleRecording(dir: string, options: SampleRecordingOptions = {}): Promise<Recording> {
  const perClass = options.perClass ?? 3;
  const fps = 20;
  const dt = 1000 / fps;
  const lead = Math.round((options.leadMs ?? 600) / dt);
  const trail = Math.round((options.trailMs ?? 500) / dt);
  const gap = Math.round((options.gapMs ?? 600) / dt);
  const clips = await seniormarsClips(resolve(dir), { leadMs: 0, trailMs: 0 });
  const byName = new Map(clips.map((c) => [c.name, c]));
  const frames: PoseFrame[] = [];
  const labels: RecordingLabel[] = [];
  const push = (hands: Hand[]): void => void frames.push({ index: frames.length, timestamp: frames.length * dt, hands });
  for (let round = 0; round < perClass; round++) {
    for (const kind of ORDER) {
      const name = `${kind}#${round}`;
      const clip = byName.get(name);
      if (clip === undefined) throw new Error(`${dir}: no clip ${name} (seniormars has ${clips.length} clips)`);
      const hands = clip.frames.map((f) => f.hands[0]!);
      for (let k = 0; k < lead; k++) push([hands[0]!]);
      const start = frames.length;
      for (const hand of hands) push([hand]);
      if (kind !== 'palm') labels.push({ label: kind, startFrame: start, endFrame: frames.length - 1 });
      for (let k = 0; k < trail; k++) push([hands[hands.length - 1]!]);
      for (let k = 0; k < gap; k++) push([]);
    }
  }
  return {
    header: { format: 'posestream/v1', fps, width: 640, height: 480, source: `${SAMPLE_SOURCE}; see samples/README.md` },
    frames,
    labels,
  };
}
