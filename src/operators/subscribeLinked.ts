import { Observable, type Observer, type Subscription } from 'rxjs';

/**
 * Subscribes `observer` to `source` with the subscription already added to `downstream`, as RxJS's own operators
 * do: the downstream teardown is linked BEFORE `source` runs, so a synchronous source stops the moment the
 * downstream unsubscribes (e.g. at `take(n)`), and an infinite synchronous source cannot hang.
 *
 * The source gets a real `Subscriber` (RxJS passes a Subscriber it is given straight through), which is added to
 * `downstream` before `source.subscribe` is called; a synchronous source checks that subscriber's `closed` between
 * values. Returns that subscription (closed once the source completes, errors or `downstream` is torn down). This
 * is the building block of every hand-written posestream operator; internal, not exported from an entry.
 *
 * @example
 * ```ts
 * // inside an operator: (source) => new Observable((subscriber) => {
 * //   subscribeLinked(source, subscriber, { next: (v) => subscriber.next(v), error: (e) => subscriber.error(e),
 * //     complete: () => subscriber.complete() });
 * // })
 * ```
 */
export function subscribeLinked<T>(source: Observable<T>, downstream: Subscription, observer: Partial<Observer<T>>): Subscription {
  return new Observable<T>((upstream) => {
    downstream.add(upstream);
    return source.subscribe(upstream);
  }).subscribe(observer);
}
