/**
 * `posestream/node`: the Node-only side of posestream: the `posestream` command's sub-commands as functions, the
 * headless-Chromium helpers `posestream record` runs the browser estimator with, writing recordings to files, and the
 * `.npy` / kairess data loaders. Loading it needs no optional peer: a function that needs one (playwright-core,
 * vite and sirv, the model builder's or training's packages) imports it when it is called, and rejects with a
 * `MissingDependencyError` naming the package and its install line when it is not installed.
 *
 * @module posestream/node
 */
export { recordPoses } from './streams/recordPoses.js';
export { readNpy, NpyFormatError } from './data/readNpy.js';
export type { NpyArray, NpyDtype } from './data/readNpy.js';
export { loadKairess, KAIRESS_LABELS } from './data/loadKairess.js';
export type { KairessTake, LoadKairessOptions } from './data/loadKairess.js';
export { main } from './cli/main.js';
export { runClassify, resolveModelJson, DEFAULT_MODEL_DIR } from './cli/classify.js';
export { readTaughtModelFile } from './cli/readTaughtModelFile.js';
export { NoWindowsError } from './cli/NoWindowsError.js';
export { runRecord } from './cli/record.js';
export { RecordError } from './cli/RecordError.js';
export { runBuildModel } from './cli/buildModel.js';
export { runTrain } from './cli/train.js';
export { runEval } from './cli/eval.js';
export { findChromium, ChromiumNotFoundError, CHROMIUM_CANDIDATES } from './browser/findChromium.js';
export { launchChromium, CHROMIUM_ARGS, type LaunchChromiumOptions, type LaunchedChromium } from './browser/launchChromium.js';
export { MissingDependencyError } from './cli/missingDependency.js';
