import { createClassifierWorker } from '../workers/createClassifierWorker.js';
import { createHandEstimatorWorker } from '../workers/createHandEstimatorWorker.js';
import type { PipelineMonitor, PoseFrame, PoseWindow, Prediction, SourceFrame } from '../types.js';
import type { WorkerRestartEvent } from '../workers/workerTypes.js';
import type { GestureStreamRequest, HandStreamClientRequest, HandStreamSummary } from '../workers/streamProtocol.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { HandGesturePipelineInfo, HandGesturePipelineOptions } from './pipelineTypes.js';

/** The two workers of the live pipeline, as the pipeline calls them. @internal */
export interface PipelineWorkers {
  /** Settles when both models are loaded; rejects with the first load error (typed, naming the URL). The current classifier's info (after a `loadClassifier`'s `use()`, the new model's). */
  ready: Promise<HandGesturePipelineInfo>;
  estimate(frame: SourceFrame<ImageBitmap>): Promise<PoseFrame>;
  classifyWindow(window: PoseWindow): Promise<Prediction>;
  /** The off-main-thread path: the estimator's and the classifier's streams (see `runOnWorkers`). */
  streamHands(request: HandStreamClientRequest): Promise<HandStreamSummary>;
  stopHands(): Promise<void>;
  streamGestures(request: GestureStreamRequest): Promise<unknown>;
  stopGestures(): Promise<void>;
  /** Resolve once the worker answers; a hung worker is restarted (see `alive()` of the worker clients). */
  handsAlive(): Promise<void>;
  gesturesAlive(): Promise<void>;
  /**
   * Loads `model` in a new classifier worker (windows of `frames`) and resolves with a function that puts it in
   * place of the current one (terminated then), and its info; rejects with the load error (the current one stays).
   */
  loadClassifier(model: TaughtGestureModel | 'swipes', frames: number): Promise<{ use: () => void; info: HandGesturePipelineInfo }>;
  /** Terminates both workers (idempotent). */
  dispose(): void;
}

/**
 * How long a pipeline worker may take to answer `alive()` once its model is loaded before it counts as hung (or gone
 * without an error) and is restarted, ms: a healthy worker answers between two frames.
 */
export const PROBE_TIMEOUT_MS = 2000;

