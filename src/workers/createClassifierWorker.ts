import { createClassifierClient, packagedEntry, type ClassifierWorker, type ClassifierWorkerCommonOptions } from './classifierClient.js';

/** Options of {@link createClassifierWorker}. */
export interface ClassifierWorkerOptions extends ClassifierWorkerCommonOptions {
  /** model.json of a TensorFlow.js LayersModel: a URL (http:, https:, file:) or, in Node, a file path. */
  model: string | URL;
  /**
   * Class labels in model output order.
   * @default read from `labels.json` next to model.json
   */
  labels?: readonly string[];
  /**
   * Window size the model must take (checked against its input shape).
   * @default the model's own N
   */
  windowSize?: number;
  /**
   * TensorFlow.js backend: 'auto' tries wasm and falls back to cpu; `info.backend` says which is in use.
   * @default 'auto'
   */
  backend?: 'auto' | 'wasm' | 'cpu';
  /**
   * Browsers: URL prefix (ending in '/') where your app serves `@tensorflow/tfjs-backend-wasm/dist/*.wasm`.
   * In Node the installed package's files are used.
   * @default the wasm package's default (next to the worker script)
   */
  wasmPaths?: string;
}

/**
 * Runs a TensorFlow.js gesture classifier in a worker (Node worker_threads or a browser module Worker).
 *
 * The worker loads the LayersModel on the wasm backend (cpu fallback), checks that it takes
 * `[null, N, 21, 3]` or `[null, N, 63]` and outputs one score per label, then scores packed windows
 * (transferred, not copied). Load problems (404, corrupt model.json or weights, wrong shapes) reject `ready`
 * and every `classify` with a `ModelLoadError` naming the model; a dead worker rejects with a `WorkerError`.
 * `classifyWindow` is what `classifyLatest` calls. `dispose()` terminates the worker.
 *
 * @example
 * ```ts
 * import { classifyLatest, slidingWindow } from 'posestream';
 * import { createClassifierWorker } from 'posestream/workers';
 * const classifier = createClassifierWorker({ model: '/models/gestures/model.json', wasmPaths: '/wasm/' });
 * const predictions$ = poses$.pipe(slidingWindow(30), classifyLatest((w) => classifier.classifyWindow(w)));
 * ```
 */
export function createClassifierWorker(options: ClassifierWorkerOptions): ClassifierWorker {
  const source = options.model instanceof URL ? options.model.href : options.model;
  const init = {
    model: source,
    labels: options.labels,
    windowSize: options.windowSize,
    backend: options.backend,
    wasmPaths: options.wasmPaths,
  };
  return createClassifierClient(options.entry ?? packagedEntry('classifierWorker'), init, source, {
    name: 'classifier',
    ...options,
  });
}
