import type { GestureModelStoreOptions, SavedGestureModel } from './storeTypes.js';
import { withModelStore, type StoredGestureModel } from './withModelStore.js';

/**
 * The taught gesture models saved in the browser (IndexedDB), by name (ascending): each one's name, labels, when it
 * was saved and its size. An empty array when none is saved (or the database does not exist yet).
 *
 * Rejects with a `GestureModelStoreError` (`kind: 'unavailable'`: no IndexedDB, or denied on this page; `'failed'`).
 *
 * @example
 * ```ts
 * import { listGestureModels } from 'posestream';
 * for (const saved of await listGestureModels()) console.log(saved.name, saved.labels.join(', '), new Date(saved.savedAt));
 * ```
 */
export async function listGestureModels(options: GestureModelStoreOptions = {}): Promise<SavedGestureModel[]> {
  const records = (await withModelStore({ operation: 'listGestureModels', options }, 'readonly', (store) => store.getAll())) as Partial<StoredGestureModel>[];
  return records
    .filter((r): r is StoredGestureModel => typeof r?.name === 'string')
    .map((r) => ({
      name: r.name,
      labels: Array.isArray(r.labels) ? r.labels.filter((l): l is string => typeof l === 'string') : [],
      savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
      bytes: typeof r.bytes === 'number' ? r.bytes : 0,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
