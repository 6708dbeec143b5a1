import type { TaughtGestureModel } from '../filters/templateTypes.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import { checkModelName } from './checkModelName.js';
import type { GestureModelStoreOptions } from './storeTypes.js';
import { DEFAULT_MODEL_DATABASE, storeError, withModelStore, type StoredGestureModel } from './withModelStore.js';

/**
 * Loads the taught gesture model saved in the browser (IndexedDB) under `name`, checked (`parseTaughtModel`), ready
 * for `pipeline.useGestureModel`, the pipeline's `gestureModel` option or `createClassifierWorker({ model })`;
 * resolves with `undefined` when none is saved under that name.
 *
 * Rejects with a `GestureModelStoreError`: `kind: 'malformed'` when what is stored there is not a taught model (the
 * cause, a `TaughtModelError`, names the field), `'unavailable'` (no IndexedDB, or denied on this page) or
 * `'failed'`; an empty `name` is an `InvalidOptionError`.
 *
 * @example
 * ```ts
 * import { createHandGesturePipeline, loadGestureModel } from 'posestream';
 * const saved = await loadGestureModel('my gestures');
 * const pipeline = createHandGesturePipeline({ gestureModel: saved ?? 'swipes' });
 * ```
 */
export async function loadGestureModel(name: string, options: GestureModelStoreOptions = {}): Promise<TaughtGestureModel | undefined> {
  checkModelName('loadGestureModel', name);
  const call = { operation: 'loadGestureModel', modelName: name, options } as const;
  const record = (await withModelStore(call, 'readonly', (store) => store.get(name))) as StoredGestureModel | undefined;
  if (record === undefined) return undefined;
  const source = `IndexedDB "${options.database ?? DEFAULT_MODEL_DATABASE}" model ${JSON.stringify(name)}`;
  try {
    return parseTaughtModel((record as { model?: unknown }).model, source);
  } catch (error) {
    throw storeError(call, 'malformed', `what is saved under this name is not a taught gesture model: ${(error as Error).message}`, error);
  }
}
