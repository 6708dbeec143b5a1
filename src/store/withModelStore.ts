import { GestureModelStoreError, type GestureModelStoreErrorKind } from './GestureModelStoreError.js';
import type { GestureModelStoreOptions, SavedGestureModel } from './storeTypes.js';

/** The database saved gesture models are kept in unless `database` says otherwise. @internal */
export const DEFAULT_MODEL_DATABASE = 'posestream-gesture-models';
const STORE = 'models';
const VERSION = 1;

/** One saved model as IndexedDB holds it: what `listGestureModels` reports, and the model (checked when loaded). @internal */
export interface StoredGestureModel extends SavedGestureModel {
  model: unknown;
}

/** Which call is asking, about which model (for the messages). @internal */
export interface StoreCall {
  operation: 'saveGestureModel' | 'loadGestureModel' | 'listGestureModels' | 'deleteGestureModel';
  modelName?: string;
  options?: GestureModelStoreOptions | undefined;
}

const described = (error: unknown): string =>
  error instanceof Error || (typeof DOMException === 'function' && error instanceof DOMException) ? `${(error as Error).name}: ${(error as Error).message}` : String(error);

/** The typed error of `call`: `kind`, what happened in words, the browser's error as the cause. @internal */
export function storeError(call: StoreCall, kind: GestureModelStoreErrorKind, detail: string, cause?: unknown): GestureModelStoreError {
  const database = call.options?.database ?? DEFAULT_MODEL_DATABASE;
  const what = call.modelName !== undefined ? `${call.operation}(${JSON.stringify(call.modelName)})` : `${call.operation}()`;
  return new GestureModelStoreError(kind, `${what}: IndexedDB database "${database}": ${detail}`, { modelName: call.modelName, database, cause });
}

/** A browser error from IndexedDB as the typed error: a full quota, storage denied, or another failure. */
function fromBrowser(call: StoreCall, error: unknown, opening: boolean): GestureModelStoreError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return storeError(call, 'quota', `the browser refused to store more for this site (${described(error)}); the model in memory is untouched`, error);
  }
  if (opening || name === 'SecurityError') {
    return storeError(call, 'unavailable', `IndexedDB cannot be used on this page (${described(error)}): an opaque origin (a sandboxed iframe, a data: or file: page) or storage blocked in the browser's settings`, error);
  }
  return storeError(call, 'failed', described(error), error);
}

/** Opens (creating on first use) the database, or rejects with the typed error. */
function openDatabase(call: StoreCall): Promise<IDBDatabase> {
  const database = call.options?.database ?? DEFAULT_MODEL_DATABASE;
  return new Promise((resolve, reject) => {
    let factory: IDBFactory | undefined;
    let request: IDBOpenDBRequest;
    try {
      factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
      if (factory === undefined || factory === null) {
        reject(storeError(call, 'unavailable', 'this page has no IndexedDB (`indexedDB` is undefined: not a browser, or a browser without it)'));
        return;
      }
      request = factory.open(database, VERSION);
    } catch (error) {
      reject(fromBrowser(call, error, true)); // an opaque origin throws a SecurityError here
      return;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'name' });
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close(); // never hold up another tab's upgrade
      resolve(db);
    };
    request.onerror = () => reject(fromBrowser(call, request.error, true));
    request.onblocked = () => reject(storeError(call, 'failed', 'the database is held open by another tab at an older version: close it and try again'));
  });
}

/**
 * Runs `use` on the models object store in one transaction and resolves with its request's result once the
 * transaction has committed (a save is on disk then); rejects with a `GestureModelStoreError` (`unavailable`,
 * `quota`, `failed`). The connection is closed afterwards. @internal
 */
export async function withModelStore<T>(call: StoreCall, mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase(call);
  return new Promise<T>((resolve, reject) => {
    let request: IDBRequest<T>;
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(STORE, mode);
      request = use(transaction.objectStore(STORE));
    } catch (error) {
      db.close();
      reject(fromBrowser(call, error, false)); // e.g. a DataCloneError
      return;
    }
    transaction.oncomplete = () => {
      db.close();
      resolve(request.result);
    };
    // A failed request aborts the transaction (QuotaExceededError arrives here, on the commit).
    transaction.onabort = () => {
      db.close();
      reject(fromBrowser(call, transaction.error ?? request.error ?? new Error('the transaction was aborted'), false));
    };
  });
}
