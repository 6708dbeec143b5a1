import { DEFAULT_SWIPE_SETTINGS } from '../defaultModelSettings.js';
import type { GestureTrackerOptions } from '../filters/handMathTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { MissingHandPolicy } from '../operators/operatorTypes.js';
import { TaughtModelError } from '../teach/TaughtModelError.js';
import type { HandGesturePipelineOptions } from './pipelineTypes.js';

/** What stands for a taught model given as an object in messages (as the classifier worker names it). */
const TAUGHT_MODEL_SOURCE = 'a taught gesture model (object)';

/** The window and gesture settings the pipeline runs a model with. @internal */
export interface GestureStageSettings {
  window: { frames: number; durationMs: number; minDurationMs: number; onMissingHand: MissingHandPolicy; maxGapMs: number };
  gestures: GestureTrackerOptions;
}

const describe = (w: { frames?: number | undefined; durationMs?: number | undefined }): string => `${w.frames ?? '?'} frames over ${w.durationMs ?? '?'} ms`;

/**
 * The window and `stableGestures` settings a pipeline runs `model` with (its `gestureModel` option, or
 * `pipeline.useGestureModel(model)`): a taught model's own (`model.window`, `onMissingHand`, `maxGapMs`,
 * `gestures`); for `'swipes'` the pipeline's `window` / `gestures` options where given, else
 * DEFAULT_SWIPE_SETTINGS's. A taught model whose window does not fit a `window.frames` or `window.durationMs` the
 * pipeline was created with is a {@link TaughtModelError} naming both (and the model: `source`, its URL or what
 * stands for the object). @internal
 */
export function gestureModelSettings(
  model: TaughtGestureModel | 'swipes',
  options: HandGesturePipelineOptions,
  current: GestureStageSettings,
  source = TAUGHT_MODEL_SOURCE,
): GestureStageSettings {
  const given = options.window ?? {};
  if (model === 'swipes') {
    const d = DEFAULT_SWIPE_SETTINGS;
    const frames = given.frames ?? d.window.frames;
    const durationMs = given.durationMs ?? d.window.durationMs;
    return {
      window: {
        frames,
        durationMs,
        minDurationMs: Math.min(durationMs, given.minDurationMs ?? d.window.minDurationMs ?? durationMs),
        onMissingHand: given.onMissingHand ?? d.onMissingHand,
        maxGapMs: given.maxGapMs ?? d.maxGapMs,
      },
      gestures: options.gestures ?? d.gestures,
    };
  }
  const w = model.window;
  if ((given.frames !== undefined && given.frames !== w.frames) || (given.durationMs !== undefined && given.durationMs !== w.durationMs)) {
    throw new TaughtModelError(
      source,
      `its window settings do not fit this pipeline: the model was taught on windows of ${describe(w)}, the pipeline's "window" option is ${describe({ frames: given.frames ?? current.window.frames, durationMs: given.durationMs ?? current.window.durationMs })} (create the pipeline without "window.frames" / "window.durationMs", or teach with the same window)`,
    );
  }
  return {
    window: { frames: w.frames, durationMs: w.durationMs, minDurationMs: Math.min(w.durationMs, w.minDurationMs ?? w.durationMs), onMissingHand: model.onMissingHand, maxGapMs: model.maxGapMs },
    gestures: { ...model.gestures },
  };
}
