import { Observable, type OperatorFunction } from 'rxjs';

/** A resource `usingResource` can free: anything with a `dispose()` method, e.g. a worker client. */
export interface DisposableResource {
  /** Frees the resource (a worker client terminates its worker); called once, when the stream using it is torn down. */
  dispose(): void;
}

/**
 * Ties a disposable resource's life to a subscription (the operator form of RxJS's `using`): creates the resource
 * when the stream is subscribed, builds the stage with it, and disposes of it when the subscriber unsubscribes, or
 * the stream completes or errors. It runs nothing in a worker itself; its usual resource is a worker client.
 *
 * Each subscription gets its own resource; nothing is created before a subscription. If `create` or `stage` throws,
 * the stream errors (and a resource already created is disposed of). The subscription is linked before the source
 * is subscribed, so a synchronous source stops at `take(n)` and the resource is disposed of exactly once.
 *
 * @param create Makes the resource, e.g. `() => createClassifierWorker({ model })`.
 * @param stage Builds the operator that uses it, e.g. `(c) => classifyLatest((w) => c.classifyWindow(w))`.
 * @example
 * ```ts
 * import { usingResource, classifyLatest, slidingWindow } from 'posestream';
 * import { createClassifierWorker } from 'posestream/workers';
 * const predictions$ = poses$.pipe(
 *   slidingWindow(30),
 *   usingResource(() => createClassifierWorker({ model: '/models/default/model.json' }), (c) =>
 *     classifyLatest((w) => c.classifyWindow(w)),
 *   ),
 * );
 * ```
 */
export function usingResource<W extends DisposableResource, T, R>(
  create: () => W,
  stage: (resource: W) => OperatorFunction<T, R>,
): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      let resource: W | undefined;
      let op: OperatorFunction<T, R>;
      try {
        resource = create();
        op = stage(resource);
      } catch (error) {
        resource?.dispose();
        subscriber.error(error);
        return;
      }
      const held = resource;
      // Disposed of once, when the subscriber is torn down (unsubscribe, completion, error).
      subscriber.add(() => held.dispose());
      // The subscriber itself goes upstream (RxJS passes a Subscriber through), so a synchronous source sees it close.
      source.pipe(op).subscribe(subscriber);
    });
}
