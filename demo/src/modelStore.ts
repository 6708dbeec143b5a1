/**
 * The demo's Save / Load: taught models kept by name in this browser's IndexedDB through posestream's
 * `saveGestureModel` / `loadGestureModel` / `listGestureModels` (checked with `parseTaughtModel` when read back; a
 * `GestureModelStoreError` says when IndexedDB is unavailable or full). Undefined where the browser has no IndexedDB.
 */
import { listGestureModels, loadGestureModel, saveGestureModel } from 'posestream';
import type { ModelStore } from './modelFiles.js';

/** The store behind the Teach panel's Save and Load buttons. */
export function openModelStore(): ModelStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  return {
    save: (name, model) => saveGestureModel(name, model),
    load: (name) => loadGestureModel(name),
    names: async () => (await listGestureModels()).map((m) => m.name).sort(),
  };
}
