/** Types of the offline hand-model bundle builder (`posestream build-model`). */

/** Which MediaPipe hand model pair a bundle holds: `full` (more accurate) or `lite` (faster). */
export type HandModelVariant = 'full' | 'lite';

/** One file of an Emscripten file package, as its loader script lists it (byte range in the `.data` file). */
export interface EmscriptenFileEntry {
  /** Path inside the virtual file system, e.g. `/third_party/.../palm_detection_full.tflite`. */
  filename: string;
  /** First byte, inclusive. */
  start: number;
  /** Last byte, exclusive. */
  end: number;
}

/** Where the `@mediapipe/hands` package files are, and the bytes a bundle is built from. */
export interface HandModelSources {
  /** Directory of the `@mediapipe/hands` package. */
  handsDir: string;
  /** Palm detection model (`hand_detector.tflite` in the bundle). */
  palmModel: Uint8Array;
  /** Hand landmark model (`hand_landmarks_detector.tflite` in the bundle). */
  landmarkModel: Uint8Array;
}

/** What a `.tflite` root says about itself, read without copying the model. */
export interface TfliteModelInfo {
  /** Schema version (`Model.version`). */
  version: number;
  /** Number of entries in `Model.subgraphs`, `Model.buffers`, `Model.operator_codes`. */
  subgraphCount: number;
  bufferCount: number;
  operatorCodeCount: number;
  /** Names of the `Model.metadata` entries, in order. */
  metadataNames: string[];
  /** Inputs and outputs of subgraph 0, in `SubGraph.inputs` / `SubGraph.outputs` order. */
  inputs: TfliteTensorInfo[];
  outputs: TfliteTensorInfo[];
}

/** One tensor of subgraph 0. `type` is TFLite's `TensorType` number (0 = FLOAT32). */
export interface TfliteTensorInfo {
  name: string;
  shape: number[];
  type: number;
}

/** What to say in the metadata of an image model: input normalisation `(pixel - mean) / std`, RGB. */
export interface ImageModelMetadataOptions {
  /** `ModelMetadata.name`. */
  name: string;
  /** Names of the input tensors (one `TensorMetadata` each, image content with normalisation). */
  inputNames: readonly string[];
  /** Names of the output tensors (one `TensorMetadata` each, feature content). */
  outputNames: readonly string[];
  /** @default [0] */
  mean?: readonly number[];
  /** @default [255] */
  std?: readonly number[];
}

/** Options of {@link buildHandModels}. */
export interface BuildHandModelsOptions {
  /** Output directory (created when missing). */
  outDir: string;
  /** @default ['full', 'lite'] */
  variants?: readonly HandModelVariant[];
  /** `@mediapipe/hands` directory. @default resolved from this module with `createRequire` */
  handsDir?: string;
  /** Rebuild even when the stamp says the outputs are current. @default false */
  force?: boolean;
}

/** What {@link buildHandModels} did, per output file. */
export interface BuildHandModelsResult {
  /** Absolute paths of the `.task` files written this time. */
  written: string[];
  /** Absolute paths of the `.task` files that were already current (stamp matched). */
  skipped: string[];
  /** Path of the stamp file. */
  stampPath: string;
}
