import { PosestreamError } from '../errors.js';

/**
 * The camera kept delivering frames but no pose frame came from the estimator worker, which still answered, for a
 * while. The live pipeline (workers path) then restarts its streams, as after a worker crash: `recovered` is true,
 * `stats$` counts a restart at the estimator stage and shows this message as `lastError`.
 *
 * @example
 * ```ts
 * import { createHandGesturePipeline } from 'posestream';
 * createHandGesturePipeline().stats$.subscribe((s) => s.lastError?.includes('no pose frame came') && console.warn(s.restarts, s.lastError));
 * ```
 */
export class StarvedStreamError extends PosestreamError {
  /** Frames the camera track delivered meanwhile. */
  readonly deliveredFrames: number;
  /** How long no pose frame came, ms. */
  readonly quietMs: number;
  /** Always `true`: the pipeline started its streams over and carries on (as `isRecoveredError` reports). */
  readonly recovered = true;
  constructor(deliveredFrames: number, quietMs: number) {
    super(
      'starved-stream',
      `the camera delivered ${deliveredFrames} frames in ${Math.round(quietMs)} ms but no pose frame came from the estimator worker, which still answers: restarting the streams`,
    );
    this.deliveredFrames = deliveredFrames;
    this.quietMs = quietMs;
  }
}
