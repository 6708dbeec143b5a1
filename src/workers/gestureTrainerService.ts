import { teachGestureModel } from '../teach/teachGestureModel.js';
import type { TeachDone, TeachingInput, TeachOptions, TeachProgress } from '../teach/teachTypes.js';

/** What the page sends the trainer worker: the input, the options, and the port progress goes out on. */
export interface TeachRequest {
  input: TeachingInput;
  options: TeachOptions;
  /** Receives each {@link TeachProgress}; closed when teaching ends. */
  progress: MessagePort;
}

/** The trainer worker's API. */
export interface GestureTrainerApi {
  /** Teaches a model (`teachGestureModel`), posting progress on `request.progress`; rejects with its `TeachingError`. */
  teach(request: TeachRequest): Promise<TeachDone>;
}

/**
 * The trainer worker's service: `teachGestureModel` with its progress posted on the request's port, so the page
 * does no training work. @internal
 */
export function createGestureTrainerService(): GestureTrainerApi {
  return {
    async teach({ input, options, progress }) {
      try {
        return await teachGestureModel(input, options, (p: TeachProgress) => progress.postMessage(p));
      } finally {
        progress.close();
      }
    },
  };
}
