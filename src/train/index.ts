/**
 * `posestream/train` (Node): build datasets from recordings and real takes, train and evaluate gesture models with
 * TensorFlow.js on the wasm backend. The `posestream train` / `posestream eval` commands are built on it. The
 * repository's own dataset recipes (the default model's dataset, the readers of the Kazuhito00 CSVs and the clips
 * made from them) are internal: scripts/ and eval/ import them.
 *
 * @module posestream/train
 */
export { createRng, type Rng } from './createRng.js';
export { augmentWindow, mirrorLabel, mirrorHandedness, type AugmentOptions, type AugmentedWindow } from './augmentWindow.js';
export { cutWindows, extractWindow, type WindowRef, type CutWindowsOptions } from './cutWindows.js';
export { timeBlockSplit, type TimeBlockSplit, type TimeBlockSplitOptions } from './timeBlockSplit.js';
export { resampleSequence } from './resampleSequence.js';
export { sequencesFromFrames, type SequencesFromFramesOptions } from './sequencesFromFrames.js';
export { shapesFromSequence, type HandShape } from './handShapes.js';
export { synthesizeSwipe, synthesizeIdle, SWIPE_DIRECTIONS, type SwipeLabel, type SynthesisOptions } from './synthesizeGestures.js';
export { createGestureModel, type GestureModelOptions } from './createGestureModel.js';
export { trainGestureModel, type TrainGestureOptions, type TrainGestureResult } from './trainGestureModel.js';
export { evaluateGestureModel, type EvaluateOptions, type EvaluateGestureResult } from './evaluateGestureModel.js';
export { predictWindows, type PredictedWindows } from './predictWindows.js';
export { gestureReport, formatGestureReport } from './gestureReport.js';
export { saveTrainedModel, loadTrainedModel, type GestureModelMetadata, type LoadedGestureModel } from './gestureModelFiles.js';
export { loadTrainingInputs, type TrainingInputs } from './loadTrainingInputs.js';
export { initTfBackend, type TrainBackend } from './initTfBackend.js';
export { TrainingDataError, ModelShapeError, type TrainingDataErrorKind } from './trainErrors.js';
export type { FrameSpan, LabelledSequence, LabelledWindow, DatasetCounts, ClassMetrics, GestureReport, GestureModelKind } from './trainTypes.js';
export { windowFeatures, WINDOW_FEATURES } from '../filters/windowFeatures.js';
export { poseFrameWindows, type PoseFrameWindowsOptions } from './poseFrameWindows.js';
export { framesFromSequence } from './framesFromSequence.js';
export { trainOnWindows, type TrainOnWindowsOptions, type TrainOnWindowsResult } from './trainOnWindows.js';
export { palmMotionFeatures, PALM_MOTION_FEATURES } from './palmMotionFeatures.js';
export { synthesizeNonSwipe, type NonSwipeMotion, type NonSwipeOptions } from './synthesizeNonSwipe.js';
export { createWeightedPicker } from './createWeightedPicker.js';
