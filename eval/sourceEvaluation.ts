/**
 * Event-level evaluation of a gesture model on real sources: each clip replayed through the live pipeline's
 * `slidingWindow` (resampled, missing hands skipped) and `stableGestures`, the model run in-process on the same
 * `windowFeatures` the classifier worker applies, events matched to the labelled swipes (`matchSwipeEvents`), false
 * swipes counted per minute of clips that hold no swipe, and a window-level confusion table.
 */
import { from, toArray } from 'rxjs';
import type * as tf from '../src/train/trainingTfjs.js';
import { slidingWindow } from '../src/operators/slidingWindow.js';
import { stableGestures } from '../src/operators/stableGestures.js';
import type { GestureTrackerOptions } from '../src/filters/handMathTypes.js';
import { predictWindows } from '../src/train/predictWindows.js';
import { poseFrameWindows } from '../src/train/poseFrameWindows.js';
import type { GestureEvent, Prediction } from '../src/types.js';
import { matchSwipeEvents, scoreCounts, type EventMatch, type EventScore, type FrameEvent } from './matchSwipeEvents.js';
import type { RealClip } from './realSources.js';
import { SWIPE_LABELS } from './swipeEvents.js';
import { sumSourceScores } from './sumSourceScores.js';

/** A clip with the model's prediction for every window the live pipeline would classify. */
export interface ClipPredictions {
  clip: RealClip;
  predictions: Prediction[];
  /** Window-level truth and prediction (unambiguous windows only), for the confusion table. */
  truth: string[];
  predicted: string[];
  /** The model's scores behind `predicted` (one row per labelled window, in `labels` order), to average members. */
  predictedScores?: { labels: readonly string[]; scores: Float32Array[] };
}

/** What one clip, or a whole source, scores. */
export interface SourceScore extends EventScore {
  /** False swipe events on clips that hold no swipe, and those clips' seconds. */
  falseSwipesOnNonSwipe: number;
  nonSwipeSeconds: number;
  matches: EventMatch[];
}

const isSwipe = (label: string): boolean => (SWIPE_LABELS as readonly string[]).includes(label);

/**
 * Runs `model` over every window of every clip, as the pipeline would (every window classified, in order).
 *
 * @example
 * ```ts
 * const predicted = await predictClips(model, labels, source.clips, { frames: 30, durationMs: 2000 });
 * ```
 */
export async function predictClips(
  model: tf.LayersModel,
  labels: readonly string[],
  clips: readonly RealClip[],
  window: { frames: number; durationMs: number },
  features?: (packed: Float32Array, frames: number) => Float32Array,
): Promise<ClipPredictions[]> {
  const out: ClipPredictions[] = [];
  for (const clip of clips) {
    const windows: Array<{ data: Float32Array; endIndex: number; endTimestamp: number }> = [];
    from(clip.frames)
      .pipe(slidingWindow(window.frames, { resample: window, onMissingHand: 'skip' }))
      .subscribe((w) => windows.push({ data: w.pack(), endIndex: w.endIndex, endTimestamp: w.endTimestamp }));
    const { scores } = await predictWindows(model, windows.map((w) => w.data), window.frames, 256, features);
    const predictions: Prediction[] = windows.map((w, i) => {
      const s = scores[i] as Float32Array;
      const categories = labels.map((categoryName, index) => ({ index, categoryName, score: s[index] as number }));
      const best = categories.reduce((a, b) => (b.score > a.score ? b : a));
      return { label: best.categoryName, score: best.score, categories, windowEndTimestamp: w.endTimestamp, windowEndIndex: w.endIndex, startedAt: 0, finishedAt: 0 };
    });
    const labelled = poseFrameWindows(clip.frames, clip.labels, { window });
    const result = await predictWindows(model, labelled.map((w) => w.window), window.frames, 256, features);
    out.push({
      clip,
      predictions,
      truth: labelled.map((w) => w.label),
      predicted: result.classes.map((c) => labels[c] as string),
      predictedScores: { labels, scores: result.scores },
    });
  }
  return out;
}

