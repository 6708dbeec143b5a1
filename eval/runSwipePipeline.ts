/**
 * The full event pipeline over recorded frames, as the live app runs it: frames -> slidingWindow (resampled to
 * the model's frames over its duration) -> the classifier -> stableGestures -> events.
 */
import { concatMap, from, lastValueFrom, tap, toArray } from 'rxjs';
import { slidingWindow } from '../src/operators/slidingWindow.js';
import { stableGestures } from '../src/operators/stableGestures.js';
import type { GestureTrackerOptions } from '../src/filters/handMathTypes.js';
import { DEFAULT_MODEL_SETTINGS } from '../src/defaultModelSettings.js';
import type { MissingHandPolicy } from '../src/operators/operatorTypes.js';
import type { GestureEvent, PoseFrame, PoseWindow, Prediction } from '../src/types.js';
import type { FrameEvent } from './matchSwipeEvents.js';

/**
 * The pipeline settings the default model is evaluated with: `DEFAULT_MODEL_SETTINGS`'s (its TSDoc says why each).
 */
export const SWIPE_SETTINGS = {
  window: DEFAULT_MODEL_SETTINGS.window,
  onMissingHand: DEFAULT_MODEL_SETTINGS.onMissingHand,
  maxGapMs: DEFAULT_MODEL_SETTINGS.maxGapMs,
  tracker: DEFAULT_MODEL_SETTINGS.gestures,
};

/** Options of {@link runSwipePipeline}. */
export interface SwipePipelineOptions {
  /** @default SWIPE_SETTINGS.window */
  window?: { frames: number; durationMs: number };
  /** @default SWIPE_SETTINGS.onMissingHand */
  onMissingHand?: MissingHandPolicy;
  /** @default SWIPE_SETTINGS.tracker */
  tracker?: GestureTrackerOptions;
}

/** What the pipeline produced over one clip. */
export interface SwipePipelineResult {
  predictions: Prediction[];
  /** The `stableGestures` events (start and end). */
  gestures: GestureEvent[];
  /** One event per gesture (its `end` event: first to last agreeing window end). */
  events: FrameEvent[];
}

/**
 * Replays `frames` through the pipeline. Every window is classified, in order (`concatMap`): what `classifyLatest`
 * does when the classifier keeps up with the frame rate (a window takes a few ms here; a 15 fps clip gives one
 * every 67 ms), so the figures do not depend on this machine's load.
 *
 * @example
 * ```ts
 * const worker = createClassifierWorker({ model: 'models/default/model.json' });
 * const { events } = await runSwipePipeline(recording.frames, (w) => worker.classifyWindow(w));
 * ```
 */
export async function runSwipePipeline(
  frames: readonly PoseFrame[],
  classify: (window: PoseWindow) => Promise<Prediction>,
  options: SwipePipelineOptions = {},
): Promise<SwipePipelineResult> {
  const window = options.window ?? SWIPE_SETTINGS.window;
  const predictions: Prediction[] = [];
  const gestures = await lastValueFrom(
    from(frames).pipe(
      slidingWindow(window.frames, { resample: window, onMissingHand: options.onMissingHand ?? SWIPE_SETTINGS.onMissingHand, maxGapMs: SWIPE_SETTINGS.maxGapMs }),
      concatMap((w) => classify(w)),
      tap((p) => predictions.push(p)),
      stableGestures(options.tracker ?? SWIPE_SETTINGS.tracker),
      toArray(),
    ),
  );
  const events = gestures
    .filter((g) => g.phase === 'end')
    .map((g) => ({ label: g.label, startFrame: g.startFrame, endFrame: g.endFrame, score: g.score }));
  return { predictions, gestures, events };
}