/** The worker factories' option names, as a `createHandGesturePipeline` user sets them. */
const OPTION_NAMES: Record<'estimator' | 'classifier', [RegExp, string][]> = {
  estimator: [
    [/"modelAssetPath"/g, '"handModel"'],
    [/"wasmBaseUrl"/g, '"assets.mediapipeWasmBase"'],
    [/createHandEstimatorWorker's "worker"/g, `createHandGesturePipeline's "assets.handLandmarkerWorker"`],
  ],
  classifier: [
    [/"wasmPaths"/g, '"assets.tfjsWasmBase"'],
    [/"model"/g, '"gestureModel"'],
    [/windowSize is/g, '"window.frames" is'],
    [/\(override: model\)/g, '(override: gestureModel)'],
    [/createClassifierWorker's "(worker|entry)"/g, `createHandGesturePipeline's "assets.classifierWorker"`],
  ],
};

/** A worker factory's message with the option that set a URL renamed to the pipeline's own option. */
function renamed(stage: 'estimator' | 'classifier', message: string): string {
  return OPTION_NAMES[stage].reduce((m, [pattern, name]) => m.replace(pattern, name), message);
}

/** Renames, in a load error's message, the option that set the failing URL to the pipeline's own option. */
function inPipelineTerms(stage: 'estimator' | 'classifier'): (error: unknown) => never {
  return (error) => {
    if (error instanceof Error) error.message = renamed(stage, error.message);
    throw error;
  };
}

/** The model the classifier worker starts with (`resolveGestureModel`'s) and the window size it takes. @internal */
export interface StartingClassifier {
  model: NonNullable<HandGesturePipelineOptions['gestureModel']>;
  frames: number;
}

/**
 * Starts the hand estimator and classifier workers with the pipeline's options (packaged models and assets unless
 * overridden; the classifier once `gesture` is known: a taught model's URL is read on the page first). Both restart after a crash or a timeout (the value in flight is lost and counted, the stream goes on);
 * each restart is recorded on the monitor, so `stats$` shows it.
 * @internal
 */
export function createPipelineWorkers(
  options: HandGesturePipelineOptions,
  gesture: StartingClassifier | Promise<StartingClassifier>,
  monitor: PipelineMonitor,
): PipelineWorkers {
  const assets = options.assets ?? {};
  const handModel = options.handModel ?? 'full';
  // A crash or a timeout costs the value in flight only: the worker restarts, the operators count it lost.
  const restart = (stage: 'estimator' | 'classifier') => ({
    restart: true,
    callTimeoutMs: { alive: PROBE_TIMEOUT_MS },
    onRestart: (e: WorkerRestartEvent) => monitor.record({ stage, kind: 'restart', message: e.cause.message }),
  });
  const estimator = createHandEstimatorWorker({
    ...(handModel === 'full' || handModel === 'lite' ? { model: handModel } : { modelAssetPath: String(handModel) }),
    numHands: options.numHands ?? 1,
    ...(assets.mediapipeWasmBase !== undefined ? { wasmBaseUrl: assets.mediapipeWasmBase } : {}),
    ...(assets.handLandmarkerWorker !== undefined ? { worker: assets.handLandmarkerWorker } : {}),
    ...restart('estimator'),
  });
  const classifierFor = (model: NonNullable<HandGesturePipelineOptions['gestureModel']>, windowSize: number) =>
    createClassifierWorker({
      model,
      ...(options.swipes !== undefined && model === 'swipes' ? { swipes: options.swipes } : {}),
      windowSize, // a model taking other windows fails to load, naming both shapes
      ...(options.gestureLabels !== undefined && typeof model !== 'object' ? { labels: options.gestureLabels } : {}),
      ...(assets.tfjsWasmBase !== undefined ? { wasmPaths: assets.tfjsWasmBase } : {}),
      ...(assets.classifierWorker !== undefined ? { worker: assets.classifierWorker } : {}),
      ...restart('classifier'),
    });
  type Classifier = ReturnType<typeof classifierFor>;
  let disposed = false;
  // The classifier, once its model is known (at once, unless a URL is being read on the page).
  let classifier: Classifier | undefined;
  const start = ({ model, frames }: StartingClassifier): { classifier: Classifier; frames: number } => {
    classifier = classifierFor(model, frames);
    return { classifier, frames };
  };
  const started: Promise<{ classifier: Classifier; frames: number }> =
    gesture instanceof Promise
      ? gesture.then((g) => {
          if (disposed) throw new Error('disposed');
          return start(g);
        })
      : Promise.resolve(start(gesture));
  started.catch(() => undefined); // reported through `ready`
  const withClassifier = <T>(call: (c: Classifier) => Promise<T>): Promise<T> =>
    classifier !== undefined ? call(classifier) : started.then(({ classifier: c }) => call(c));
  const infoOf = (info: Awaited<Classifier['ready']>, windowSize: number, fallback: string | undefined): HandGesturePipelineInfo => ({
    labels: info.labels,
    windowSize: info.windowSize ?? windowSize,
    backend: info.backend,
    ...(fallback !== undefined ? { backendFallback: renamed('classifier', fallback) } : {}),
  });
  let ready: Promise<HandGesturePipelineInfo> = Promise.all([
    estimator.ready.catch(inPipelineTerms('estimator')),
    started.then(async (s) => ({ info: await s.classifier.ready.catch(inPipelineTerms('classifier')), ...s })),
  ]).then(([, s]) => infoOf(s.info, s.frames, s.classifier.backendFallback));
  return {
    get ready() {
      return ready; // the current classifier's (after loadClassifier's use(), the new model's labels)
    },
    estimate: (frame) => estimator.estimate(frame),
    classifyWindow: (window) => withClassifier((c) => c.classifyWindow(window)),
    streamHands: (request) => estimator.streamHands(request),
    stopHands: () => estimator.stopHands(),
    streamGestures: (request) => withClassifier((c) => c.streamGestures(request)),
    stopGestures: () => withClassifier((c) => c.stopGestures()),
    handsAlive: () => estimator.alive(),
    gesturesAlive: () => withClassifier((c) => c.alive()),
    async loadClassifier(model, windowSize) {
      const next = classifierFor(model, windowSize);
      try {
        const info = await next.ready.catch(inPipelineTerms('classifier'));
        if (disposed) throw new Error('disposed');
        const loaded = infoOf(info, windowSize, next.backendFallback);
        return {
          info: loaded,
          use: () => {
            const old = classifier;
            classifier = next;
            ready = ready.then(() => loaded);
            old?.dispose().catch(() => undefined);
          },
        };
      } catch (error) {
        next.dispose().catch(() => undefined);
        throw error;
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      estimator.dispose();
      classifier?.dispose().catch(() => undefined);
    },
  };
}