/**
 * The gesture events `stableGestures(tracker)` makes of a clip's predictions (one per gesture: first to last
 * agreeing window end).
 *
 * @example
 * ```ts
 * const events = clipEvents(clipPredictions.predictions, { threshold: 0.8, minConsecutive: 2 });
 * ```
 */
export function clipEvents(predictions: readonly Prediction[], tracker: GestureTrackerOptions): FrameEvent[] {
  let gestures: GestureEvent[] = [];
  from(predictions).pipe(stableGestures(tracker), toArray()).subscribe((g) => (gestures = g));
  return gestures.filter((g) => g.phase === 'end').map((g) => ({ label: g.label, startFrame: g.startFrame, endFrame: g.endFrame, score: g.score }));
}

/**
 * Scores clips with one tracker setting: swipe precision/recall at event level (other labels' events are not
 * swipes), and false swipes per minute on clips without a labelled swipe.
 *
 * @example
 * ```ts
 * const score = scoreClips(predicted, DEFAULT_MODEL_SETTINGS.gestures, 2000);
 * ```
 */
export function scoreClips(clips: readonly ClipPredictions[], tracker: GestureTrackerOptions, windowMs: number): SourceScore {
  const matches: EventMatch[] = [];
  const perClip = clips.map((c) => {
    const swipes = c.clip.labels.filter((l) => isSwipe(l.label));
    const timestamps: number[] = [];
    for (const f of c.clip.frames) timestamps[f.index] = f.timestamp;
    const match = matchSwipeEvents(clipEvents(c.predictions, tracker), swipes, { labels: SWIPE_LABELS, timestamps, windowMs });
    matches.push(match);
    const nonSwipe = swipes.length === 0;
    return {
      ...scoreCounts(match.truePositives, match.falsePositives, match.falseNegatives, match.otherEvents),
      falseSwipesOnNonSwipe: nonSwipe ? match.falsePositives : 0,
      nonSwipeSeconds: nonSwipe ? c.clip.seconds : 0,
    };
  });
  return { ...sumSourceScores(perClip), matches };
}

/** The `stableGestures` settings {@link chooseTracker} tries. */
export const TRACKER_GRID: GestureTrackerOptions[] = [0.5, 0.7, 0.8, 0.9, 0.95].flatMap((threshold) =>
  [1, 2, 3].flatMap((minConsecutive) => [500, 1000].map((cooldownMs) => ({ threshold, minConsecutive, cooldownMs }))),
);

/**
 * Chooses `stableGestures` settings on TRAINING clips only (never on a test source): among the grid settings with
 * the fewest errors (missed + false swipes + half the other events), the middle one in grid order (threshold, then
 * run length, then cooldown): on clips the model was trained on many settings tie, and the middle of the tied
 * range keeps a margin towards both misses (too strict) and false swipes (too lenient).
 *
 * @example
 * ```ts
 * const tracker = chooseTracker(trainingPredictions, 2000);
 * ```
 */
export function chooseTracker(clips: readonly ClipPredictions[], windowMs: number): GestureTrackerOptions {
  const costs = TRACKER_GRID.map((tracker) => {
    const s = scoreClips(clips, tracker, windowMs);
    return s.falseNegatives + s.falsePositives + 0.5 * s.otherEvents;
  });
  const best = Math.min(...costs);
  const tied = TRACKER_GRID.filter((_, i) => costs[i] === best);
  return tied[Math.floor((tied.length - 1) / 2)] as GestureTrackerOptions;
}

/**
 * Window-level confusion counts: truth label -> predicted label -> windows.
 *
 * @example
 * ```ts
 * const table = confusion(predicted);
 * ```
 */
export function confusion(clips: readonly ClipPredictions[]): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  for (const c of clips) {
    c.truth.forEach((t, i) => {
      const row = table.get(t) ?? table.set(t, new Map()).get(t)!;
      const p = c.predicted[i] as string;
      row.set(p, (row.get(p) ?? 0) + 1);
    });
  }
  return table;
}
