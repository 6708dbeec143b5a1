import { createClassifierClient, packagedEntry, type ClassifierWorker, type ClassifierWorkerCommonOptions } from './classifierClient.js';

/** Options of {@link createFunctionClassifierWorker}. */
export interface FunctionClassifierWorkerOptions extends ClassifierWorkerCommonOptions {
  /**
   * Your classifier module: a URL or (Node) path of a module that default-exports
   * `(window: Float32Array, shape: [N, 21, 3]) => scores` (sync or async) and exports `labels`.
   */
  module: string | URL;
  /**
   * Class labels, if the module does not export them.
   * @default the module's `labels` export
   */
  labels?: readonly string[];
}

/**
 * Runs your own classifier function module in a worker, as a {@link ClassifierWorker}.
 *
 * The worker imports the module at start; a module that cannot be imported, lacks a default function or has no
 * labels rejects `ready` and every `classify` with a `ModelLoadError` naming it. Windows are transferred.
 *
 * @example
 * ```ts
 * import { createFunctionClassifierWorker } from 'posestream/workers';
 * const classifier = createFunctionClassifierWorker({ module: new URL('./myClassifier.js', import.meta.url) });
 * const prediction = await classifier.classifyWindow(window);
 * ```
 */
export function createFunctionClassifierWorker(options: FunctionClassifierWorkerOptions): ClassifierWorker {
  const source = options.module instanceof URL ? options.module.href : options.module;
  return createClassifierClient(
    options.entry ?? packagedEntry('functionClassifierWorker'),
    { module: source, labels: options.labels },
    source,
    { name: 'function-classifier', ...options },
  );
}
