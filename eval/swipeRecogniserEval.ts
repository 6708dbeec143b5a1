/**
 * The swipe recogniser (`gestureModel: 'swipes'`) on the real sources, as `npm run eval` reports it: recorded frames
 * -> `slidingWindow` (DEFAULT_SWIPE_SETTINGS) -> the classifier worker's own swipe service (in this thread: the same
 * code, without the transport) -> `stableGestures` -> events matched against the labels (eval/matchSwipeEvents.ts).
 * Every window is classified, in order. Sources without a frame size (kairess, seniormars: webcams) are taken as
 * 640 x 480.
 */
import { concatMap, from, lastValueFrom, toArray } from 'rxjs';
import { toClassifyFn } from '../src/classifiers/windowClassifierFn.js';
import { DEFAULT_SWIPE_SETTINGS } from '../src/defaultModelSettings.js';
import type { SwipeOptions } from '../src/filters/swipeTypes.js';
import { slidingWindow } from '../src/operators/slidingWindow.js';
import type { PoseFrame, Prediction } from '../src/types.js';
import { createSwipeClassifierService } from '../src/workers/swipeClassifier.js';
import { clipEvents } from './sourceEvaluation.js';
import { matchSwipeEvents, type FrameEvent } from './matchSwipeEvents.js';
import type { RealClip, RealSource } from './realSources.js';
import { SWIPE_LABELS } from './swipeEvents.js';
import { SWIPE_TUNING_SOURCES } from './swipeSplit.js';

/** How far before its first window end a swipe event's evidence reaches, ms (a stroke's start, stop and report). */
export const SWIPE_MATCH_MS = 1500;

/** One source's figures. */
export interface SwipeSourceResult {
  source: string;
  tuning: boolean;
  swipes: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  nonSwipeSeconds: number;
  falseSwipesOnNonSwipe: number;
  /** Labelled direction -> what the recogniser gave for it ('missed' when nothing matched in time). */
  confusion: Record<string, Record<string, number>>;
  /** Events on clips without a labelled swipe, and unmatched events on clips with swipes: what fired. */
  fired: string[];
  /** Labelled swipes nothing matched. */
  missed: string[];
}

/** Frames with a size: sources that do not say are taken as a 640 x 480 webcam. */
export function withFrameSize(frames: readonly PoseFrame[]): PoseFrame[] {
  return frames.map((f) => (f.width !== undefined && f.height !== undefined ? f : { ...f, width: 640, height: 480 }));
}

/** The swipe events the default pipeline makes of one clip's frames. */
export async function swipeEvents(frames: readonly PoseFrame[], swipes: SwipeOptions = {}): Promise<FrameEvent[]> {
  const service = createSwipeClassifierService();
  const info = await service.init({ kind: 'swipes', swipes });
  const classify = toClassifyFn({ labels: info.labels, classify: (w, shape, context) => service.classify(w, shape, context) }, { now: () => 0 });
  const p = DEFAULT_SWIPE_SETTINGS;
  const predictions: Prediction[] = await lastValueFrom(
    from(withFrameSize(frames)).pipe(
      slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }),
      concatMap((w) => classify(w)),
      toArray(),
    ),
  );
  return clipEvents(predictions, p.gestures);
}

/** Scores the recogniser on every clip of `source`. */
export async function evaluateSwipeSource(source: RealSource, swipes: SwipeOptions = {}): Promise<SwipeSourceResult> {
  const result: SwipeSourceResult = {
    source: source.name, tuning: SWIPE_TUNING_SOURCES.includes(source.name), swipes: 0, truePositives: 0, falsePositives: 0,
    falseNegatives: 0, nonSwipeSeconds: 0, falseSwipesOnNonSwipe: 0, confusion: {}, fired: [], missed: [],
  };
  for (const clip of source.clips) await scoreClip(clip, await swipeEvents(clip.frames, swipes), result);
  return result;
}

async function scoreClip(clip: RealClip, events: FrameEvent[], r: SwipeSourceResult): Promise<void> {
  const labelled = clip.labels.filter((l) => (SWIPE_LABELS as readonly string[]).includes(l.label));
  const timestamps: number[] = [];
  for (const f of clip.frames) timestamps[f.index] = f.timestamp;
  const match = matchSwipeEvents(events, labelled, { labels: SWIPE_LABELS, timestamps, windowMs: SWIPE_MATCH_MS });
  r.swipes += labelled.length;
  r.truePositives += match.truePositives;
  r.falsePositives += match.falsePositives;
  r.falseNegatives += match.falseNegatives;
  if (labelled.length === 0) {
    r.nonSwipeSeconds += clip.seconds;
    r.falseSwipesOnNonSwipe += match.falsePositives;
  }
  const startT = (frame: number): number => (timestamps[frame] ?? 0) - SWIPE_MATCH_MS;
  for (const l of labelled) {
    const row = (r.confusion[l.label] ??= {});
    const hit = match.matches.find((m) => m.labelled === l);
    const other = hit ? undefined : events.find((e) => startT(e.startFrame) <= (timestamps[l.endFrame] ?? 0) && e.endFrame >= l.startFrame);
    const got = hit ? hit.predicted.label : other ? other.label : 'missed';
    row[got] = (row[got] ?? 0) + 1;
    if (!hit) r.missed.push(`${clip.name} ${l.label} ${l.startFrame}-${l.endFrame}${other ? ` (gave ${other.label})` : ''}`);
  }
  for (const e of match.falsePositiveEvents) {
    r.fired.push(`${clip.name} ${e.label} at frames ${e.startFrame}-${e.endFrame}`);
    if (labelled.length === 0) {
      const row = (r.confusion.none ??= {});
      row[e.label] = (row[e.label] ?? 0) + 1;
    }
  }
}
