import { Subscription } from 'rxjs';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { HandGesturePipeline, HandGesturePipelineInfo } from '../pipeline/pipelineTypes.js';
import type { TeachingInput } from '../teach/teachTypes.js';
import { createGestureTrainer, type GestureTrainerOptions } from '../workers/createGestureTrainer.js';
import { INITIAL_GESTURE_TRAINER_STATE, type GestureTrainerState } from './trainerTypes.js';

/** Progress reaches the framework's state at most this often, ms (and at each new step). */
const PROGRESS_STATE_MS = 100;

/**
 * Teaches `input` in a new trainer worker (`createGestureTrainer(options)`), writing the framework trainer's state
 * through `set`: `'teaching'` with progress (at most every 100 ms, and at each new step), then `'done'` with the
 * result or `'error'`. Unsubscribing the returned subscription cancels the teaching and terminates the worker (the
 * state is left to the caller). Wrong options are an `'error'` state with the `InvalidOptionError`. @internal
 */
export function startTeaching(options: GestureTrainerOptions, input: TeachingInput, set: (state: GestureTrainerState) => void): Subscription {
  let trainer: ReturnType<typeof createGestureTrainer>;
  try {
    trainer = createGestureTrainer(options);
  } catch (error) {
    set({ ...INITIAL_GESTURE_TRAINER_STATE, status: 'error', error: error as Error });
    return Subscription.EMPTY;
  }
  set({ ...INITIAL_GESTURE_TRAINER_STATE, status: 'teaching' });
  let shownAt = -Infinity;
  let shownStep = '';
  return trainer.teach(input).subscribe({
    next: (event) => {
      if (event.type === 'done') {
        set({ status: 'done', progress: null, result: event, error: null });
        return;
      }
      const now = performance.now();
      if (event.step === shownStep && now - shownAt < PROGRESS_STATE_MS) return;
      shownAt = now;
      shownStep = event.step;
      set({ status: 'teaching', progress: event, result: null, error: null });
    },
    error: (error: unknown) => set({ ...INITIAL_GESTURE_TRAINER_STATE, status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
  });
}

/**
 * `pipeline.useGestureModel(model)` for a framework trainer's `apply`: `model`, else the last result's. Rejects with
 * an `InvalidOptionError` when there is no pipeline (not started yet) or no model (nothing taught yet), else as
 * `useGestureModel` does. @internal
 */
export function applyTaughtModel(where: string, pipeline: HandGesturePipeline | null | undefined, model: TaughtGestureModel | undefined): Promise<HandGesturePipelineInfo> {
  if (pipeline === null || pipeline === undefined) {
    return Promise.reject(new InvalidOptionError(where, 'pipeline', 'the running pipeline of useHandGestures / injectHandGestures (it starts after the first render)', 'none'));
  }
  if (model === undefined) return Promise.reject(new InvalidOptionError(where, 'model', 'a taught model: teach first, or pass one (e.g. from loadGestureModel)', 'none'));
  return pipeline.useGestureModel(model);
}
