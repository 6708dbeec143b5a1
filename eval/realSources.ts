/**
 * The real data the default model is trained and evaluated on, one entry per source folder of ../shared/data
 * (PROVENANCE.md), as frame streams with timestamps (what the live pipeline sees) and frame-index label spans:
 * - kairess: three webcam takes (come / away / spin, 15 fps), one label over each take: hands moving without
 *   swiping;
 * - seniormars: 38 real swipe clips and 33 still-palm clips (20 frames, rate assumed 20 fps; frame 0 dropped, see
 *   seniormarsClips.ts), each held still before and after so a window fits;
 * - ai-forever: videos recorded with `posestream record` (cached in .cache/eval/), labels in eval/labels/ (swipe
 *   clips, and zoom / drag-and-drop / click clips that hold no swipe);
 * - dandan1232 (open palm / fist / thumbs up) and tfjs asl_hand (signing): recorded videos without swipes.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadKairess } from '../src/data/loadKairess.js';
import { readRecording } from '../src/recording/readRecording.js';
import type { FrameSpan } from '../src/train/trainTypes.js';
import type { PoseFrame } from '../src/types.js';
import { gifToMp4Cached } from './gifToMp4Cached.js';
import { readClipLabels } from './swipeEvents.js';
import { recordCached } from './recordCached.js';
import { seniormarsClips } from './seniormarsClips.js';

/** One real clip: its frames (timestamps in ms) and label spans (frame indices, inclusive). */
export interface RealClip {
  name: string;
  frames: PoseFrame[];
  labels: FrameSpan[];
  /** Seconds of real (not padded) video: the denominator of false swipes per minute. */
  seconds: number;
}

/** One source folder of ../shared/data: the unit of leave-one-source-out evaluation. */
export interface RealSource {
  name: string;
  /** Folder relative to the data root. */
  path: string;
  clips: RealClip[];
}

/** Options of {@link loadRealSources}. */
export interface LoadRealSourcesOptions {
  /** Cache of recordings and converted GIFs. @default '<root>/.cache/eval' */
  cacheDir?: string;
  /** Called before a video is recorded (slow). @default undefined */
  onRecord?: (video: string) => void;
  /** How seniormars swipe clips are labelled (`seniormarsClips`' `labelBy`); relabelled clips are listed in `relabelled`. @default 'file' */
  seniormarsLabelBy?: 'file' | 'travel';
  relabelled?: string[];
}

/** Recorded ai-forever clips: the labelled swipe clips and the clips without a swipe (video or GIF name). */
export const AI_FOREVER_CLIPS = [
  'swipe_left_right.mp4', 'swipe_up_down.mp4', 'swipe2_left_right.mp4', 'swipe2_up_down.mp4', 'swipe3_up_down.mp4', 'fast_up_down.gif',
  'zoom_in_out.mp4', 'zoom.gif', 'clicks.gif', 'dndv1.gif', 'dndv2.gif', 'dndv3.gif',
] as const;

/**
 * Loads every real source. `root` is the project root (labels in `<root>/eval/labels/`), `dataDir` the shared data
 * folder. Videos are recorded on first use (about 0.2 s per frame) and cached.
 *
 * @example
 * ```ts
 * const sources = await loadRealSources(root, resolve(root, '../shared/data'));
 * ```
 */
export async function loadRealSources(root: string, dataDir: string, options: LoadRealSourcesOptions = {}): Promise<RealSource[]> {
  const cacheDir = options.cacheDir ?? resolve(root, '.cache/eval');
  const record = async (video: string): Promise<PoseFrame[]> => {
    const path = video.endsWith('.gif') ? await gifToMp4Cached(video, resolve(cacheDir, 'videos')) : video;
    const out = await recordCached(path, { cacheDir, model: 'full', onRecord: options.onRecord });
    return (await readRecording(out)).frames;
  };
  const labelled = async (name: string, video: string): Promise<RealClip> => {
    const labels = await readClipLabels(resolve(root, `eval/labels/${name}.json`));
    const frames = await record(video);
    return { name, frames, labels: labels.labels.map(({ label, startFrame, endFrame }) => ({ label, startFrame, endFrame })), seconds: frames.length / labels.fps };
  };
  const kairessPath = 'landmarks/kairess-gesture-recognition';
  const kairess = (await loadKairess(resolve(dataDir, kairessPath))).map((take) => ({
    name: `raw_${take.label}`,
    frames: take.frames,
    labels: [{ label: take.label, startFrame: 0, endFrame: take.frames.length - 1 }],
    seconds: take.frames.length / 15,
  }));
  const seniorPath = 'landmarks/seniormars-gesture';
  const aiPath = 'video/ai-forever-dynamic-gestures';
  const ai: RealClip[] = [];
  for (const file of AI_FOREVER_CLIPS) ai.push(await labelled(file.replace(/\.[^.]+$/, ''), resolve(dataDir, aiPath, file)));
  const dandanPath = 'video/dandan1232-mediapipe-try';
  const aslPath = 'video/tfjs-models-asl-hand';
  return [
    { name: 'kairess', path: kairessPath, clips: kairess },
    { name: 'seniormars', path: seniorPath, clips: await seniormarsClips(resolve(dataDir, seniorPath), { labelBy: options.seniormarsLabelBy ?? 'file', ...(options.relabelled ? { relabelled: options.relabelled } : {}) }) },
    { name: 'ai-forever', path: aiPath, clips: ai },
    { name: 'dandan1232', path: dandanPath, clips: [await labelled('dandan1232_test', resolve(dataDir, dandanPath, 'test_h264_360p.mp4'))] },
    { name: 'asl-hand', path: aslPath, clips: [await labelled('asl_hand', resolve(dataDir, aslPath, 'asl_hand.25fps.mp4'))] },
  ];
}

/** Reads a JSON file (helper for scripts). */
export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}
