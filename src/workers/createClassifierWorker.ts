import { createClassifierClient, packagedEntry, type ClassifierWorker, type ClassifierWorkerCommonOptions } from './classifierClient.js';
import type { ClassifierInfo, SwipeClassifierInit, TemplateClassifierInit, TfjsClassifierInit } from './classifierProtocol.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import { TAUGHT_MODEL_SOURCE } from './templateClassifier.js';
import { checkSpawnOptions, createOptionChecks } from './createOptionChecks.js';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { resolveSwipeOptions } from '../filters/resolveSwipeOptions.js';
import type { SwipeOptions } from '../filters/swipeTypes.js';
import { SWIPE_MODEL_SOURCE } from './swipeClassifier.js';
import { isNode } from './startRawWorker.js';

/** Options of {@link createClassifierWorker}. */
export interface ClassifierWorkerOptions extends ClassifierWorkerCommonOptions {
  /**
   * The gesture model: `'swipes'` (the swipe recogniser: the four swipes of anyone, by their physical definition,
   * no model file; tune it with `swipes`), `'default'` (the TensorFlow.js model packaged in posestream, learned
   * from one person: swipes plus come / away / spin), the model.json of a TensorFlow.js LayersModel: a URL
   * (http:, https:, file:) or, in Node, a file path (its weights and `labels.json` sit next to it), or a taught
   * gesture model (`createGestureTrainer`): its JSON's URL or path (recognised by its `format`), or the object itself.
   * @default 'default'
   */
  model?: 'default' | 'swipes' | string | URL | TaughtGestureModel;
  /**
   * With `model: 'swipes'`: the recogniser's parameters (each documented with its unit and default), checked here.
   * @default DEFAULT_SWIPE_OPTIONS
   */
  swipes?: SwipeOptions;
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
   * Browsers: URL prefix (ending in '/') where your app serves `tfjs-backend-wasm.wasm`, `-simd.wasm` and
   * `-threaded-simd.wasm` (4.22.0). In Node the installed package's files are used.
   * @default the copies packaged in posestream (`dist/assets/tfjs/`), emitted by your bundler
   */
  wasmPaths?: string;
}

/** Browsers: a relative URL against the page (the worker's own `location` is its script's). Node: unchanged. */
function againstPage(url: string): string {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  return page !== undefined && !isNode() ? new URL(url, page).href : url;
}

/**
 * Why 'auto' runs on cpu: the wasm backend did not start from `wasmPaths` (or the packaged copies). For your own
 * `wasmPaths` in a browser, what the server answers for the SIMD build (the one Chromium, Firefox and Safari load).
 */
async function describeWasmFallback(wasmPaths: string | undefined): Promise<string> {
  const from = wasmPaths ?? "posestream's packaged copies (dist/assets/tfjs/)";
  const setBy = wasmPaths !== undefined ? 'set by the "wasmPaths" option' : 'override with the "wasmPaths" option';
  let answer = '';
  if (wasmPaths !== undefined && !isNode() && typeof fetch === 'function') {
    const url = `${wasmPaths}tfjs-backend-wasm-simd.wasm`; // a prefix, as tfjs uses it
    const status = await fetch(url, { method: 'HEAD' }).then(
      (r) => (r.ok ? `HTTP ${r.status} (the file is there: is it tfjs-backend-wasm 4.22.0, served as application/wasm?)` : `HTTP ${r.status}`),
      (e: unknown) => `not fetched (${String(e)})`,
    );
    answer = `; ${url}: ${status}`;
  }
  return `the TensorFlow.js wasm backend did not start from ${from} (${setBy}${answer}): the classifier runs on the cpu backend instead (slower)`;
}

/** The packaged default gesture model's three files, each its own literal URL so that bundlers emit them. */
function defaultModelFiles(): Pick<TfjsClassifierInit, 'model' | 'weightUrls' | 'labelsUrl'> {
  return {
    model: new URL('../../models/default/model.json', import.meta.url).href,
    weightUrls: { 'weights.bin': new URL('../../models/default/weights.bin', import.meta.url).href },
    labelsUrl: new URL('../../models/default/labels.json', import.meta.url).href,
  };
}

