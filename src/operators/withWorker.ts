import { Observable, type OperatorFunction } from 'rxjs';

/** Anything that holds a worker (or another resource) and frees it with `dispose()`. */
export interface Disposable {
  /** Frees the resource (terminates the worker); called once, when the stream using it is torn down. */
  dispose(): void;
}

/**
 * Ties a worker's life to a subscription: creates it when the stream is subscribed, builds the stage with it, and
 * disposes of it (terminating the worker) when the subscriber unsubscribes, or the stream completes or errors.
 *
 * Each subscription gets its own worker; nothing is started before a subscription. If `create` or `stage` throws,
 * the stream errors (and a worker already created is disposed of). The subscription is linked before the source
 * is subscribed, so a synchronous source stops at `take(n)` and the worker is disposed of exactly once.
 *
 * @param create Makes the worker client, e.g. `() => createClassifierWorker({ model })`.
 * @param stage Builds the operator that uses it, e.g. `(c) => classifyLatest((w) => c.classifyWindow(w))`.
 * @example
 * ```ts
 * import { withWorker, classifyLatest, slidingWindow } from 'posestream';
 * import { createClassifierWorker } from 'posestream/workers';
 * const predictions$ = poses$.pipe(
 *   slidingWindow(30),
 *   withWorker(() => createClassifierWorker({ model: '/models/default/model.json' }), (c) =>
 *     classifyLatest((w) => c.classifyWindow(w)),
 *   ),
 * );
 * ```
 */
export function withWorker<W extends Disposable, T, R>(
  create: () => W,
  stage: (worker: W) => OperatorFunction<T, R>,
): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      let worker: W | undefined;
      let op: OperatorFunction<T, R>;
      try {
        worker = create();
        op = stage(worker);
      } catch (error) {
        worker?.dispose();
        subscriber.error(error);
        return;
      }
      const held = worker;
      // Disposed of once, when the subscriber is torn down (unsubscribe, completion, error).
      subscriber.add(() => held.dispose());
      // The subscriber itself goes upstream (RxJS passes a Subscriber through), so a synchronous source sees it close.
      source.pipe(op).subscribe(subscriber);
    });
}
