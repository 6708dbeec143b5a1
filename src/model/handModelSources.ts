import type { HandModelSources, HandModelVariant, TfliteModelInfo } from './modelTypes.js';
import { extractPackedFile, parseEmscriptenPackage } from './emscriptenPack.js';
import { ModelBuildError } from './modelBuildError.js';
import { readTfliteModel } from './tfliteModel.js';

/** The `@mediapipe/hands` file names one hand model variant is built from (see {@link handModelFiles}). */
export interface HandModelFiles {
  /** The hand landmark model, e.g. `'hand_landmark_full.tflite'`. */
  landmarkModel: string;
  /** The Emscripten package data file the palm detection model is packed in. */
  packageData: string;
  /** The Emscripten loader script that lists what `packageData` holds. */
  packageLoader: string;
  /** The palm detection model's name inside `packageData`, e.g. `'palm_detection_full.tflite'`. */
  palmModel: string;
}

/**
 * Names of the `@mediapipe/hands` files a bundle of one variant is built from (the palm model is packed inside
 * `packageData`, listed by `packageLoader`).
 *
 * @example
 * ```ts
 * import { handModelFiles } from 'posestream/model';
 * handModelFiles('lite').landmarkModel; // 'hand_landmark_lite.tflite'
 * ```
 */
export function handModelFiles(variant: HandModelVariant): HandModelFiles {
  return {
    landmarkModel: `hand_landmark_${variant}.tflite`,
    packageData: 'hands_solution_packed_assets.data',
    packageLoader: 'hands_solution_packed_assets_loader.js',
    palmModel: `palm_detection_${variant}.tflite`,
  } as const;
}

/**
 * Finds the installed `@mediapipe/hands` package directory, the way Node resolves it from posestream (so it
 * works when posestream is itself a dependency). Throws {@link ModelBuildError} when it is not installed.
 *
 * @example
 * ```ts
 * import { locateMediapipeHands } from 'posestream/model';
 * const dir = await locateMediapipeHands(); // .../node_modules/@mediapipe/hands
 * ```
 */
export async function locateMediapipeHands(from: string = import.meta.url): Promise<string> {
  // Node built-ins are imported on call, so that importing posestream in a browser bundle never pulls them in.
  const { createRequire } = await import('node:module');
  const { dirname } = await import('node:path');
  try {
    return dirname(createRequire(from).resolve('@mediapipe/hands/package.json'));
  } catch (cause) {
    throw new ModelBuildError(
      `@mediapipe/hands is not installed (cannot resolve @mediapipe/hands/package.json from ${from}); install @mediapipe/hands@0.4.1675469240`,
      '@mediapipe/hands/package.json',
      { cause },
    );
  }
}

/**
 * Reads the palm and landmark models of one variant from `@mediapipe/hands` and checks they are what a hand
 * landmarker bundle needs.
 *
 * The palm model comes out of the Emscripten package (`hands_solution_packed_assets.data`) by the file table in
 * its loader script; the landmark model is a plain file. Both must be TFLite models with one float32
 * `[1, H, W, 3]` input; the palm model has 2 outputs, the landmark model 4. Anything else throws
 * {@link ModelBuildError} naming the file and the problem.
 *
 * @example
 * ```ts
 * import { readHandModelSources } from 'posestream/model';
 * const { palmModel, landmarkModel } = await readHandModelSources('full');
 * ```
 */
export async function readHandModelSources(variant: HandModelVariant, handsDir?: string): Promise<HandModelSources> {
  const { existsSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = handsDir ?? (await locateMediapipeHands());
  const files = handModelFiles(variant);
  const read = (name: string): Uint8Array => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new ModelBuildError(`${path}: missing from @mediapipe/hands (expected version 0.4.1675469240)`, path);
    return new Uint8Array(readFileSync(path));
  };
  const loaderPath = join(dir, files.packageLoader);
  const loaderSource = new TextDecoder().decode(read(files.packageLoader));
  const dataPath = join(dir, files.packageData);
  const pkg = parseEmscriptenPackage(loaderSource, loaderPath);
  const palmModel = extractPackedFile(read(files.packageData), pkg, files.palmModel, dataPath);
  const landmarkModel = read(files.landmarkModel);
  checkImageModel(palmModel, `${dataPath} (${files.palmModel})`, 2);
  checkImageModel(landmarkModel, join(dir, files.landmarkModel), 4);
  return { handsDir: dir, palmModel, landmarkModel };
}

function checkImageModel(bytes: Uint8Array, label: string, outputCount: number): TfliteModelInfo {
  const info = readTfliteModel(bytes, label);
  const input = info.inputs[0];
  const shape = JSON.stringify(input?.shape);
  if (info.inputs.length !== 1 || input === undefined || input.type !== 0 || input.shape.length !== 4 || input.shape[0] !== 1 || input.shape[3] !== 3) {
    throw new ModelBuildError(`${label}: expected one float32 [1, H, W, 3] input, found ${info.inputs.length} inputs, the first ${shape} of type ${input?.type}`, label);
  }
  if (info.outputs.length !== outputCount) {
    throw new ModelBuildError(`${label}: expected ${outputCount} outputs, found ${info.outputs.length}`, label);
  }
  return info;
}
