import { transfer } from 'comlink';
import { recogniseSwipe } from '../filters/recogniseSwipe.js';
import { resolveSwipeOptions, type ResolvedSwipeOptions } from '../filters/resolveSwipeOptions.js';
import { SWIPE_LABELS } from '../filters/swipeTypes.js';
import type { ClassifierInfo, ClassifierWorkerApi, SwipeClassifierInit } from './classifierProtocol.js';
import { ModelLoadError } from './workerErrors.js';

/** The name the swipe recogniser goes by where a model URL would stand (errors, `info.source`). */
export const SWIPE_MODEL_SOURCE = 'swipes (posestream\'s swipe recogniser)';

/**
 * The swipe recogniser as a classifier worker service: no model file and no TensorFlow.js, just
 * `recogniseSwipe` on each window (about 0.08 ms for 61 frames in Node on this 2-core machine), scores in {@link SWIPE_LABELS} order. Windows need
 * their {@link WindowContext} (aspect, span, covered span); without it the window is taken as square, fully covered
 * and spanning the window size at 20 fps.
 *
 * @internal
 */
export function createSwipeClassifierService(): ClassifierWorkerApi<SwipeClassifierInit> {
  let options: ResolvedSwipeOptions | undefined;
  return {
    async init(init) {
      options = resolveSwipeOptions(init.swipes ?? {}, 'createClassifierWorker({ model: \'swipes\' })');
      if (init.windowSize !== undefined && !(Number.isInteger(init.windowSize) && init.windowSize >= 3)) {
        throw new ModelLoadError(SWIPE_MODEL_SOURCE, `the swipe recogniser needs windows of at least 3 frames; windowSize is ${init.windowSize}`);
      }
      const info: ClassifierInfo = { source: SWIPE_MODEL_SOURCE, labels: [...SWIPE_LABELS], windowSize: undefined, inputLayout: 'nx21x3', backend: 'rules' };
      return info;
    },
    async classify(window, shape, context) {
      if (options === undefined) throw new Error('swipe classifier: classify() before init()');
      const [n] = shape;
      const span = context?.spanMs ?? ((n - 1) * 1000) / 20;
      const verdict = recogniseSwipe(window, n, context ?? { aspect: 1, spanMs: span, coveredMs: span }, options);
      return transfer(verdict.scores, [verdict.scores.buffer]);
    },
  };
}
