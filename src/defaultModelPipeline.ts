import type { GestureTrackerOptions } from './filters/handMathTypes.js';
import type { MissingHandPolicy } from './operators/operatorTypes.js';

/** The settings of `slidingWindow` and `stableGestures` a gesture model is meant to run with. */
export interface ModelPipelineSettings {
  /** `slidingWindow` resampling: the model's frames over its duration (its training frame rate). */
  window: { frames: number; durationMs: number };
  onMissingHand: MissingHandPolicy;
  /** The longest gap (ms) `'hold'` / `'skip'` bridges (`slidingWindow`'s `maxGapMs`). */
  maxGapMs: number;
  gestures: GestureTrackerOptions;
}

/**
 * How to run the shipped default model (`models/default`), as `npm run eval` measures it: windows of 30 frames
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
 * import { DEFAULT_MODEL_PIPELINE as p, slidingWindow, classifyLatest, stableGestures } from 'posestream';
 * poses$.pipe(
 *   slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }),
 *   classifyLatest((w) => classifier.classifyWindow(w)),
 *   stableGestures(p.gestures),
 * );
 * ```
 */
export const DEFAULT_MODEL_PIPELINE: Readonly<ModelPipelineSettings> = Object.freeze({
  window: Object.freeze({ frames: 30, durationMs: (29 * 1000) / 30 }),
  onMissingHand: 'skip',
  maxGapMs: 500,
  gestures: Object.freeze({ threshold: 0.9, minConsecutive: 1, cooldownMs: 500 }),
});
