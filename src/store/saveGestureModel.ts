import type { TaughtGestureModel } from '../filters/templateTypes.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import { checkModelName } from './checkModelName.js';
import type { GestureModelStoreOptions } from './storeTypes.js';
import { withModelStore, type StoredGestureModel } from './withModelStore.js';

/**
 * Saves a taught gesture model in the browser (IndexedDB) under `name`, replacing one saved under that name before.
 * Resolves once the browser has committed it (it outlives the page: reload and `loadGestureModel(name)`).
 *
 * The model is checked first (a malformed one rejects with a `TaughtModelError` naming the field) and stored as a
 * copy: your object is untouched whatever happens. Rejects with a `GestureModelStoreError`: `kind: 'unavailable'`
 * (no IndexedDB, or denied on this page), `'quota'` (the browser refused to store more: keep the model in memory,
 * offer a download) or `'failed'`; an empty `name` is an `InvalidOptionError`.
 *
 * @example
 * ```ts
 * import { createHandGesturePipeline, saveGestureModel, type TaughtGestureModel } from 'posestream';
 * declare const taught: TaughtGestureModel; // e.g. createGestureTrainer(...).teach(...)'s last value's model
 * const pipeline = createHandGesturePipeline();
 * await pipeline.useGestureModel(taught);
 * await saveGestureModel('my gestures', taught);
 * ```
 */
export async function saveGestureModel(name: string, model: TaughtGestureModel, options: GestureModelStoreOptions = {}): Promise<void> {
  checkModelName('saveGestureModel', name);
  const checked = parseTaughtModel(model, `saveGestureModel(${JSON.stringify(name)})`);
  const record: StoredGestureModel = { name, labels: [...checked.labels], savedAt: Date.now(), bytes: JSON.stringify(checked).length, model: checked };
  await withModelStore({ operation: 'saveGestureModel', modelName: name, options }, 'readwrite', (store) => store.put(record));
}
