import { PosestreamError } from '../errors.js';

/**
 * The pipeline was disposed before its models were loaded: `createHandGesturePipeline`'s `ready` rejects with it
 * (never an unhandled rejection when you ignore it).
 *
 * @example
 * ```ts
 * import { createHandGesturePipeline, PipelineDisposedError } from 'posestream';
 * const pipeline = createHandGesturePipeline();
 * pipeline.ready.catch((e) => e instanceof PipelineDisposedError || console.error(e));
 * pipeline.dispose();
 * ```
 */
export class PipelineDisposedError extends PosestreamError {
  constructor() {
    super('pipeline-disposed', 'createHandGesturePipeline: disposed before the models were loaded');
  }
}
