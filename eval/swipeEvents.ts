/**
 * The real-swipe event evaluation: for each labelled clip, its recording (made and cached at eval time) replayed
 * through the full pipeline (`runSwipePipeline`) and its events matched to the hand-made labels
 * (`matchSwipeEvents`). Labels: eval/labels/*.json (frame spans at the clip's own frame rate, image coordinates as
 * the estimator sees them).
 */
import { readFile } from 'node:fs/promises';
import { readRecording } from '../src/recording/readRecording.js';
import type { PoseWindow, Prediction } from '../src/types.js';
import { EvalLabelsError } from './EvalLabelsError.js';
import { matchSwipeEvents, sumScores, type EventMatch, type EventScore, type FrameEvent } from './matchSwipeEvents.js';
import { runSwipePipeline, type SwipePipelineOptions, type SwipePipelineResult } from './runSwipePipeline.js';

/** The evaluated labels: swipes. Other predicted events are reported, not scored (strict precision counts them). */
export const SWIPE_LABELS = ['swipe_left', 'swipe_right', 'swipe_up', 'swipe_down'] as const;

/** One eval/labels/*.json file. */
export interface ClipLabels {
  /** The video, relative to the project root. */
  video: string;
  fps: number;
  frames: number;
  labels: FrameEvent[];
}

/** The outcome for one clip. */
export interface ClipEvaluation {
  name: string;
  frames: number;
  /** Frames in which the estimator found no hand. */
  framesWithoutHand: number;
  pipeline: SwipePipelineResult;
  match: EventMatch;
}

/** Reads and checks a labels file (an {@link EvalLabelsError} naming the file and entry on bad content). */
export async function readClipLabels(path: string): Promise<ClipLabels> {
  const data = JSON.parse(await readFile(path, 'utf8')) as Partial<ClipLabels>;
  if (typeof data.video !== 'string' || typeof data.fps !== 'number' || typeof data.frames !== 'number' || !Array.isArray(data.labels)) {
    throw new EvalLabelsError(path, 'expected { video, fps, frames, labels: [{ label, startFrame, endFrame }] }');
  }
  data.labels.forEach((l, i) => {
    if (typeof l.label !== 'string' || !Number.isInteger(l.startFrame) || !Number.isInteger(l.endFrame) || l.startFrame > l.endFrame || l.startFrame < 0 || l.endFrame >= (data.frames as number)) {
      throw new EvalLabelsError(path, `labels[${i}] ${JSON.stringify(l)} is not a span inside the clip's ${data.frames} frames`);
    }
  });
  return data as ClipLabels;
}

/**
 * Evaluates one recorded clip: replays `recording` (a path or NDJSON text) through the pipeline with `classify`
 * and matches the events to `labels`.
 *
 * @example
 * ```ts
 * const result = await evaluateSwipeClip('swipe_up_down', recordingPath, labels, (w) => worker.classifyWindow(w));
 * ```
 */
export async function evaluateSwipeClip(
  name: string,
  recording: string,
  labels: ClipLabels,
  classify: (window: PoseWindow) => Promise<Prediction>,
  options: SwipePipelineOptions = {},
): Promise<ClipEvaluation> {
  const { frames } = await readRecording(recording);
  if (frames.length !== labels.frames) {
    throw new EvalLabelsError(name, `the recording ${recording.startsWith('{') ? '(text)' : recording} has ${frames.length} frames, the labels describe ${labels.frames}`);
  }
  const timestamps = frames.map((f) => f.timestamp);
  const pipeline = await runSwipePipeline(frames, classify, options);
  const windowMs = (options.window ?? { durationMs: 1000 }).durationMs;
  const match = matchSwipeEvents(pipeline.events, labels.labels, { labels: SWIPE_LABELS, timestamps, windowMs });
  return { name, frames: frames.length, framesWithoutHand: frames.filter((f) => f.hands.length === 0).length, pipeline, match };
}

/** Sum over clips. */
export function totalScore(clips: readonly ClipEvaluation[]): EventScore {
  return sumScores(clips.map((c) => c.match));
}

/** A plain-text report: per clip, the counts, precision/recall, and every event with its verdict. */
export function formatSwipeReport(clips: readonly ClipEvaluation[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const line = (name: string, s: EventScore): string =>
    `  ${name.padEnd(18)} TP ${s.truePositives}  FP ${s.falsePositives}  FN ${s.falseNegatives}  precision ${pct(s.precision)}  recall ${pct(s.recall)}  (other events ${s.otherEvents}, strict precision ${pct(s.strictPrecision)})\n`;
  const span = (e: FrameEvent): string => `${e.label} ${e.startFrame}-${e.endFrame}${e.score !== undefined ? ` (${e.score.toFixed(2)})` : ''}`;
  let out = '';
  for (const c of clips) {
    out += line(c.name, c.match);
    out += `      ${c.frames} frames, ${c.framesWithoutHand} without a hand\n`;
    for (const m of c.match.matches) out += `      hit     ${span(m.labelled)}  <- ${span(m.predicted)}\n`;
    for (const e of c.match.missed) out += `      missed  ${span(e)}\n`;
    for (const e of c.match.falsePositiveEvents) out += `      false   ${span(e)}\n`;
    for (const e of c.match.other) out += `      other   ${span(e)}\n`;
  }
  out += line('total', totalScore(clips));
  return out;
}
