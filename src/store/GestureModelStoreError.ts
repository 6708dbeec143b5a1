import { PosestreamError } from '../errors.js';

/**
 * Why a saved gesture model could not be saved, loaded, listed or deleted:
 * - `unavailable`: the page has no usable IndexedDB (none at all, e.g. Node or an old browser; denied, e.g. a
 *   sandboxed iframe or another opaque origin, or storage blocked by the user's settings);
 * - `quota`: the browser refused to store more for this origin (`QuotaExceededError`: the disk, or the site's quota);
 * - `malformed`: what is stored under the name is not a taught gesture model (written by something else, or by an
 *   incompatible version): the cause is the `TaughtModelError` naming the field;
 * - `failed`: IndexedDB failed otherwise (a transaction aborted, the database blocked by an open tab of an older
 *   version); the cause is the browser's `DOMException`.
 */
export type GestureModelStoreErrorKind = 'unavailable' | 'quota' | 'malformed' | 'failed';

/**
 * A saved gesture model (IndexedDB) that could not be saved, loaded, listed or deleted. The message names the
 * operation, the model's name, the database and what the browser said; `code` is `'gesture-model-store'`. Nothing
 * is lost in memory: the model you passed to `saveGestureModel` is untouched (keep using it, or offer a download).
 *
 * @example
 * ```ts
 * import { saveGestureModel, GestureModelStoreError, type TaughtGestureModel } from 'posestream';
 * declare const model: TaughtGestureModel;
 * try { await saveGestureModel('my gestures', model); }
 * catch (err) { if (err instanceof GestureModelStoreError && err.kind === 'quota') console.warn('storage full: download it instead'); }
 * ```
 */
export class GestureModelStoreError extends PosestreamError {
  /** What went wrong, as a string union (e.g. `'quota'`). */
  readonly kind: GestureModelStoreErrorKind;
  /** The saved model's name the operation was about (undefined for `listGestureModels`). */
  readonly modelName: string | undefined;
  /** The IndexedDB database's name. */
  readonly database: string;
  constructor(kind: GestureModelStoreErrorKind, message: string, details: { modelName?: string | undefined; database: string; cause?: unknown }) {
    super('gesture-model-store', message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.kind = kind;
    this.modelName = details.modelName;
    this.database = details.database;
  }
}
