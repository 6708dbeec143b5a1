import { Observable, type OperatorFunction } from 'rxjs';
import { subscribeLinked } from './subscribeLinked.js';
import { createGestureTracker } from '../filters/gestureTracker.js';
import type { GestureTrackerOptions } from '../filters/handMathTypes.js';
import type { GestureEvent, Prediction } from '../types.js';

/**
 * Turns a stream of predictions into gesture `start` / `end` events, ignoring flicker.
 *
 * A label starts a gesture after `minConsecutive` predictions in a row with `score >= threshold` (labels in
 * `ignore` never start one); the gesture ends when `minConsecutive` predictions in a row disagree (another
 * label, an ignored one or a low score) or when the source completes. After an end, `cooldownMs` (on
 * `windowEndTimestamp`) must pass before predictions count towards a new gesture. Events carry
 * startFrame/endFrame and startT/endT (the `windowEndIndex` / `windowEndTimestamp` of the first and last
 * agreeing prediction; for `start`, the current one) and the mean score of the run. On error the gesture in
 * progress gets no `end`: the error is passed on. Each subscription has its own state, and is linked to its
 * subscriber before it subscribes to the source (a synchronous source stops at `take(n)`).
 *
 * @example
 * ```ts
 * import { stableGestures } from 'posestream';
 * predictions$.pipe(stableGestures({ threshold: 0.8, minConsecutive: 3, cooldownMs: 500 }))
 *   .subscribe((e) => console.log(e.phase, e.label));
 * ```
 */
export function stableGestures(options: GestureTrackerOptions = {}): OperatorFunction<Prediction, GestureEvent> {
  createGestureTracker(options); // validate options now, not at subscription
  return (source) =>
    new Observable<GestureEvent>((subscriber) => {
      const tracker = createGestureTracker(options);
      subscribeLinked(source, subscriber, {
        next(prediction) {
          for (const event of tracker.push(prediction)) subscriber.next(event);
        },
        error(err: unknown) {
          subscriber.error(err);
        },
        complete() {
          for (const event of tracker.flush()) subscriber.next(event);
          subscriber.complete();
        },
      });
    });
}
