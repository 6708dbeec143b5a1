import type { TeachDone, TeachProgress } from '../teach/teachTypes.js';

/**
 * Where a framework trainer (`useGestureTrainer`, `injectGestureTrainer`) is: `'idle'` (nothing taught yet, or the
 * teaching was cancelled), `'teaching'` (a worker is teaching), `'done'` (`result` holds the taught model) or
 * `'error'` (`error` says why: a `TeachingError` for examples that cannot be used, a worker error).
 */
export type GestureTrainerStatus = 'idle' | 'teaching' | 'done' | 'error';

/** A framework trainer's state: low-frequency (progress at most every 100 ms, and at each new step). */
export interface GestureTrainerState {
  /** Where it is. */
  status: GestureTrainerStatus;
  /** The latest progress of the teaching under way (its step, score so far, time left), or null. */
  progress: TeachProgress | null;
  /** The last teaching's result (its `model`: the taught model), or null until one completes. */
  result: TeachDone | null;
  /** Why the last teaching failed, or null. */
  error: Error | null;
}

/** The state before anything is taught. */
export const INITIAL_GESTURE_TRAINER_STATE: GestureTrainerState = Object.freeze({ status: 'idle', progress: null, result: null, error: null });
