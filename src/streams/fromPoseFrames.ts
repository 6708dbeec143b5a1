import { from, scheduled } from 'rxjs';
import type { Observable, SchedulerLike } from 'rxjs';
import type { PoseFrame } from '../types.js';

/** Options of {@link fromPoseFrames}. */
export interface FromPoseFramesOptions {
  /** Scheduler to emit on (e.g. `asyncScheduler`, or the `TestScheduler` in tests). @default undefined (emit synchronously / as the iterable yields) */
  scheduler?: SchedulerLike;
}

/**
 * Turns pose frames already in hand (an array, any iterable such as a generator, or an async iterable) into an
 * Observable of `PoseFrame`s, in order, completing after the last one.
 *
 * Without a `scheduler`, arrays and iterables emit synchronously on subscribe and async iterables as they yield;
 * with one, every frame is emitted in its own scheduled task (RxJS `scheduled`). Frames are passed on as they are
 * (no copy, no validation); an error thrown by the iterable errors the Observable. Unsubscribing stops iteration.
 *
 * @example
 * ```ts
 * import { fromPoseFrames } from 'posestream';
 * import { syntheticPoseStream } from 'posestream/testing';
 * fromPoseFrames(syntheticPoseStream({ frames: 60, fps: 30, motion: 'swipe-right' }))
 *   .subscribe((frame) => console.log(frame.index));
 * ```
 */
export function fromPoseFrames(
  input: readonly PoseFrame[] | Iterable<PoseFrame> | AsyncIterable<PoseFrame>,
  options: FromPoseFramesOptions = {},
): Observable<PoseFrame> {
  return options.scheduler ? scheduled(input, options.scheduler) : from(input);
}
