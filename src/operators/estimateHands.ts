import { map, from, type ObservableInput } from 'rxjs';
import { validatePoseFrame } from '../filters/validateHand.js';
import type { PoseFrame, SourceFrame } from '../types.js';
import { exhaustLatest } from './exhaustLatest.js';
import { isRecoveredError } from './isRecoveredError.js';
import type { CountingOperator, EstimateHandsOptions } from './operatorTypes.js';

/**
 * Runs a hand-pose estimator (a worker) on video frames, latest frame only: never more than one frame in flight and
 * one pending.
 *
 * A frame that arrives while the estimator is busy becomes the pending frame; a newer one replaces it (the replaced
 * frame counts as dropped, never queued, and its image is closed unless `closeDropped: false`; so is the image of a
 * pending frame that never starts because the subscription ended: unsubscribe or error). When the in-flight
 * call completes, the pending frame starts synchronously. When the source completes, the in-flight and pending
 * frames finish first. Every returned {@link PoseFrame} is validated (each hand: exactly 21 landmarks with finite
 * x, y, z), else the stream errors with an `InvalidPoseError` naming the frame index and hand. An estimate that
 * rejects with an error `skipError` accepts (by default: the worker was restarted, `error.recovered === true`)
 * loses only that frame (a `'lost'` monitor event); other errors of the source or estimator error the stream. `capturedAt` is copied from the source frame when the estimator left it
 * out. The returned operator's `dropped` counts dropped frames over all its subscriptions; `onDrop` reports them
 * per subscription. Monitor events go to the `'estimator'` stage.
 *
 * @param estimate Starts estimation of one frame (a worker call); tests inject `cold()` marbles.
 * @example
 * ```ts
 * import { estimateHands } from 'posestream';
 * const estimator = estimateHands((frame) => worker.estimate(frame), { monitor });
 * const poses$ = frames$.pipe(estimator);
 * // later: estimator.dropped
 * ```
 */
export function estimateHands<I>(
  estimate: (frame: SourceFrame<I>) => ObservableInput<PoseFrame>,
  options: EstimateHandsOptions<I> = {},
): CountingOperator<SourceFrame<I>, PoseFrame> {
  const { monitor, onDrop, closeDropped = true, skipError = isRecoveredError } = options;
  const project = (frame: SourceFrame<I>) =>
    from(estimate(frame)).pipe(
      map((pose) => {
        const out = pose.capturedAt === undefined && frame.capturedAt !== undefined ? { ...pose, capturedAt: frame.capturedAt } : pose;
        validatePoseFrame(out, `estimateHands (source frame ${frame.index})`);
        return out;
      }),
    );
  return exhaustLatest(project, {
    policy: 'latest',
    stage: 'estimator',
    skipError,
    ...(monitor ? { monitor } : {}),
    onDrop: (frame, dropped) => {
      if (closeDropped) closeImage(frame.image);
      onDrop?.(frame, dropped);
    },
    // The pending frame never reaches the estimator when the subscription ends first: free its image too.
    onDiscard: (frame) => {
      if (closeDropped) closeImage(frame.image);
    },
  });
}

function closeImage(image: unknown): void {
  const close = (image as { close?: unknown } | null)?.close;
  if (typeof close === 'function') close.call(image);
}
