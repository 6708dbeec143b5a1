import { PosestreamError } from '../errors.js';

/**
 * A taught gesture model's JSON that is not one: a wrong format, missing labels, templates of the wrong shape.
 * The message names the model (URL, path or "a taught gesture model (object)") and the field; `code` is
 * `'taught-model'`.
 *
 * @example
 * ```ts
 * import { parseTaughtModel, TaughtModelError } from 'posestream';
 * try { parseTaughtModel(json, 'gestures.json'); } catch (err) { if (err instanceof TaughtModelError) console.error(err.source); }
 * ```
 */
export class TaughtModelError extends PosestreamError {
  /** The model's URL or path (or what stands for it). */
  readonly source: string;
  constructor(source: string, detail: string) {
    super('taught-model', `${source}: ${detail}`);
    this.source = source;
  }
}
