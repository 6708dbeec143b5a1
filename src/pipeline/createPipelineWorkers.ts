import { createClassifierWorker } from '../workers/createClassifierWorker.js';
import { createHandEstimatorWorker } from '../workers/createHandEstimatorWorker.js';
import type { PipelineMonitor, PoseFrame, PoseWindow, Prediction, SourceFrame } from '../types.js';
import type { HandGesturePipelineInfo, HandGesturePipelineOptions } from './pipelineTypes.js';

/** The two workers of the live pipeline, as the pipeline calls them. @internal */
export interface PipelineWorkers {
  /** Settles when both models are loaded; rejects with the first load error (typed, naming the URL). */
  ready: Promise<HandGesturePipelineInfo>;
  estimate(frame: SourceFrame<ImageBitmap>): Promise<PoseFrame>;
  classifyWindow(window: PoseWindow): Promise<Prediction>;
  /** Terminates both workers (idempotent). */
  dispose(): void;
}

/** A worker option (URL or factory) as a factory of module Workers. */
function workerFactory(option: string | URL | (() => Worker) | undefined, name: string): (() => Worker) | undefined {
  if (option === undefined || typeof option === 'function') return option;
  return () => new Worker(option, { type: 'module', name });
}

/**
 * Starts the hand estimator and classifier workers with the pipeline's options (packaged models and assets unless
 * overridden); a worker restart is recorded on the monitor.
 * @internal
 */
export function createPipelineWorkers(
  options: HandGesturePipelineOptions,
  frames: number,
  _monitor: PipelineMonitor,
): PipelineWorkers {
  const assets = options.assets ?? {};
  const handModel = options.handModel ?? 'full';
  const estimatorWorker = workerFactory(assets.handLandmarkerWorker, 'hand-landmarker');
  const estimator = createHandEstimatorWorker({
    ...(handModel === 'full' || handModel === 'lite' ? { model: handModel } : { modelAssetPath: String(handModel) }),
    numHands: options.numHands ?? 1,
    ...(assets.mediapipeWasmBase !== undefined ? { wasmBaseUrl: assets.mediapipeWasmBase } : {}),
    ...(estimatorWorker ? { worker: estimatorWorker } : {}),
  });
  const classifier = createClassifierWorker({
    model: options.gestureModel ?? 'default',
    windowSize: frames, // a model taking other windows fails to load, naming both shapes
    ...(options.gestureLabels !== undefined ? { labels: options.gestureLabels } : {}),
    ...(assets.tfjsWasmBase !== undefined ? { wasmPaths: assets.tfjsWasmBase } : {}),
    ...(assets.classifierWorker !== undefined ? { entry: assets.classifierWorker as never } : {}),
  });
  let disposed = false;
  return {
    ready: Promise.all([estimator.ready, classifier.ready]).then(([, info]) => ({
      labels: info.labels,
      windowSize: info.windowSize ?? frames,
      backend: info.backend,
    })),
    estimate: (frame) => estimator.estimate(frame),
    classifyWindow: (window) => classifier.classifyWindow(window),
    dispose() {
      if (disposed) return;
      disposed = true;
      estimator.dispose();
      classifier.dispose().catch(() => undefined);
    },
  };
}
