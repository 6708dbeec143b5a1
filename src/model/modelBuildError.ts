import { PosestreamError } from '../errors.js';

/**
 * Raised when the hand model bundle cannot be built: `@mediapipe/hands` is missing, or one of its files is not
 * what the builder expects.
 *
 * The message names the file and what was wrong with it (`file` holds the path); `code` is `'model-build'`.
 *
 * @example
 * ```ts
 * import { buildHandModels, ModelBuildError } from 'posestream/model';
 * try {
 *   await buildHandModels({ outDir: 'models' });
 * } catch (error) {
 *   if (error instanceof ModelBuildError) console.error(error.file, error.message);
 * }
 * ```
 */
export class ModelBuildError extends PosestreamError {
  /** The file that was missing or wrong, when there is one. */
  readonly file: string | undefined;
  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super('model-build', message, options);
    this.file = file;
  }
}
