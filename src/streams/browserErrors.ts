/**
 * Typed errors of the browser side of posestream: camera and video sources, and the hand-landmarker worker.
 * Model load failures use `ModelLoadError` (src/workers/workerErrors.ts). Every class extends {@link PosestreamError}; `code` is stable, the message says what was wrong and where
 * (URL, frame index, device).
 */
import { PosestreamError } from '../errors.js';
import { reviveWorkerError } from '../workers/workerErrors.js';

/** Why a camera could not be opened. */
export type CameraErrorReason =
  | 'permission-denied'
  | 'not-found'
  | 'in-use'
  | 'overconstrained'
  | 'insecure-context'
  | 'unsupported'
  | 'unknown';

/**
 * The camera could not be opened: permission denied, no camera, camera busy, constraints impossible,
 * page not in a secure context, or no `getUserMedia`.
 *
 * @example
 * ```ts
 * import { fromCamera, CameraError } from 'posestream';
 * fromCamera().subscribe({ error: (e) => { if (e instanceof CameraError && e.reason === 'permission-denied') alert('Allow the camera'); } });
 * ```
 */
export class CameraError extends PosestreamError {
  /** Why the camera could not be opened (also in `code`, as `camera-<reason>`). */
  readonly reason: CameraErrorReason;
  constructor(reason: CameraErrorReason, message: string, options?: { cause?: unknown }) {
    super(`camera-${reason}`, message, options);
    this.reason = reason;
  }
}

/** Why a video could not be read. */
export type VideoSourceErrorReason = 'unsupported' | 'decode' | 'network' | 'aborted' | 'not-ready';

/**
 * A video element or file could not be read: unsupported format, decode failure, network failure (the message
 * names the URL).
 *
 * @example
 * ```ts
 * import { fromVideoFile, VideoSourceError } from 'posestream';
 * fromVideoFile('/clip.mp4').subscribe({ error: (e) => e instanceof VideoSourceError && console.error(e.reason, e.message) });
 * ```
 */
export class VideoSourceError extends PosestreamError {
  /** Why the video could not be read. */
  readonly reason: VideoSourceErrorReason;
  constructor(reason: VideoSourceErrorReason, message: string, options?: { cause?: unknown }) {
    super(`video-${reason}`, message, options);
    this.reason = reason;
  }
}

/**
 * A frame of width or height 0 reached a source or the estimator (a video with no decoded picture yet, a
 * transferred-away or closed `ImageBitmap`).
 *
 * @example
 * ```ts
 * import { EmptyFrameError } from 'posestream';
 * const isEmpty = (e: unknown) => e instanceof EmptyFrameError;
 * ```
 */
export class EmptyFrameError extends PosestreamError {
  /** Index of the empty frame in its source, when known. */
  readonly frameIndex: number | undefined;
  constructor(message: string, frameIndex?: number) {
    super('empty-frame', message);
    this.frameIndex = frameIndex;
  }
}

/**
 * A frame's timestamp was not strictly greater than the previous one and the estimator was told
 * `timestampPolicy: 'error'` (the default policy bumps it instead).
 *
 * @example
 * ```ts
 * import { TimestampError } from 'posestream';
 * const isTimestampProblem = (e: unknown) => e instanceof TimestampError;
 * ```
 */
export class TimestampError extends PosestreamError {
  /** Index of the frame whose timestamp did not increase, when known. */
  readonly frameIndex: number | undefined;
  constructor(message: string, frameIndex?: number) {
    super('non-increasing-timestamp', message);
    this.frameIndex = frameIndex;
  }
}

/**
 * The hand estimator was used before `init` finished, after it was disposed, or `init` was called twice.
 *
 * @example
 * ```ts
 * import { HandEstimatorStateError } from 'posestream';
 * const isStateProblem = (e: unknown) => e instanceof HandEstimatorStateError;
 * ```
 */
export class HandEstimatorStateError extends PosestreamError {
  constructor(message: string) {
    super('hand-estimator-state', message);
  }
}

const revivers: Record<string, (message: string) => PosestreamError> = {
  CameraError: (m) => new CameraError('unknown', m),
  VideoSourceError: (m) => new VideoSourceError('unsupported', m),
  EmptyFrameError: (m) => new EmptyFrameError(m),
  TimestampError: (m) => new TimestampError(m),
  HandEstimatorStateError: (m) => new HandEstimatorStateError(m),
};

/**
 * Turns an error that crossed a worker boundary (comlink keeps only `name` and `message`) back into its
 * posestream class, so `instanceof` works on the main thread (`ModelLoadError` gets `modelSource` as its
 * `source`). Other errors are returned unchanged.
 *
 * Internal: the estimator worker client uses it (no public entry exports it).
 *
 * @example
 * ```ts
 * import { reviveBrowserError } from '../streams/browserErrors.js'; // createHandEstimatorWorker
 * try { await proxy.detect(request); } catch (e) { throw reviveBrowserError(e); }
 * ```
 * @internal
 */
export function reviveBrowserError(error: unknown, modelSource = 'hand model'): unknown {
  if (!(error instanceof Error) || error instanceof PosestreamError) return error;
  if (error.name === 'ModelLoadError') return reviveWorkerError(error, modelSource);
  const revive = revivers[error.name];
  if (revive === undefined) return error;
  const revived = revive(error.message);
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}
