import { from, Observable, type ObservableInput, type Subscription } from 'rxjs';
import { validatePoseFrame } from '../filters/validateHand.js';
import type { PoseFrame, SourceFrame } from '../types.js';
import type { CountingOperator, EstimateHandsOptions } from './operatorTypes.js';

/**
 * Runs a hand-pose estimator (a worker) on video frames, latest frame only: never more than one frame in flight and
 * one pending.
 *
 * A frame that arrives while the estimator is busy becomes the pending frame; a newer one replaces it (the replaced
 * frame counts as dropped, never queued). When the in-flight call completes, the pending frame starts synchronously.
 * When the source completes, the in-flight and pending frames finish first. Every returned {@link PoseFrame} is
 * validated (each hand: exactly 21 landmarks with finite x, y, z), else the stream errors with an `InvalidPoseError`
 * naming the frame index and hand; errors of the source or estimator error the stream. `capturedAt` is copied from
 * the source frame when the estimator left it out. The returned operator's `dropped` counts dropped frames over all
 * its subscriptions; `onDrop` reports them per subscription.
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
  const { monitor, onDrop } = options;
  let droppedTotal = 0;

  const operator = (source: Observable<SourceFrame<I>>): Observable<PoseFrame> =>
    new Observable<PoseFrame>((subscriber) => {
      let busy = false;
      let pending: { frame: SourceFrame<I>; arrivedAt: number } | undefined;
      let sourceDone = false;
      let dropped = 0;
      let inner: Subscription | undefined;

      const start = (frame: SourceFrame<I>, arrivedAt: number | undefined): void => {
        busy = true;
        const captureT = frame.capturedAt ?? frame.timestamp;
        if (monitor) {
          const now = monitor.now();
          monitor.record({ stage: 'estimator', kind: 'start', t: now, captureT, waitMs: arrivedAt === undefined ? 0 : now - arrivedAt });
        }
        let input: ObservableInput<PoseFrame>;
        try {
          input = estimate(frame);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        let done = false;
        const sub = from(input).subscribe({
          next: (pose) => {
            try {
              validatePoseFrame(pose, `estimateHands (source frame ${frame.index})`);
            } catch (error) {
              subscriber.error(error);
              return;
            }
            const out = pose.capturedAt === undefined && frame.capturedAt !== undefined ? { ...pose, capturedAt: frame.capturedAt } : pose;
            monitor?.record({ stage: 'estimator', kind: 'emit', captureT });
            subscriber.next(out);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            done = true;
            inner = undefined;
            busy = false;
            monitor?.record({ stage: 'estimator', kind: 'end', captureT });
            next();
          },
        });
        if (!done) inner = sub;
      };

      // Starts the pending frame, or completes once the source is done and nothing is left.
      const next = (): void => {
        if (subscriber.closed) return;
        if (pending) {
          const { frame, arrivedAt } = pending;
          pending = undefined;
          start(frame, arrivedAt);
        } else if (sourceDone) {
          subscriber.complete();
        }
      };

      const sourceSub = source.subscribe({
        next: (frame) => {
          if (subscriber.closed) return;
          if (!busy) {
            start(frame, undefined);
            return;
          }
          if (pending) {
            dropped++;
            droppedTotal++;
            const old = pending.frame;
            monitor?.record({ stage: 'estimator', kind: 'drop', captureT: old.capturedAt ?? old.timestamp });
            onDrop?.(old, dropped);
          }
          pending = { frame, arrivedAt: monitor ? monitor.now() : 0 };
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          if (!busy) next();
        },
      });

      return () => {
        sourceSub.unsubscribe();
        inner?.unsubscribe();
        inner = undefined;
        pending = undefined;
      };
    });

  return Object.defineProperty(operator, 'dropped', { get: () => droppedTotal, enumerable: true }) as CountingOperator<SourceFrame<I>, PoseFrame>;
}
