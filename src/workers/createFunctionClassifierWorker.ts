import { createClassifierClient, packagedEntry, type ClassifierWorker, type ClassifierWorkerCommonOptions } from './classifierClient.js';
import { checkSpawnOptions, createOptionChecks } from './createOptionChecks.js';
import { isNode } from './startRawWorker.js';

/** Options of {@link createFunctionClassifierWorker}. */
export interface FunctionClassifierWorkerOptions extends ClassifierWorkerCommonOptions {
  /**
   * Your classifier module: a URL or (Node) path of a module that default-exports
   * `(window: Float32Array, shape: [N, 21, 3]) => scores` (sync or async) and exports `labels`. In a browser it
   * is imported by URL at run time (not bundled): serve it as a standalone ES module.
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
 * labels rejects `ready` and every `classify` with a `ModelLoadError` naming it. Windows are transferred. An
 * exception thrown by your function rejects that call with a `ClassifierError` naming the module and the
 * window shape (with your function's stack); a dying or hung worker (`timeoutMs`, 10 s) rejects with a
 * `WorkerError` / `WorkerTimeoutError` naming your module; with `restart: true` it is respawned and only the
 * call in flight is lost. Every option is checked first: a wrong one throws an `InvalidOptionError` naming it
 * before any worker starts.
 *
 * @example
 * ```ts
 * import { createFunctionClassifierWorker } from 'posestream/workers';
 * const classifier = createFunctionClassifierWorker({ module: new URL('./myClassifier.js', import.meta.url), restart: true });
 * const prediction = await classifier.classifyWindow(window);
 * ```
 */
export function createFunctionClassifierWorker(options: FunctionClassifierWorkerOptions): ClassifierWorker {
  const check = createOptionChecks('createFunctionClassifierWorker'); // every option, before the worker starts
  check.object('options', options);
  if (options.module === undefined) check.fail('module', 'the URL or path of your classifier module', undefined);
  check.url('module', options.module);
  check.strings('labels', options.labels);
  checkSpawnOptions(check, options);
  const source = options.module instanceof URL ? options.module.href : options.module;
  const packaged = isNode()
    ? packagedEntry('functionClassifierWorker')
    : () => new Worker(new URL('./functionClassifierWorker.worker.js', import.meta.url), { type: 'module', name: 'function-classifier' });
  return createClassifierClient(packaged, { module: source, labels: options.labels }, source, {
    name: 'function-classifier',
    ...options,
    factory: 'createFunctionClassifierWorker',
  });
}
