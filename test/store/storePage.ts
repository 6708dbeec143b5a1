/**
 * The saved-model functions in the page (test/store/gestureModelStore.test.ts drives it): each scenario returns plain
 * JSON. `opaqueFrame` runs `probeStore` in a sandboxed iframe (an opaque origin, where IndexedDB is denied).
 */
import type { TaughtGestureModel } from '../../src/filters/templateTypes.js';
import { deleteGestureModel } from '../../src/store/deleteGestureModel.js';
import { GestureModelStoreError } from '../../src/store/GestureModelStoreError.js';
import { listGestureModels } from '../../src/store/listGestureModels.js';
import { loadGestureModel } from '../../src/store/loadGestureModel.js';
import { saveGestureModel } from '../../src/store/saveGestureModel.js';

/** What a rejection was, as JSON. */
export interface Failure {
  name: string;
  kind?: string;
  modelName?: string;
  database?: string;
  message: string;
  cause?: string;
}
const failure = (error: unknown): Failure => {
  const e = error as Error & { cause?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(error instanceof GestureModelStoreError ? { kind: error.kind, modelName: error.modelName, database: error.database } : {}),
    ...(e.cause instanceof Error ? { cause: `${e.cause.name}: ${e.cause.message}` } : {}),
  };
};
/** The promise's value, or its rejection as a {@link Failure}. */
const settle = async <T>(p: Promise<T>): Promise<{ value?: T; error?: Failure }> => p.then((value) => ({ value }), (error: unknown) => ({ error: failure(error) }));

/** Writes `value` under `name` straight into the store's database (as another program or an old version might). */
function writeRaw(database: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(database, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('models', { keyPath: 'name' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('models', 'readwrite');
      tx.objectStore('models').put(value);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    };
  });
}

const storePage = {
  save: (name: string, model: TaughtGestureModel, database?: string) => settle(saveGestureModel(name, model, database !== undefined ? { database } : {})),
  load: (name: string, database?: string) => settle(loadGestureModel(name, database !== undefined ? { database } : {})),
  list: (database?: string) => settle(listGestureModels(database !== undefined ? { database } : {})),
  remove: (name: string, database?: string) => settle(deleteGestureModel(name, database !== undefined ? { database } : {})),
  writeRaw,
  /** Saves `model` and says whether the object passed in is unchanged afterwards (whatever the outcome). */
  async saveKeepsModel(name: string, model: TaughtGestureModel): Promise<{ error?: Failure; unchanged: boolean }> {
    const before = JSON.stringify(model);
    const { error } = await settle(saveGestureModel(name, model));
    return { ...(error !== undefined ? { error } : {}), unchanged: JSON.stringify(model) === before };
  },
  /** Every function on a page whose `indexedDB` is gone (a browser without it). */
  async withoutIndexedDb(): Promise<Failure[]> {
    const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const results = await Promise.all([storePage.list(), storePage.load('x'), storePage.remove('x')]);
      return results.map((r) => r.error ?? { name: 'none', message: 'resolved' });
    } finally {
      if (own !== undefined) Object.defineProperty(globalThis, 'indexedDB', own);
      else delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  },
  /** `listGestureModels` and `saveGestureModel` in a sandboxed iframe (an opaque origin), as the frame reports them. */
  opaqueFrame(model: TaughtGestureModel): Promise<Failure[]> {
    return new Promise((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.sandbox.add('allow-scripts'); // no allow-same-origin: an opaque origin
      const probe = new URL('./storeProbe.ts', import.meta.url).href;
      frame.srcdoc = `<script type="module">
        import { probeStore } from ${JSON.stringify(probe)};
        addEventListener('message', async (e) => parent.postMessage(await probeStore(e.data), '*'));
        parent.postMessage('ready', '*');
      </script>`;
      const timer = setTimeout(() => reject(new Error('the sandboxed frame did not answer in 30 s')), 30_000);
      addEventListener('message', function answer(e: MessageEvent) {
        if (e.source !== frame.contentWindow) return;
        if (e.data === 'ready') return frame.contentWindow!.postMessage(model, '*');
        clearTimeout(timer);
        removeEventListener('message', answer);
        frame.remove();
        resolve(e.data as Failure[]);
      });
      document.body.append(frame);
    });
  },
};
export type StorePage = typeof storePage;
(window as unknown as { storePage: StorePage }).storePage = storePage;
document.title = 'store page ready';
