import * as tf from './tfjs.js';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { nodeFiles } from './nodeFiles.js';

/**
 * Puts TensorFlow.js on the wasm backend, falling back to cpu if wasm cannot start; returns the one in use.
 * In Node the `.wasm` files come from the installed `@tensorflow/tfjs-backend-wasm/dist/`; in browsers from
 * `wasmPaths` (absent: the package's default, next to the script). Never a CDN.
 * @internal
 */
export async function selectTfjsBackend(
  preference: 'auto' | 'wasm' | 'cpu' = 'auto',
  wasmPaths?: string,
): Promise<'wasm' | 'cpu'> {
  if (preference !== 'cpu') {
    const node = nodeFiles();
    const prefix =
      wasmPaths ??
      (node
        ? node.module
            .createRequire(import.meta.url)
            .resolve('@tensorflow/tfjs-backend-wasm/package.json')
            .replace(/package\.json$/, 'dist/')
        : undefined);
    if (prefix !== undefined) setWasmPaths(prefix);
    const ok = await tf.setBackend('wasm').catch(() => false);
    if (ok) {
      await tf.ready();
      return 'wasm';
    }
    if (preference === 'wasm') throw new Error('the TensorFlow.js wasm backend could not start');
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
