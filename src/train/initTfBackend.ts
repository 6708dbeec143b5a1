import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from './trainingTfjs.js';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** A tfjs backend the training code runs on in Node: `wasm` (fast, no Conv1D gradient) or `cpu` (pure JS, ~40x slower). */
export type TrainBackend = 'wasm' | 'cpu';

let wasmPathsSet = false;

/**
 * Selects a tfjs backend in Node, loading the wasm binaries from the local `@tensorflow/tfjs-backend-wasm`
 * package (never from a CDN).
 *
 * Resolves once the backend is ready; resolves to its name. Calling it again with the same backend is cheap.
 *
 * @example
 * ```ts
 * import { initTfBackend } from 'posestream/train';
 * await initTfBackend('wasm');
 * ```
 */
export async function initTfBackend(backend: TrainBackend = 'wasm'): Promise<TrainBackend> {
  if (backend === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const main = require.resolve('@tensorflow/tfjs-backend-wasm');
    setWasmPaths(join(dirname(main), '/'));
    wasmPathsSet = true;
  }
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`tfjs backend '${backend}' could not be initialised`);
  }
  await tf.ready();
  return backend;
}
