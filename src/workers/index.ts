/**
 * `posestream/workers`: comlink worker APIs that run the same worker modules in Node (worker_threads) and
 * browsers (module Workers): generic `spawnWorker`, classifier workers, and the worker-side helpers.
 */
export { spawnWorker } from './spawnWorker.js';
export { exposeWorker } from './exposeWorker.js';
export type { NodeWorkerLike, SpawnWorkerOptions, WorkerEntry, WorkerHandle, WorkerRestartEvent, WorkerSource, WorkerState } from './workerTypes.js';
export { WorkerError, WorkerTimeoutError, ModelLoadError, ClassifierOutputError, ClassifierError, type WorkerErrorOptions } from './workerErrors.js';
export { createClassifierWorker, type ClassifierWorkerOptions } from './createClassifierWorker.js';
export { createFunctionClassifierWorker, type FunctionClassifierWorkerOptions } from './createFunctionClassifierWorker.js';
export type { ClassifierWorker, ClassifierWorkerCommonOptions } from './classifierClient.js';
export type {
  ClassifierBackend,
  ClassifierInfo,
  ClassifierInputLayout,
  ClassifierWorkerApi,
  FunctionClassifierInit,
  TfjsClassifierInit,
} from './classifierProtocol.js';
export { createTfjsClassifierService } from './tfjsClassifier.js';
export { featureTransformFor, type FeatureTransform } from './modelFeatures.js';
export { createFunctionClassifierService, type WindowClassifierFunction } from './functionClassifier.js';
// The MediaPipe hand estimator (browser module worker)
export { createHandEstimatorWorker } from './createHandEstimatorWorker.js';
export type { HandEstimatorWorker, HandEstimatorWorkerOptions, HandEstimateTiming } from './createHandEstimatorWorker.js';
export { createHandLandmarkerWorkerApi, mapHandLandmarkerResult } from './handLandmarkerWorker.js';
export type { HandLandmarkerOptions, HandLandmarkerWorkerApi, DetectRequest, DetectResult } from './handLandmarkerWorker.js';
export { nodeBuiltin } from './nodeBuiltin.js';
// The off-main-thread pipeline: the worker-side streams and their messages
export { withHandStream, type HandStreamApi } from './withHandStream.js';
export { withGestureStream, type GestureStreamApi } from './withGestureStream.js';
export { createVideoFrameConverter, type VideoFrameConverter } from './createVideoFrameConverter.js';
export type { HandStreamRequest, HandStreamClientRequest, HandStreamSummary, GestureStreamRequest, PoseChannelMessage, HandStreamMessage, GestureStreamMessage } from './streamProtocol.js';
export type { SharedResults } from './sharedResults.js';
