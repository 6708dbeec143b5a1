import { checkModelName } from './checkModelName.js';
import type { GestureModelStoreOptions } from './storeTypes.js';
import { withModelStore } from './withModelStore.js';

/**
 * Deletes the taught gesture model saved in the browser (IndexedDB) under `name`; resolves once the deletion is
 * committed (also when nothing was saved under that name).
 *
 * Rejects with a `GestureModelStoreError` (`kind: 'unavailable'`: no IndexedDB, or denied on this page; `'failed'`);
 * an empty `name` is an `InvalidOptionError`.
 *
 * @example
 * ```ts
 * import { deleteGestureModel, listGestureModels } from 'posestream';
 * await deleteGestureModel('my gestures');
 * console.log((await listGestureModels()).map((m) => m.name));
 * ```
 */
export async function deleteGestureModel(name: string, options: GestureModelStoreOptions = {}): Promise<void> {
  checkModelName('deleteGestureModel', name);
  await withModelStore({ operation: 'deleteGestureModel', modelName: name, options }, 'readwrite', (store) => store.delete(name));
}
