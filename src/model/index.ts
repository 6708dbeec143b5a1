/**
 * `posestream/model`: builds MediaPipe's `hand_landmarker.task` offline from the `@mediapipe/hands` npm package
 * (see models/README.md), and the small TFLite/flatbuffer tools it is made of.
 */
export { ModelBuildError } from './modelBuildError.js';
export type { HandModelVariant, EmscriptenFileEntry, HandModelSources, TfliteModelInfo, TfliteTensorInfo, ImageModelMetadataOptions, BuildHandModelsOptions, BuildHandModelsResult } from './modelTypes.js';
export { buildHandLandmarkerTask, HAND_TASK_ENTRIES } from './buildHandLandmarkerTask.js';
export { buildHandModels, HAND_BUNDLE_FORMAT, HAND_BUNDLE_STAMP } from './buildHandModels.js';
export { readHandModelSources, locateMediapipeHands, handModelFiles } from './handModelSources.js';
export { parseEmscriptenPackage, extractPackedFile, type EmscriptenPackage } from './emscriptenPack.js';
export { buildImageModelMetadata, METADATA_SCHEMA } from './tfliteMetadata.js';
export { addTfliteMetadata, PREFIX_ALIGNMENT } from './addTfliteMetadata.js';
export { readTfliteModel, TFLITE_SCHEMA } from './tfliteModel.js';
export { createStoredZip } from './storedZip.js';
export { createFlatView, type FlatView } from './flatView.js';
