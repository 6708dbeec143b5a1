import * as tf from './tfjs.js';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { nodeFiles } from './nodeFiles.js';
import { ModelLoadError } from './workerErrors.js';

/** The three packaged tfjs wasm binaries, each its own literal URL so that bundlers emit them. */
function packagedWasmFiles(): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL('../assets/tfjs/tfjs-backend-wasm.wasm', import.meta.url).href,
    'tfjs-backend-wasm-simd.wasm': new URL('../assets/tfjs/tfjs-backend-wasm-simd.wasm', import.meta.url).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL('../assets/tfjs/tfjs-backend-wasm-threaded-simd.wasm', import.meta.url).href,
  };
}

/**
 * Puts TensorFlow.js on the wasm backend, falling back to cpu if wasm cannot start ('auto'); returns the one in
 * use. In Node the `.wasm` files come from the installed `@tensorflow/tfjs-backend-wasm/dist/`; in browsers from
 * `wasmPaths` (a prefix) or the copies packaged in posestream (`dist/assets/tfjs/`). Never a CDN. Always the
 * single-threaded build (SIMD where supported), also in cross-origin isolated pages. With
 * 'wasm' a backend that cannot start is a `ModelLoadError` naming the wasm URLs and the `wasmPaths` option.
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
    const paths = prefix ?? packagedWasmFiles();
    setWasmPaths(paths);
    // One thread: in a cross-origin isolated page tfjs would pick the threaded build, whose pthread workers a
    // bundled worker cannot start (the classifier worker crashed with an uncaught ErrorEvent). The classifier
    // already runs in its own worker.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    let why = 'setBackend returned false';
    const ok = await tf.setBackend('wasm').catch((err: unknown) => ((why = err instanceof Error ? err.message : String(err)), false));
    if (ok) {
      await tf.ready();
      return 'wasm';
    }
    if (preference === 'wasm') {
      const where = typeof paths === 'string' ? `${paths}*.wasm` : Object.values(paths).join(', ');
      const option = wasmPaths !== undefined ? 'set by the "wasmPaths" option' : 'the packaged copies; override with the "wasmPaths" option';
      throw new ModelLoadError(where, `the TensorFlow.js wasm backend could not start from ${where} (${option}): ${why}`);
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
