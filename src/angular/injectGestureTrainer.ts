import { DestroyRef, Injector, NgZone, assertInInjectionContext, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { applyTaughtModel, startTeaching } from '../adapters/startTeaching.js';
import { INITIAL_GESTURE_TRAINER_STATE, type GestureTrainerState } from '../adapters/trainerTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { HandGesturePipelineInfo } from '../pipeline/pipelineTypes.js';
import type { TeachingInput } from '../teach/teachTypes.js';
import type { HandGestureTrainer, InjectGestureTrainerOptions } from './angularTypes.js';

/**
 * Teaches gesture models from examples for the lifetime of the calling component, directive or service
 * (`createGestureTrainer`: a trainer worker per teaching, the page's main thread does no training work), its state
 * as signals: `status`, `progress` (step, score so far, time left; at most every 100 ms and at each new step),
 * `result` (the taught model) and `error`.
 *
 * Call it in an injection context (a field initialiser or constructor), or pass `injector`. `teach(input)` starts
 * teaching (cancelling one under way) outside Angular's zone, so the worker's messages run no change detection in
 * zone.js apps; `cancel()` stops it: the worker is terminated and no half-taught model is kept (status back to
 * `'idle'`). `apply()` switches the running pipeline (`pipeline`: e.g. `injectHandGestures().pipeline`) to the
 * taught model (`pipeline.useGestureModel`: the camera and the hand estimator go on); `apply(model)` applies another
 * one (e.g. `loadGestureModel`'s). When the owner is destroyed (`DestroyRef`), teaching under way is cancelled and
 * its worker terminated. Nothing starts before `teach` is called.
 *
 * @example
 * ```ts
 * import { Component } from '@angular/core';
 * import { injectGestureTrainer, injectHandGestures } from 'posestream/angular';
 * import type { GestureExample } from 'posestream';
 *
 * @Component({ selector: 'app-teach', template: `<button (click)="train()">Train</button>
 *   <button [disabled]="trainer.status() !== 'done'" (click)="trainer.apply()">Use it</button>
 *   <p>{{ trainer.status() }} {{ trainer.progress()?.step }}</p>` })
 * export class Teach {
 *   readonly hands = injectHandGestures();
 *   readonly trainer = injectGestureTrainer({ pipeline: this.hands.pipeline });
 *   examples: GestureExample[] = [];
 *   train(): void { this.trainer.teach({ examples: this.examples }); }
 * }
 * ```
 */
export function injectGestureTrainer(options: InjectGestureTrainerOptions = {}): HandGestureTrainer {
  const { injector: given, pipeline, ...trainerOptions } = options;
  if (given === undefined) assertInInjectionContext(injectGestureTrainer);
  const injector = given ?? inject(Injector);
  const zone = injector.get(NgZone);
  const state = signal<GestureTrainerState>(INITIAL_GESTURE_TRAINER_STATE);
  let running: Subscription | null = null;
  let destroyed = false;
  const stop = (): void => {
    running?.unsubscribe(); // terminates the worker
    running = null;
  };
  injector.get(DestroyRef).onDestroy(() => {
    destroyed = true;
    stop();
  });
  const piece = <K extends keyof GestureTrainerState>(key: K) => signal<GestureTrainerState[K]>(INITIAL_GESTURE_TRAINER_STATE[key]);
  const status = piece('status');
  const progress = piece('progress');
  const result = piece('result');
  const error = piece('error');
  const write = (next: GestureTrainerState): void => {
    if (destroyed) return;
    state.set(next);
    status.set(next.status);
    progress.set(next.progress);
    result.set(next.result);
    error.set(next.error);
  };
  return {
    status: status.asReadonly(),
    progress: progress.asReadonly(),
    result: result.asReadonly(),
    error: error.asReadonly(),
    teach(input: TeachingInput): void {
      if (destroyed) return;
      stop();
      zone.runOutsideAngular(() => {
        running = startTeaching(trainerOptions, input, write);
      });
    },
    cancel(): void {
      if (running === null) return;
      stop();
      if (state().status === 'teaching') write(INITIAL_GESTURE_TRAINER_STATE);
    },
    apply(model?: TaughtGestureModel): Promise<HandGesturePipelineInfo> {
      return applyTaughtModel('injectGestureTrainer', pipeline?.(), model ?? result()?.model);
    },
  };
}
