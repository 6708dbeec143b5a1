/**
 * The demo's own Save / Load: taught models kept by name in this browser's IndexedDB (database `posestream-demo`,
 * store `models`), checked with `parseTaughtModel` when read back. Undefined where the browser has no IndexedDB.
 */
import { parseTaughtModel } from 'posestream';
import type { ModelStore } from './modelFiles.js';

const DB = 'posestream-demo';
const STORE = 'models';

/** Opens the store lazily (at the first Save or Load); errors name IndexedDB and what failed. */
export function openModelStore(): ModelStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  let db: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`IndexedDB "${DB}" could not be opened: ${request.error?.message ?? 'unknown error'}`));
    }));
  const run = <T>(what: string, mode: IDBTransactionMode, f: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    open().then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const tx = d.transaction(STORE, mode);
          const request = f(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(request.result);
          tx.onerror = tx.onabort = () => reject(new Error(`IndexedDB "${DB}": ${what} failed: ${(tx.error ?? request.error)?.message ?? 'aborted'}`));
        }),
    );
  return {
    save: (name, model) => run(`saving "${name}"`, 'readwrite', (s) => s.put(model, name)).then(() => undefined),
    load: (name) => run(`loading "${name}"`, 'readonly', (s) => s.get(name)).then((v: unknown) => (v === undefined ? undefined : parseTaughtModel(v, `IndexedDB "${DB}" model "${name}"`))),
    names: () => run('listing', 'readonly', (s) => s.getAllKeys()).then((keys) => keys.map(String).sort()),
  };
}
