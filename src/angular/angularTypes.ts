import type { ElementRef, Injector, Signal } from '@angular/core';
import type { Observable } from 'rxjs';
import type { GestureTrainerStatus } from '../adapters/trainerTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { HandGesturePipeline, HandGesturePipelineInfo, HandGesturePipelineOptions, HandGesturePipelineStatus } from '../pipeline/pipelineTypes.js';
import type { TeachDone, TeachingInput, TeachProgress } from '../teach/teachTypes.js';
import type { GestureTrainerOptions } from '../workers/createGestureTrainer.js';
import type { GestureEvent, PipelineStats, PoseFrame, Prediction } from '../types.js';

/** Options of `injectHandGestures`: pipeline options (over those of `provideHandGestures`) plus Angular wiring. */
export interface InjectHandGesturesOptions extends HandGesturePipelineOptions {
  /**
   * The `<video>` the camera or file plays in, read once after the first render: e.g. a `viewChild` signal
   * (`video: this.video` with `video = viewChild<ElementRef<HTMLVideoElement>>('video')`).
   * @default undefined (the source's own element, or a hidden one)
   */
  video?: () => HTMLVideoElement | ElementRef<HTMLVideoElement> | null | undefined;
  /** The injector to use outside an injection context (e.g. in `ngOnInit`). @default the current injection context's */
  injector?: Injector;
}

/** What `injectHandGestures` returns: signals for low-frequency state, Observables for every event and frame. */
export interface HandGestures {
  /** The gesture held now (its start event), or null. */
  readonly gesture: Signal<GestureEvent | null>;
  /** The latest classifier prediction (updated at most every 100 ms; all of them: `predictions$`), or null before the first. */
  readonly prediction: Signal<Prediction | null>;
  /** The latest pipeline statistics, or null before the first tick. */
  readonly stats: Signal<PipelineStats | null>;
  /** `'idle'` until the pipeline starts (after the first render; never on a server), then the pipeline's status. */
  readonly status: Signal<HandGesturePipelineStatus | 'idle'>;
  /** The last error the pipeline reported (fatal ones also set status `'error'`), or null. */
  readonly error: Signal<Error | null>;
  /** The running pipeline, or null before it starts. */
  readonly pipeline: Signal<HandGesturePipeline | null>;
  /**
   * Every pose frame (landmarks, for drawing), emitted outside Angular's zone: subscribing runs no change
   * detection per frame. Completes when the owner is destroyed.
   */
  readonly poses$: Observable<PoseFrame>;
  /** Gesture start/end events, outside Angular's zone too. Completes when the owner is destroyed. */
  readonly gestures$: Observable<GestureEvent>;
}

/** Options of `injectGestureTrainer`: how to teach (`createGestureTrainer`'s options) plus Angular wiring. */
export interface InjectGestureTrainerOptions extends GestureTrainerOptions {
  /**
   * The running pipeline `apply()` switches to the taught model, read when `apply` is called: e.g.
   * `injectHandGestures().pipeline` (a signal).
   * @default undefined (`apply` rejects: nothing to apply to)
   */
  pipeline?: () => HandGesturePipeline | null;
  /** The injector to use outside an injection context. @default the current injection context's */
  injector?: Injector;
}

/** What `injectGestureTrainer` returns: signals for its state, and the functions. */
export interface HandGestureTrainer {
  /** Where it is: `'idle'`, `'teaching'`, `'done'` or `'error'`. */
  readonly status: Signal<GestureTrainerStatus>;
  /** The latest progress of the teaching under way (step, score so far, time left), or null. */
  readonly progress: Signal<TeachProgress | null>;
  /** The last teaching's result (its `model`: the taught model), or null until one completes. */
  readonly result: Signal<TeachDone | null>;
  /** Why the last teaching failed (a `TeachingError`, a worker error), or null. */
  readonly error: Signal<Error | null>;
  /** Teaches a model from `input` (examples, recordings) in a new trainer worker; cancels teaching under way. */
  teach(input: TeachingInput): void;
  /** Cancels teaching under way: its worker is terminated, no half-taught model is kept, status back to `'idle'`. */
  cancel(): void;
  /**
   * Switches the pipeline to `model` (the last result's model when left out) without restarting the camera or the
   * hand estimator (`pipeline.useGestureModel`); resolves with the new model's info. Rejects with an
   * `InvalidOptionError` when there is no pipeline or no model yet, else as `useGestureModel` does.
   */
  apply(model?: TaughtGestureModel): Promise<HandGesturePipelineInfo>;
}
