/**
 * `posestream/model`: builds MediaPipe's `hand_landmarker.task` offline from the `@mediapipe/hands` npm package
 * (see models/README.md). The TFLite, flatbuffer, Emscripten-package and zip tools it is made of are internal.
 *
 * @module posestream/model
 */
export { ModelBuildError } from './modelBuildError.js';
export type { HandModelVariant, HandModelSources, BuildHandModelsOptions, BuildHandModelsResult } from './modelTypes.js';
export { buildHandLandmarkerTask } from './buildHandLandmarkerTask.js';
export { buildHandModels } from './buildHandModels.js';
export { readHandModelSources, locateMediapipeHands, handModelFiles, type HandModelFiles } from './handModelSources.js';
