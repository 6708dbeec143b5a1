/**
 * `posestream/node`: the Node-only side of posestream: the `posestream` command's sub-commands as functions, and the
 * headless-Chromium helpers `posestream record` runs the browser estimator with, writing recordings to files, and the
 * `.npy` / kairess data loaders. Tools here need optional peers (see the README); the CLI names what is missing.
 */
export { recordPoses } from './streams/recordPoses.js';
export { readNpy, NpyFormatError } from './data/readNpy.js';
export type { NpyArray, NpyDtype } from './data/readNpy.js';
export { loadKairess, KAIRESS_LABELS } from './data/loadKairess.js';
export type { KairessTake, LoadKairessOptions } from './data/loadKairess.js';
export { main } from './cli/main.js';
export { runClassify, resolveModelJson, DEFAULT_MODEL_DIR } from './cli/classify.js';
export { NoWindowsError } from './cli/NoWindowsError.js';
export { runRecord } from './cli/record.js';
export { RecordError } from './cli/RecordError.js';
export { runBuildModel } from './cli/buildModel.js';
export { runTrain } from './cli/train.js';
export { runEval } from './cli/eval.js';
export { runBench, BenchError } from './cli/bench.js';
export { findChromium, ChromiumNotFoundError, CHROMIUM_CANDIDATES } from './browser/findChromium.js';
export { launchChromium, CHROMIUM_ARGS, type LaunchChromiumOptions, type LaunchedChromium } from './browser/launchChromium.js';
export { startPageServer, type StartPageServerOptions, type PageServer } from './browser/startPageServer.js';
export { staticMounts } from './browser/staticMounts.js';
export { MissingDependencyError } from './cli/missingDependency.js';
