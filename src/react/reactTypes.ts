import type { RefCallback } from 'react';
import type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus } from '../pipeline/pipelineTypes.js';
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
