import { transfer } from 'comlink';
import type { ClassifierInfo, ClassifierWorkerApi, FunctionClassifierInit } from './classifierProtocol.js';
import { entryUrl } from './startRawWorker.js';
import { ClassifierError, ModelLoadError } from './workerErrors.js';

/** What a user's classifier module default-exports. */
export type WindowClassifierFunction = (
  window: Float32Array,
  shape: readonly [number, number, number],
) => Float32Array | number[] | Promise<Float32Array | number[]>;

/**
 * Runs a user's classifier module inside a worker: the module (URL or Node path) default-exports
 * `(window, shape) => scores` (sync or async) and exports `labels` (or they come with init). Errors name the
 * module. The `functionClassifierWorker` entry exposes it.
 *
 * Internal: the packaged worker entry runs it (no public entry exports it).
 *
 * @example
 * ```ts
 * import { exposeWorker } from 'posestream/workers';
 * import { createFunctionClassifierService } from '../functionClassifier.js'; // src/workers/entries/functionClassifierWorker.ts
 * exposeWorker(createFunctionClassifierService());
 * ```
 * @internal
 */
export function createFunctionClassifierService(): ClassifierWorkerApi<FunctionClassifierInit> {
  let fn: WindowClassifierFunction | undefined;
  let source = '';
  return {
    async init(options) {
      source = String(options.module);
      let mod: { default?: unknown; labels?: unknown };
      try {
        mod = (await import(/* @vite-ignore */ entryUrl(source).href)) as typeof mod;
      } catch (err) {
        throw new ModelLoadError(source, `could not import classifier module ${source}: ${(err as Error).message}`, { cause: err });
      }
      if (typeof mod.default !== 'function') {
        throw new ModelLoadError(source, `classifier module ${source} must default-export a function (window, shape) => scores`);
      }
      const labels = options.labels ?? mod.labels;
      if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string')) {
        throw new ModelLoadError(source, `classifier module ${source} must export labels (a non-empty string array) or get them as an option`);
      }
      fn = mod.default as WindowClassifierFunction;
      const info: ClassifierInfo = { source, labels: [...labels], windowSize: undefined, inputLayout: 'nx21x3', backend: 'function' };
      return info;
    },
    async classify(window, shape) {
      if (!fn) throw new Error(`classifier worker (${source}): classify() before init()`);
      let out: Float32Array | number[];
      try {
        out = await fn(window, shape);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        const error = new ClassifierError(source, `classifier module ${source} threw on a window of shape [${shape.join(', ')}]: ${e.name}: ${e.message}`, { cause: err });
        // The module's own frames, under this error's first line (only name, message and stack cross to the page).
        error.stack = `${error.name}: ${error.message}\n${(e.stack ?? '').split('\n').slice(1).join('\n')}`;
        throw error;
      }
      const scores = Float32Array.from(out); // a copy: the module may reuse its array
      return transfer(scores, [scores.buffer]);
    },
  };
}
