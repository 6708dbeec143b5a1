/** Options of the saved-model functions (`saveGestureModel`, `loadGestureModel`, `listGestureModels`, `deleteGestureModel`). */
export interface GestureModelStoreOptions {
  /**
   * The IndexedDB database the models are kept in (one object store, `models`, keyed by name). Give apps sharing an
   * origin their own.
   * @default 'posestream-gesture-models'
   */
  database?: string;
}

/** What `listGestureModels` says of one saved model (without reading its templates into your code). */
export interface SavedGestureModel {
  /** The name it was saved under. */
  name: string;
  /** Its labels: the taught gestures, then `none`. */
  labels: string[];
  /** When it was saved, ms since the epoch (`Date.now()`). */
  savedAt: number;
  /** The size of its JSON, in bytes (UTF-16 code units of `JSON.stringify(model)`: about its size on disk). */
  bytes: number;
}
