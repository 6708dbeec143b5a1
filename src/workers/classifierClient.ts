import { transfer, type Remote } from 'comlink';
import { toClassifyFn } from '../classifiers/windowClassifierFn.js';
import { InvalidPoseError } from '../errors.js';
import type { PoseWindow, Prediction, WindowClassifier } from '../types.js';
import type { ClassifierInfo } from './classifierProtocol.js';
import type { GestureStreamRequest, GestureStreamSummary } from './streamProtocol.js';
import type { GestureStreamApi } from './withGestureStream.js';
import { ALIVE_TIMEOUT_MS, spawnWorker } from './spawnWorker.js';
import { reviveWorkerError, WorkerError } from './workerErrors.js';
import type { SpawnWorkerOptions, WorkerEntry, WorkerHandle, WorkerSource } from './workerTypes.js';

/**
 * Options every classifier worker shares, plus `spawnWorker`'s (name, restart, maxRestarts, onRestart, onError;
 * `timeoutMs` defaults to 10000 here and `callTimeoutMs.init`, the model load, to 60000).
 */
export interface ClassifierWorkerCommonOptions extends Omit<SpawnWorkerOptions, 'source' | 'setBy' | 'entryName'> {
  /**
   * The worker: its script URL, or a function making the `Worker` (self-hosting, a CDN, or Angular's CLI,
   * which does not bundle workers inside `node_modules`: copy the entry and pass its URL). In Node a URL or
   * path of a worker_threads entry.
   * @default the packaged entry, referenced as `new Worker(new URL('./entries/<name>.js', import.meta.url))` so
   * that your bundler emits it (Node: the entry file next to this module)
   */
  worker?: WorkerSource;
  /**
   * Former name of `worker` (a URL or path only).
   * @deprecated use `worker`
   * @default undefined
   */
  entry?: WorkerEntry;
  /**
   * Clock for `Prediction.startedAt` / `finishedAt`, ms.
   * @default () => performance.now()
   */
  now?: () => number;
}

/** A classifier running in a worker: a {@link WindowClassifier} plus window-level classification and disposal. */
export interface ClassifierWorker extends WindowClassifier {
  /** Resolves with the model's labels, window size and backend once loaded; rejects with a `ModelLoadError`. */
  readonly ready: Promise<ClassifierInfo>;
  /** The loaded model's description (undefined until `ready`). */
  readonly info: ClassifierInfo | undefined;
  /**
   * Once `ready` resolved: why the model does not run on the backend it was meant to, when it does not (the
   * TensorFlow.js wasm backend could not start and `backend: 'auto'` fell back to cpu: the message names the wasm
   * URL, the option that set it and, for your own `wasmPaths`, what the server answered); undefined otherwise.
   */
  readonly backendFallback: string | undefined;
  /** The worker behind it. */
  readonly worker: WorkerHandle<Remote<GestureStreamApi<unknown>>>;
  /**
   * Runs the off-main-thread gesture stream in the worker (`withGestureStream`): both ports are transferred.
   * Resolves when the pose channel ends or `stopGestures()` is called; rejects with the error that stopped it.
   */
  streamGestures(request: GestureStreamRequest): Promise<GestureStreamSummary>;
  /** Stops the worker's running gesture stream, if any. */
  stopGestures(): Promise<void>;
  /**
   * Resolves once the worker answers (its event loop is free). A worker still loading its model (also after a
   * restart) is asked once it has loaded it (a load error rejects). A worker that does not answer within
   * `callTimeoutMs.alive` (default 10000) is hung: it is terminated like a crashed one (restarted with `restart`).
   */
  alive(): Promise<void>;
  /** Packs the window (only now), transfers it to the worker and builds the {@link Prediction}. */
  classifyWindow(window: PoseWindow): Promise<Prediction>;
  /** Terminates the worker; pending and later calls reject with a `WorkerError`. */
  dispose(): Promise<void>;
}

/**
 * Node: the packaged entry `name`, as .ts when running from src and .js from dist. Written so that no bundler
 * takes it for an asset (browsers use the literal `new Worker(new URL(...))` in each client file).
 * @internal
 */
export function packagedEntry(name: string): URL {
  const here = import.meta.url;
  const ext = /\.ts$/.test(new URL(here).pathname) ? '.ts' : '.js';
  return new URL('./entries/' + name + ext, here);
}

