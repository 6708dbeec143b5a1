import type { ResampleSpec } from './filters/createPoseWindow.js';
import type { GestureTrackerOptions } from './filters/handMathTypes.js';
import type { MissingHandPolicy } from './operators/operatorTypes.js';

/** The settings of `slidingWindow` and `stableGestures` a gesture model is meant to run with. */
export interface ModelPipelineSettings {
  /** `slidingWindow` resampling: the model's frames over its duration (its training frame rate). */
  window: ResampleSpec;
  /** What a frame without a hand does to the window (`slidingWindow`'s `onMissingHand`). */
  onMissingHand: MissingHandPolicy;
  /** The longest gap (ms) `'hold'` / `'skip'` bridges (`slidingWindow`'s `maxGapMs`). */
  maxGapMs: number;
  /** The `stableGestures` settings (threshold, consecutive predictions, cooldown) the model's scores are meant for. */
  gestures: GestureTrackerOptions;
}

/**
 * The `slidingWindow` and `stableGestures` settings of the shipped learned model (`'default'`, `models/default`), as
 * `npm run eval` measures it (`DEFAULT_SWIPE_SETTINGS` are the swipe recogniser's): windows of 30 frames
 * resampled over 966.7 ms (29 frame intervals at 30 fps: exactly the span of the 30 consecutive 30 fps frames the
 * model was trained on, whatever rate the camera and estimator reach; 1000 ms would show it every motion 3 % slower
 * than in training); frames
 * without a hand are skipped, not a reset (the estimator loses a fast, blurred hand in the middle of most real
 * swipes, and resampling interpolates across the gap) for at most 500 ms (the longest gap in the evaluation's
 * clips is 467 ms; a hand gone longer starts a new window); a gesture starts on one prediction of at least 0.9, with a
 * 500 ms cooldown against double triggers. `docs/evaluation.md` has the figures behind each choice.
 *
 * @example
 * ```ts
 * import { DEFAULT_MODEL_SETTINGS as p, slidingWindow, classifyLatest, stableGestures } from 'posestream';
 * poses$.pipe(
 *   slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }),
 *   classifyLatest((w) => classifier.classifyWindow(w)),
 *   stableGestures(p.gestures),
 * );
 * ```
 */
export const DEFAULT_MODEL_SETTINGS: Readonly<ModelPipelineSettings> = Object.freeze({
  window: Object.freeze({ frames: 30, durationMs: (29 * 1000) / 30 }),
  onMissingHand: 'skip',
  maxGapMs: 500,
  gestures: Object.freeze({ threshold: 0.9, minConsecutive: 1, cooldownMs: 500 }),
});

/**
 * The `slidingWindow` and `stableGestures` settings of the swipe recogniser (`gestureModel: 'swipes'`, the pipeline's
 * default; its own checks' defaults are `DEFAULT_SWIPE_OPTIONS`): windows of 61 instants over
 * 3000 ms (one every 50 ms: a 0.25 s swipe spans 5 of them, a 2.5 s swipe fits with its stop), started once the
 * hand has been seen for 300 ms (`minDurationMs`: a hand raised and swiped at once is not missed waiting for 3 s of
 * it); frames without a hand skipped for at most 500 ms (fast swipes blur and lose the hand for a few frames); a
 * gesture on the first window that reports the swipe (the recogniser's own checks decide; its scores are 0 or 1),
 * and 800 ms of cooldown after it ends (longer than the 600 ms a stop is reported for, so one stroke is one event
 * even where a check flickers between windows, and a return stroke right after is not a second event).
 *
 * @example
 * ```ts
 * import { DEFAULT_SWIPE_SETTINGS as p, slidingWindow, classifyLatest, stableGestures } from 'posestream';
 * import { createClassifierWorker } from 'posestream/workers';
 * const classifier = createClassifierWorker({ model: 'swipes' });
 * poses$.pipe(
 *   slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }),
 *   classifyLatest((w) => classifier.classifyWindow(w)),
 *   stableGestures(p.gestures),
 * );
 * ```
 */
export const DEFAULT_SWIPE_SETTINGS: Readonly<ModelPipelineSettings> = Object.freeze({
  window: Object.freeze({ frames: 61, durationMs: 3000, minDurationMs: 300 }),
  onMissingHand: 'skip',
  maxGapMs: 500,
  gestures: Object.freeze({ threshold: 0.5, minConsecutive: 1, cooldownMs: 800 }),
});
