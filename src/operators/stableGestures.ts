import { from, Observable, type OperatorFunction } from 'rxjs';
import { subscribeLinked } from './subscribeLinked.js';
import { createGestureTracker } from '../filters/gestureTracker.js';
import type { GestureEvent, Prediction } from '../types.js';
import type { StableGesturesOptions } from './operatorTypes.js';

/**
 * The operator form of `createGestureTracker`, with its state per subscription and an `end` on error: turns a
 * stream of predictions into gesture `start` / `end` events, ignoring flicker.
 *
 * A label starts a gesture after `minConsecutive` predictions in a row with `score >= threshold` (labels in
 * `ignore` never start one); the gesture ends when `minConsecutive` predictions in a row disagree (another
 * label, an ignored one or a low score) or when the source completes. After an end, `cooldownMs` (on
 * `windowEndTimestamp`) must pass before predictions count towards a new gesture. Events carry
 * startFrame/endFrame and startT/endT (the `windowEndIndex` / `windowEndTimestamp` of the first and last
 * agreeing prediction; for `start`, the current one) and the mean score of the run.
 * Every `start` gets its `end` (the `GestureEvent` contract): on error the gesture in progress ends with
 * `reason: 'error'` just before the error is passed on, and each value of `cancel` cuts it short with that value
 * as `reason` (the tracker then starts afresh). Only unsubscribing ends a gesture without an `end` (nothing can be
 * emitted then). Each subscription has its own state, and is linked to its subscriber before it subscribes to the
 * source (a synchronous source stops at `take(n)`).
 *
 * @throws InvalidOptionError for a threshold outside 0..1, a minConsecutive below 1 or a negative cooldown.
 * @example
 * ```ts
 * import { stableGestures } from 'posestream';
 * predictions$.pipe(stableGestures({ threshold: 0.8, minConsecutive: 3, cooldownMs: 500, cancel: restarts$ }))
 *   .subscribe((e) => console.log(e.phase, e.label, e.reason ?? ''));
 * ```
 */
export function stableGestures(options: StableGesturesOptions = {}): OperatorFunction<Prediction, GestureEvent> {
  createGestureTracker(options); // validate options now, not at subscription
  const { cancel, ...trackerOptions } = options;
  return (source) =>
    new Observable<GestureEvent>((subscriber) => {
      const tracker = createGestureTracker(trackerOptions);
      const emit = (events: GestureEvent[]): void => {
        for (const event of events) subscriber.next(event);
      };
      const fail = (err: unknown): void => {
        emit(tracker.cancel('error'));
        subscriber.error(err);
      };
      if (cancel !== undefined) {
        subscribeLinked(from(cancel), subscriber, { next: (reason) => emit(tracker.cancel(reason)), error: fail });
      }
      subscribeLinked(source, subscriber, {
        next: (prediction) => emit(tracker.push(prediction)),
        error: fail,
        complete() {
          emit(tracker.flush());
          subscriber.complete();
        },
      });
    });
}