/** Default timeouts of classifier calls, ms. @internal */
export const CLASSIFIER_TIMEOUT_MS = 10_000;
/** Default timeout of the model load (`init`), ms. @internal */
export const CLASSIFIER_INIT_TIMEOUT_MS = 60_000;

/**
 * Starts a classifier worker, sends `init` (again after each restart) and wraps it as a {@link ClassifierWorker}.
 * @internal
 */
export function createClassifierClient<I>(
  packaged: WorkerSource,
  init: I,
  source: string,
  options: ClassifierWorkerCommonOptions & { factory: string; explainBackend?: (info: ClassifierInfo) => Promise<string | undefined> },
): ClassifierWorker {
  const { worker: workerOption, entry, factory, explainBackend, ...spawnOptions } = options;
  const chosen = workerOption ?? entry;
  const worker = spawnWorker<GestureStreamApi<I>>(chosen ?? packaged, {
    timeoutMs: CLASSIFIER_TIMEOUT_MS,
    ...spawnOptions,
    // A gesture stream runs as long as its source: never timed out.
    callTimeoutMs: { init: CLASSIFIER_INIT_TIMEOUT_MS, streamGestures: false, alive: ALIVE_TIMEOUT_MS, ...options.callTimeoutMs },
    source,
    ...(chosen !== undefined
      ? { setBy: `${factory}'s "${workerOption !== undefined ? 'worker' : 'entry'}" option` }
      : { entryName: `the packaged ${factory} worker` }),
  });
  let info: ClassifierInfo | undefined;
  let initialised: { generation: number; promise: Promise<ClassifierInfo> } | undefined;

  const ensureInit = (): Promise<ClassifierInfo> => {
    if (initialised?.generation !== worker.generation) {
      const promise = (worker.api.init(init as never) as Promise<ClassifierInfo>).then(
        (i) => (info = i),
        // Lost to a fault the worker recovered from: load again on the new worker (spawnWorker bounds the restarts).
        (err: unknown) => (err instanceof WorkerError && err.recovered ? ensureInit() : Promise.reject(reviveWorkerError(err, source))),
      );
      initialised = { generation: worker.generation, promise };
    }
    return initialised.promise;
  };
  let backendFallback: string | undefined;
  const ready = ensureInit().then(async (loaded) => {
    backendFallback = await explainBackend?.(loaded);
    return loaded;
  });
  ready.catch(() => undefined); // reported through ready / every classify call, never unhandled

  const client: ClassifierWorker = {
    ready,
    get info() {
      return info;
    },
    get backendFallback() {
      return backendFallback;
    },
    get labels() {
      return info?.labels ?? [];
    },
    get reportsMatch() {
      return info?.reportsMatch === true;
    },
    worker: worker as unknown as ClassifierWorker['worker'],
    async classify(window, shape, context) {
      const loaded = await ensureInit();
      if (loaded.windowSize !== undefined && shape[0] !== loaded.windowSize) {
        throw new InvalidPoseError(
          `model ${source} takes windows of ${loaded.windowSize} frames (shape [${loaded.windowSize}, 21, 3]); got a window of shape [${shape.join(', ')}]`,
        );
      }
      if (window.length !== shape[0] * shape[1] * shape[2]) {
        throw new InvalidPoseError(`window for ${source} has ${window.length} values; shape [${shape.join(', ')}] needs ${shape[0] * shape[1] * shape[2]}`);
      }
      try {
        return await (worker.api.classify(transfer(window, [window.buffer]), shape, context) as Promise<Float32Array>);
      } catch (err) {
        throw reviveWorkerError(err, source);
      }
    },
    classifyWindow: (window) => classifyFn(window),
    async streamGestures(request) {
      await ensureInit();
      try {
        return await (worker.api.streamGestures(transfer(request, [request.poses, request.page])) as Promise<{ predictions: number; gestures: number }>);
      } catch (err) {
        throw reviveWorkerError(err, source);
      }
    },
    async stopGestures() {
      if (worker.state === 'running') await worker.api.stopGestures();
    },
    async alive() {
      await ensureInit();
      try {
        await worker.api.alive();
      } catch (err) {
        throw reviveWorkerError(err, source);
      }
    },
    dispose: () => worker.terminate(),
  };
  const classifyFn = toClassifyFn(client, { name: source, ...(options.now ? { now: options.now } : {}) });
  return client;
}
