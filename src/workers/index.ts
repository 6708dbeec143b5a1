/**
 * `posestream/workers`: comlink worker APIs that run the same worker modules in Node (worker_threads) and
 * browsers (module Workers): generic `spawnWorker` and `exposeWorker`, the classifier and hand estimator workers,
 * and their errors. What runs inside the packaged workers (their services and streams) is internal: the worker
 * entries in `src/workers/entries/` import it.
 *
 * @module posestream/workers
 */
export { spawnWorker } from './spawnWorker.js';
export { exposeWorker } from './exposeWorker.js';
export type { NodeWorkerLike, SpawnWorkerOptions, WorkerEntry, WorkerHandle, WorkerRestartEvent, WorkerSource, WorkerState } from './workerTypes.js';
export { WorkerError, WorkerTimeoutError, ModelLoadError, ClassifierOutputError, ClassifierError, type WorkerErrorOptions } from './workerErrors.js';
export { createClassifierWorker, type ClassifierWorkerOptions } from './createClassifierWorker.js';
export { createFunctionClassifierWorker, type FunctionClassifierWorkerOptions } from './createFunctionClassifierWorker.js';
export { createGestureTrainer, type GestureTrainer, type GestureTrainerOptions } from './createGestureTrainer.js';
export type { ClassifierWorker, ClassifierWorkerCommonOptions } from './classifierClient.js';
export type {
  TemplateClassifierInit,
  ClassifierBackend,
  ClassifierInfo,
  ClassifierInputLayout,
  ClassifierWorkerApi,
  FunctionClassifierInit,
  TfjsClassifierInit,
} from './classifierProtocol.js';
export type { WindowClassifierFunction } from './functionClassifier.js';
// The MediaPipe hand estimator (browser module worker)
export { createHandEstimatorWorker } from './createHandEstimatorWorker.js';
export type { HandEstimatorWorker, HandEstimatorWorkerOptions, HandEstimateTiming } from './createHandEstimatorWorker.js';
export type { HandLandmarkerOptions, HandLandmarkerWorkerApi, DetectRequest, DetectResult } from './handLandmarkerWorker.js';
// The off-main-thread pipeline: the types of the workers' streams and their messages (the client methods
// `streamHands` / `streamGestures` take them)
export type { HandStreamApi } from './withHandStream.js';
export type { GestureStreamApi } from './withGestureStream.js';
export type { HandStreamRequest, HandStreamClientRequest, HandStreamSummary, GestureStreamRequest, GestureStreamSummary, PoseChannelMessage, HandStreamMessage, GestureStreamMessage } from './streamProtocol.js';
export type { SharedResults } from './sharedResults.js';
