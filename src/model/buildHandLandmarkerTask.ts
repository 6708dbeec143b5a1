import type { HandModelSources } from './modelTypes.js';
import { addTfliteMetadata } from './addTfliteMetadata.js';
import { createStoredZip } from './storedZip.js';
import { buildImageModelMetadata } from './tfliteMetadata.js';
import { readTfliteModel } from './tfliteModel.js';

/** Names of the two models inside a `hand_landmarker.task` bundle, as tasks-vision's HandLandmarker reads them. @internal */
export const HAND_TASK_ENTRIES = {
  palm: 'hand_detector.tflite',
  landmarks: 'hand_landmarks_detector.tflite',
} as const;

/**
 * Builds a MediaPipe `hand_landmarker.task` bundle from the legacy `@mediapipe/hands` models.
 *
 * Adds to each model the image metadata tasks-vision requires for a float input (RGB, mean 0, std 255: pixels
 * to [0, 1], as the legacy graphs do), leaving the original bytes untouched after a new root, then stores both
 * in a zip: `hand_detector.tflite` (palm) and `hand_landmarks_detector.tflite`. Deterministic: the same sources
 * give the same bytes.
 *
 * @example
 * ```ts
 * import { buildHandLandmarkerTask, readHandModelSources } from 'posestream/model';
 * const task = buildHandLandmarkerTask(await readHandModelSources('full'));
 * ```
 */
export function buildHandLandmarkerTask(sources: HandModelSources): Uint8Array {
  return createStoredZip([
    [HAND_TASK_ENTRIES.palm, withImageMetadata(sources.palmModel, 'hand_detector', 'palm model')],
    [HAND_TASK_ENTRIES.landmarks, withImageMetadata(sources.landmarkModel, 'hand_landmarks_detector', 'landmark model')],
  ]);
}

function withImageMetadata(model: Uint8Array, name: string, label: string): Uint8Array {
  const info = readTfliteModel(model, label);
  const metadata = buildImageModelMetadata({
    name,
    inputNames: info.inputs.map((t) => t.name),
    outputNames: info.outputs.map((t) => t.name),
    mean: [0],
    std: [255],
  });
  return addTfliteMetadata(model, metadata, label);
}
