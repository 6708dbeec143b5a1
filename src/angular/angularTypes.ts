import type { ElementRef, Injector, Signal } from '@angular/core';
import type { Observable } from 'rxjs';
import type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus } from '../pipeline/pipelineTypes.js';
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
