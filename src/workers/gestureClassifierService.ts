import type { ClassifierInfo, ClassifierWorkerApi, SwipeClassifierInit, TemplateClassifierInit, TfjsClassifierInit } from './classifierProtocol.js';
import { createSwipeClassifierService } from './swipeClassifier.js';
import { createTemplateClassifierService, readTaughtModelSource } from './templateClassifier.js';
import { createTfjsClassifierService } from './tfjsClassifier.js';

/** What the packaged classifier worker is initialised with: a TensorFlow.js model, the swipe recogniser, or a taught model. */
export type GestureClassifierInit = TfjsClassifierInit | SwipeClassifierInit | TemplateClassifierInit;

/**
 * The packaged classifier worker's service: the swipe recogniser for `{ kind: 'swipes' }`, a taught template model for
 * `{ kind: 'templates' }` or a model URL whose JSON is one, else the TensorFlow.js classifier. Each `init` picks again (a pipeline can switch models on the same worker).
 *
 * @internal
 */
export function createGestureClassifierService(): ClassifierWorkerApi<GestureClassifierInit> {
  const swipes = createSwipeClassifierService();
  let tfjs: ClassifierWorkerApi<TfjsClassifierInit> | undefined;
  let templates: ClassifierWorkerApi<TemplateClassifierInit> | undefined;
  let current: ClassifierWorkerApi<never> | undefined;
  return {
    async init(init): Promise<ClassifierInfo> {
      if ('kind' in init && init.kind === 'swipes') {
        const info = await swipes.init(init);
        current = swipes as ClassifierWorkerApi<never>;
        return info;
      }
      const taught = 'kind' in init ? init.model : await readTaughtModelSource(init.model);
      if (taught !== undefined) {
        templates ??= createTemplateClassifierService();
        const info = await templates.init({ kind: 'templates', model: init.model, windowSize: init.windowSize });
        current = templates as ClassifierWorkerApi<never>;
        return info;
      }
      tfjs ??= createTfjsClassifierService();
      const info = await tfjs.init(init as TfjsClassifierInit);
      current = tfjs as ClassifierWorkerApi<never>;
      return info;
    },
    classify(window, shape, context) {
      if (current === undefined) return Promise.reject(new Error('classifier worker: classify() before init()'));
      return current.classify(window, shape, context);
    },
  };
}
