import { transfer, type Remote } from 'comlink';
import { toClassifyFn } from '../classifiers/windowClassifierFn.js';
import { InvalidPoseError } from '../errors.js';
import type { PoseWindow, Prediction, WindowClassifier } from '../types.js';
import type { ClassifierInfo, ClassifierWorkerApi } from './classifierProtocol.js';
import { spawnWorker } from './spawnWorker.js';
import { reviveWorkerError } from './workerErrors.js';
import type { SpawnWorkerOptions, WorkerEntry, WorkerHandle } from './workerTypes.js';

/** Options every classifier worker shares (plus `spawnWorker`'s: name, restart, maxRestarts, onRestart, onError). */
export interface ClassifierWorkerCommonOptions extends SpawnWorkerOptions {
  /**
   * Worker entry to start instead of the packaged one (for bundlers that need a static `new URL(...)`).
   * @default the packaged entry next to this module
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
  /** The worker behind it. */
  readonly worker: WorkerHandle<Remote<ClassifierWorkerApi<unknown>>>;
  /** Packs the window (only now), transfers it to the worker and builds the {@link Prediction}. */
  classifyWindow(window: PoseWindow): Promise<Prediction>;
  /** Terminates the worker; pending and later calls reject with a `WorkerError`. */
  dispose(): Promise<void>;
}

/** The packaged entry `name`, as .ts when running from src and .js from dist. @internal */
export function packagedEntry(name: string): URL {
  const ext = /\.ts$/.test(new URL(import.meta.url).pathname) ? '.ts' : '.js';
  return new URL(`./entries/${name}${ext}`, import.meta.url);
}

/**
 * Starts a classifier worker, sends `init` (again after each restart) and wraps it as a {@link ClassifierWorker}.
 * @internal
 */
export function createClassifierClient<I>(
  entry: WorkerEntry,
  init: I,
  source: string,
  options: ClassifierWorkerCommonOptions,
): ClassifierWorker {
  const worker = spawnWorker<ClassifierWorkerApi<I>>(entry, options);
  let info: ClassifierInfo | undefined;
  let initialised: { generation: number; promise: Promise<ClassifierInfo> } | undefined;

  const ensureInit = (): Promise<ClassifierInfo> => {
    if (initialised?.generation !== worker.generation) {
      const promise = (worker.api.init(init as never) as Promise<ClassifierInfo>).then(
        (i) => (info = i),
        (err: unknown) => Promise.reject(reviveWorkerError(err, source)),
      );
      initialised = { generation: worker.generation, promise };
    }
    return initialised.promise;
  };
  const ready = ensureInit();
  ready.catch(() => undefined); // reported through ready / every classify call, never unhandled

  const client: ClassifierWorker = {
    ready,
    get info() {
      return info;
    },
    get labels() {
      return info?.labels ?? [];
    },
    worker: worker as unknown as ClassifierWorker['worker'],
    async classify(window, shape) {
      const loaded = await ensureInit();
      if (loaded.windowSize !== undefined && shape[0] !== loaded.windowSize) {
        throw new InvalidPoseError(`${source} takes windows of ${loaded.windowSize} frames; got ${shape[0]}`);
      }
      if (window.length !== shape[0] * shape[1] * shape[2]) {
        throw new InvalidPoseError(`window for ${source} has ${window.length} values; shape [${shape.join(', ')}] needs ${shape[0] * shape[1] * shape[2]}`);
      }
      try {
        return await (worker.api.classify(transfer(window, [window.buffer]), shape) as Promise<Float32Array>);
      } catch (err) {
        throw reviveWorkerError(err, source);
      }
    },
    classifyWindow: (window) => classifyFn(window),
    dispose: () => worker.terminate(),
  };
  const classifyFn = toClassifyFn(client, { name: source, ...(options.now ? { now: options.now } : {}) });
  return client;
}
