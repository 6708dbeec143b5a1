/**
 * posestream: real-time hand-pose and gesture pipelines on RxJS 7. Browser-safe (no Node built-in is imported):
 * the one-call live pipeline, sources, operators, pure hand math, recordings (text, URLs) and shared types.
 * Worker factories live in `posestream/workers`; test helpers in `posestream/testing`; Node-only pieces (writing
 * recordings to files, `.npy`/kairess loaders, the CLI and Chromium helpers) in `posestream/node`; training in
 * `posestream/train`; the hand model builder in `posestream/model`.
 *
 * @module posestream
 */
export type * from './types.js';
export { PosestreamError, InvalidPoseError } from './errors.js';

// Operators
export { estimateHands } from './operators/estimateHands.js';
export { slidingWindow } from './operators/slidingWindow.js';
export { classifyLatest } from './operators/classifyLatest.js';
export { exhaustLatest } from './operators/exhaustLatest.js';
export { isRecoveredError } from './operators/isRecoveredError.js';
export { usingResource, type DisposableResource } from './operators/usingResource.js';
export type * from './operators/operatorTypes.js';
export { normalizeHand } from './operators/normalizeHand.js';
export { smoothLandmarks } from './operators/smoothLandmarks.js';
export { stableGestures } from './operators/stableGestures.js';
export { pipelineStats } from './operators/pipelineStats.js';
export { monitorStage } from './operators/monitorStage.js';
export { createPipelineMonitor } from './monitor/createPipelineMonitor.js';
export { pageClock } from './monitor/createForwardingMonitor.js';
export type { PipelineMonitorOptions, RecordingPipelineMonitor, MonitorTotals, PipelineStatsOptions, StatsRange } from './monitor/monitorTypes.js';
export { toClassifyFn, type ClassifyFnOptions } from './classifiers/windowClassifierFn.js';
export { DEFAULT_MODEL_SETTINGS, DEFAULT_SWIPE_SETTINGS, type ModelPipelineSettings } from './defaultModelSettings.js';
export { recogniseSwipe } from './filters/recogniseSwipe.js';
export { windowContext } from './classifiers/windowContext.js';
export { DEFAULT_SWIPE_OPTIONS } from './filters/resolveSwipeOptions.js';
export { SWIPE_LABELS, type SwipeLabel, type SwipeOptions, type SwipeStroke, type SwipeVerdict } from './filters/swipeTypes.js';

// Pure hand math
export { normalizeLandmarks, palmSize } from './filters/normalize.js';
export { createHandSmoother, createLandmarkFilter } from './filters/oneEuro.js';
export { createGestureTracker } from './filters/gestureTracker.js';
export { InvalidOptionError } from './filters/InvalidOptionError.js';
export type { ResampleSpec } from './filters/createPoseWindow.js';
export { packWindow } from './filters/packWindow.js';
export { validateHand, validatePoseFrame, LANDMARKS_PER_HAND } from './filters/validateHand.js';
export { selectHand } from './filters/selectHand.js';
export { HAND_CONNECTIONS, type HandConnection } from './filters/handConnections.js';
export { windowFeatures, WINDOW_FEATURES } from './filters/windowFeatures.js';
export { templateFeatures, TEMPLATE_FEATURE_DIMS, DEFAULT_TEMPLATE_FEATURE_WEIGHTS, type TemplateFeatureWeights, type TemplateFeatureFrames } from './filters/templateFeatures.js';
export { TEMPLATE_MODEL_FORMAT, type TaughtGestureModel, type GestureTemplate, type TaughtWindow, type TaughtFeatures, type TaughtMatching, type TaughtRecord } from './filters/templateTypes.js';

// Teaching gestures by example (templates; the worker-run trainer is createGestureTrainer in posestream/workers)
export { teachGestureModel } from './teach/teachGestureModel.js';
export { runTaughtModel } from './teach/runTaughtModel.js';
export { taughtModelLabels } from './filters/classifyTaughtModel.js';
export { parseTaughtModel } from './teach/parseTaughtModel.js';
export { matchGestureEvents, type GestureSpan, type EventCounts, type GestureEventMatch } from './teach/matchGestureEvents.js';
export { TeachingError, type TeachingErrorKind } from './teach/TeachingError.js';
export { TaughtModelError } from './teach/TaughtModelError.js';
export type { GestureExample, LabelledRecording, TeachingInput, TeachOptions, TeachProgress, TeachDone, TeachEvent } from './teach/teachTypes.js';
// Taught models kept in the browser (IndexedDB)
export { saveGestureModel } from './store/saveGestureModel.js';
export { loadGestureModel } from './store/loadGestureModel.js';
export { listGestureModels } from './store/listGestureModels.js';
export { deleteGestureModel } from './store/deleteGestureModel.js';
export { GestureModelStoreError, type GestureModelStoreErrorKind } from './store/GestureModelStoreError.js';
export type { GestureModelStoreOptions, SavedGestureModel } from './store/storeTypes.js';
export type { NormalizeLandmarksOptions, NormalizeHandOptions, OneEuroOptions, GestureTrackerOptions, LandmarkFilter, HandSmoother, GestureTracker } from './filters/handMathTypes.js';

// Sources and recordings
export { fromPoseFrames } from './streams/fromPoseFrames.js';
export type { FromPoseFramesOptions } from './streams/fromPoseFrames.js';
export { fromRecording } from './streams/fromRecording.js';
export { RECORDING_FORMAT } from './streams/recordingTypes.js';
export type { RecordingHeader, RecordingLabel, Recording, ReadRecordingResult, RecordingInput, ReadRecordingOptions, FromRecordingOptions, RecordPosesOptions, RecordingWritable, RecordingTarget, RecordingTimeJump } from './streams/recordingTypes.js';
export { readRecording } from './recording/readRecording.js';
export { serializeRecording } from './recording/serializeRecording.js';
export { DEFAULT_MAX_LINE_BYTES } from './recording/openRecordingLines.js';
export { RecordingError } from './recording/RecordingError.js';
export type { RecordingErrorKind } from './recording/RecordingError.js';

// Browser sources (camera, <video>, video files)
export { fromCamera } from './streams/fromCamera.js';
export type { FromCameraOptions } from './streams/fromCamera.js';
export { fromVideoElement } from './streams/fromVideoElement.js';
export type { FromVideoElementOptions } from './streams/fromVideoElement.js';
export { fromVideoFile } from './streams/fromVideoFile.js';
export { fromVideoFrameStream } from './streams/fromVideoFrameStream.js';
export type { FromVideoFrameStreamOptions } from './streams/fromVideoFrameStream.js';
export type { FromVideoFileOptions, VideoFileInfo } from './streams/fromVideoFile.js';
export { CameraError, VideoSourceError, EmptyFrameError, TimestampError, HandEstimatorStateError } from './streams/browserErrors.js';
export type { CameraErrorReason, VideoSourceErrorReason } from './streams/browserErrors.js';

// The whole live pipeline in one call
export type { HandGesturePipeline, HandGesturePipelineInfo, HandGesturePipelineOptions, HandGesturePipelineStatus, HandGestureSource, HandGestureAssets, HandGesturePipelineRunsOn, HandGesturePipelineStats } from './pipeline/pipelineTypes.js';
export { createHandGesturePipeline } from './pipeline/createHandGesturePipeline.js';
export { StarvedStreamError } from './pipeline/StarvedStreamError.js';
export { PipelineDisposedError } from './pipeline/PipelineDisposedError.js';
export { drawHands, type DrawHandsOptions } from './adapters/drawHands.js';
