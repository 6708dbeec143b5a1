import type { RefCallback } from 'react';
import type { GestureTrainerState } from '../adapters/trainerTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { HandGesturePipeline, HandGesturePipelineInfo, HandGesturePipelineOptions, HandGesturePipelineStatus } from '../pipeline/pipelineTypes.js';
import type { TeachingInput } from '../teach/teachTypes.js';
import type { GestureTrainerOptions } from '../workers/createGestureTrainer.js';
import type { GestureEvent, PipelineStats, PoseFrame, Prediction } from '../types.js';

/** Options of `useHandGestures`: the pipeline's options plus what only React needs. */
export interface UseHandGesturesOptions extends HandGesturePipelineOptions {
  /** `false` keeps the pipeline stopped (camera closed, no workers) until it becomes `true`. @default true */
  enabled?: boolean;
  /**
   * Called with each pose frame (landmarks) of the pipeline's `poses$` outside React rendering: draw on a canvas
   * here (off the main thread, the latest one at most once per animation frame). The newest function is used
   * without restarting the pipeline. @default undefined (pose frames are not read)
   */
  onPoses?: (frame: PoseFrame) => void;
  /** Throw a fatal error during rendering, for the nearest error boundary. @default false (it is in `error`) */
  throwOnError?: boolean;
}

/** The pipeline's low-frequency state as React state. */
export interface HandGesturesState {
  /** The gesture held now (its start event), or null. */
  gesture: GestureEvent | null;
  /** The latest classifier prediction (updated at most every 100 ms; all of them: `pipeline.predictions$`), or null before the first. */
  prediction: Prediction | null;
  /** The latest pipeline statistics, or null before the first tick. */
  stats: PipelineStats | null;
  /** `'idle'` before the pipeline starts (and on a server, and while `enabled` is false), then the pipeline's. */
  status: HandGesturePipelineStatus | 'idle';
  /** The last error the pipeline reported (fatal ones also set status `'error'`), or null. */
  error: Error | null;
  /** The running pipeline (for its other Observables, e.g. `gestures$`), or null before it starts. */
  pipeline: HandGesturePipeline | null;
}

/** What `useHandGestures` returns. */
export interface UseHandGesturesResult extends HandGesturesState {
  /** Put on a `<video>` of the same component: the camera or file source plays in it (unless given one). */
  videoRef: RefCallback<HTMLVideoElement>;
}

/** The state before a pipeline starts. */
export const INITIAL_HAND_GESTURES_STATE: HandGesturesState = Object.freeze({
  gesture: null,
  prediction: null,
  stats: null,
  status: 'idle',
  error: null,
  pipeline: null,
});

/** Options of `useGestureTrainer`: how to teach (`createGestureTrainer`'s options) and the pipeline `apply` switches. */
export interface UseGestureTrainerOptions extends GestureTrainerOptions {
  /**
   * The running pipeline `apply()` switches to the taught model: `useHandGestures().pipeline`.
   * @default undefined (`apply` rejects: nothing to apply to)
   */
  pipeline?: HandGesturePipeline | null;
}

/** What `useGestureTrainer` returns: its state, and the functions (stable across renders). */
export interface UseGestureTrainerResult extends GestureTrainerState {
  /** Teaches a model from `input` (examples, recordings) in a new trainer worker; cancels teaching under way. */
  teach(input: TeachingInput): void;
  /** Cancels teaching under way: its worker is terminated, no half-taught model is kept, status back to `'idle'`. */
  cancel(): void;
  /**
   * Switches `pipeline` to `model` (the last result's model when left out) without restarting the camera or the
   * hand estimator (`pipeline.useGestureModel`); resolves with the new model's info. Rejects with an
   * `InvalidOptionError` when there is no pipeline or no model yet, else as `useGestureModel` does.
   */
  apply(model?: TaughtGestureModel): Promise<HandGesturePipelineInfo>;
}
