/**
 * The shared memory of the off-main-thread pipeline on a cross-origin isolated page: the estimator worker writes
 * the latest pose frame into it, the gesture worker its predictions, and both ring one doorbell that the page
 * waits on (`Atomics.waitAsync`). The page then reads what is new: no message per frame, no reply.
 *
 * Layout of `buffer`: Int32 words `[doorbell, pose sequence, predictions written, predictions read]`, then (from
 * byte 16) Float64 values: the pose slot (`[length, ...packPoseFrame values]`, room for `maxHands` hands with world
 * landmarks), then `capacity` prediction entries of `PREDICTION_HEADER + labels` values each.
 */
import { LANDMARKS_PER_HAND } from '../filters/validateHand.js';

/** Values of a prediction entry before its scores: windowEndTimestamp, windowEndIndex, startedAt, finishedAt, match start and end timestamps (NaN without a match). @internal */
export const PREDICTION_HEADER = 6;
/** Int32 word indices. @internal */
export const DOORBELL = 0;
export const POSE_SEQUENCE = 1;
export const PREDICTIONS_WRITTEN = 2;
export const PREDICTIONS_READ = 3;
const INT_WORDS = 4;

/**
 * The shared memory of the off-main-thread pipeline (`HandStreamRequest.shared`, `GestureStreamRequest.shared`), as
 * the page allocates it on a cross-origin isolated page and both workers receive it; `createHandGesturePipeline`
 * makes it.
 */
export interface SharedResults {
  /** The shared memory itself (layout above), given to both workers. */
  buffer: SharedArrayBuffer;
  /** Hands the pose slot has room for. */
  maxHands: number;
  /** Scores per prediction (the model's label count). */
  labels: number;
  /** Predictions the ring holds before the writer keeps them back. */
  capacity: number;
}

/** Typed views over a `SharedResults` buffer. @internal */
export interface SharedResultsViews {
  ints: Int32Array;
  /** `[length, ...packed pose frame]`. */
  pose: Float64Array;
  /** `capacity` entries of `PREDICTION_HEADER + labels` values. */
  predictions: Float64Array;
}

/** Values of a packed pose frame with `hands` hands, each with world landmarks (`packPoseFrame`'s largest). */
function poseValues(hands: number): number {
  return 6 + hands * (3 + 2 * LANDMARKS_PER_HAND * 3);
}

/** Whether this thread can share results through memory: a cross-origin isolated page with `Atomics.waitAsync`. @internal */
export function canShareResults(): boolean {
  return (
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true &&
    typeof SharedArrayBuffer === 'function' &&
    typeof (Atomics as { waitAsync?: unknown }).waitAsync === 'function'
  );
}

/** Allocates the shared results of a pipeline with up to `maxHands` hands and `labels` scores per prediction (ring of 256 by default). @internal */
export function createSharedResults(options: { maxHands: number; labels: number; capacity?: number }): SharedResults {
  const capacity = options.capacity ?? 256;
  const floats = 1 + poseValues(options.maxHands) + capacity * (PREDICTION_HEADER + options.labels);
  const buffer = new SharedArrayBuffer(INT_WORDS * 4 + floats * 8);
  return { buffer, maxHands: options.maxHands, labels: options.labels, capacity };
}

/** The typed views of `shared`. @internal */
export function sharedResultsViews(shared: SharedResults): SharedResultsViews {
  const poseLength = 1 + poseValues(shared.maxHands);
  const start = INT_WORDS * 4;
  return {
    ints: new Int32Array(shared.buffer, 0, INT_WORDS),
    pose: new Float64Array(shared.buffer, start, poseLength),
    predictions: new Float64Array(shared.buffer, start + poseLength * 8, shared.capacity * (PREDICTION_HEADER + shared.labels)),
  };
}

/** Rings the doorbell: wakes the page's `Atomics.waitAsync`. @internal */
export function ringDoorbell(views: SharedResultsViews): void {
  Atomics.add(views.ints, DOORBELL, 1);
  Atomics.notify(views.ints, DOORBELL);
}