/**
 * Runs a gesture model in a worker (Node worker_threads or a browser module Worker): the swipe recogniser
 * (`'swipes'`), a taught template model, or a TensorFlow.js LayersModel (the packaged `'default'` or your model.json);
 * `createFunctionClassifierWorker` runs a classify function of your own instead.
 *
 * For a LayersModel, the worker loads it (the packaged `'default'` unless `model` says otherwise) on the wasm backend
 * (cpu fallback), checks that it takes `[null, N, 21, 3]` or `[null, N, 63]` and outputs one score per label,
 * then scores packed windows (transferred, not copied). Load problems (404, corrupt model.json or weights,
 * wrong shapes) reject `ready` and every `classify` with a `ModelLoadError` naming the model and the option
 * that set it; an exception while scoring rejects with a `ClassifierError`; a dead worker, or a call slower
 * than `timeoutMs` (10 s; the load: 60 s), rejects with a `WorkerError` / `WorkerTimeoutError`. With
 * `restart: true` the worker is respawned (and the model reloaded) after a crash or timeout: only the calls in
 * flight are lost (`recovered: true`). `classifyWindow` is what `classifyLatest` calls; `dispose()` terminates.
 * Every asset has an override: `worker`, `wasmPaths`, `model`. Every option is checked first: a wrong one throws an
 * `InvalidOptionError` naming it before any worker starts.
 *
 * @example
 * ```ts
 * import { classifyLatest, slidingWindow } from 'posestream';
 * import { createClassifierWorker } from 'posestream/workers';
 * const classifier = createClassifierWorker({ model: 'default', restart: true });
 * const predictions$ = poses$.pipe(slidingWindow(30), classifyLatest((w) => classifier.classifyWindow(w)));
 * ```
 */
export function createClassifierWorker(options: ClassifierWorkerOptions = {}): ClassifierWorker {
  const check = createOptionChecks('createClassifierWorker'); // every option, before the worker starts
  const taught = typeof options.model === 'object' && !(options.model instanceof URL) ? options.model : undefined;
  if (taught !== undefined) {
    try {
      parseTaughtModel(taught, TAUGHT_MODEL_SOURCE);
    } catch (err) {
      throw new InvalidOptionError('createClassifierWorker', 'model', 'a taught gesture model', (err as Error).message);
    }
  } else check.url('model', options.model, ['default', 'swipes']);
  check.strings('labels', options.labels);
  check.number('windowSize', options.windowSize, 'a whole number of frames per window', { min: 1, integer: true });
  check.oneOf('backend', options.backend, ['auto', 'wasm', 'cpu']);
  check.url('wasmPaths', options.wasmPaths);
  checkSpawnOptions(check, options);
  const model = options.model ?? 'default';
  const packaged = isNode()
    ? packagedEntry('classifierWorker')
    : () => new Worker(new URL('./classifierWorker.worker.js', import.meta.url), { type: 'module', name: 'classifier' });
  if (model === 'swipes') {
    const swipes = options.swipes ?? {};
    resolveSwipeOptions(swipes, 'createClassifierWorker', 'swipes.'); // an option out of range throws here, before any worker
    const init: SwipeClassifierInit = { kind: 'swipes', swipes, windowSize: options.windowSize };
    return createClassifierClient(packaged, init, SWIPE_MODEL_SOURCE, { name: 'classifier', ...options, factory: 'createClassifierWorker' });
  }
  if (taught !== undefined) {
    const init: TemplateClassifierInit = { kind: 'templates', model: taught, windowSize: options.windowSize };
    return createClassifierClient(packaged, init, TAUGHT_MODEL_SOURCE, { name: 'classifier', ...options, factory: 'createClassifierWorker' });
  }
  if (options.swipes !== undefined) {
    throw new InvalidOptionError('createClassifierWorker', 'swipes', "given only with model: 'swipes'", `model ${String(model)}`);
  }
  const files =
    model === 'default'
      ? defaultModelFiles()
      : { model: model instanceof URL ? model.href : againstPage(model as string) };
  const init: TfjsClassifierInit = {
    ...files,
    labels: options.labels,
    windowSize: options.windowSize,
    backend: options.backend,
    wasmPaths: options.wasmPaths === undefined ? undefined : againstPage(options.wasmPaths),
    modelOption: model === 'default' ? 'the packaged model "default" (override: model)' : 'the "model" option',
  };
  const explainBackend = async (info: ClassifierInfo): Promise<string | undefined> =>
    info.backend === 'cpu' && (options.backend ?? 'auto') === 'auto' ? describeWasmFallback(init.wasmPaths) : undefined;
  return createClassifierClient(packaged, init, files.model, { name: 'classifier', ...options, factory: 'createClassifierWorker', explainBackend });
}
