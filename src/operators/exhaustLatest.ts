import { from, Observable, type ObservableInput, type Subscription } from 'rxjs';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { CountingOperator, ExhaustLatestOptions } from './operatorTypes.js';
import { subscribeLinked } from './subscribeLinked.js';

/**
 * The general form of `classifyLatest`, for any value and any slow work, with no monitor stage: `exhaustMap` that
 * never loses the newest value (one inner at a time; while it runs only the most recent outer value is kept).
 *
 * With `policy: 'latest'` (the default) a value that arrives while the inner is busy becomes the single pending
 * value (a newer one replaces it; the replaced one counts as dropped); the moment the inner completes, the pending
 * value starts synchronously (no scheduler hop). Completion of the source waits for the in-flight and pending
 * values. With `policy: 'drop'` it is plain `exhaustMap`: every value that arrives while busy is dropped. Every
 * value an inner emits is forwarded. An inner error for which `skipError` returns true counts the value as lost
 * (a `'lost'` monitor event with the error's message) and the operator carries on as if that inner had completed;
 * any other error of the source, of an inner, or thrown by `project` errors the stream. A pending value that never
 * starts (unsubscribe, error) goes to `onDiscard`.
 *
 * It keeps RxJS's subscription contract: the source and every inner are linked to the subscriber before they are
 * subscribed, so a synchronous source stops at `take(n)` after as many values as `exhaustMap` pulls, and all
 * state is per subscription. The returned operator's `dropped` counts drops over all its subscriptions.
 * `estimateHands` and `classifyLatest` are this operator with a monitor stage attached.
 *
 * @param project Starts the work for one value (a worker call); tests inject `cold()` marbles.
 * @example
 * ```ts
 * import { exhaustLatest } from 'posestream';
 * const results$ = values$.pipe(exhaustLatest((v) => slowWork(v)));
 * ```
 */
export function exhaustLatest<T, R>(
  project: (value: T) => ObservableInput<R>,
  options: ExhaustLatestOptions<T> = {},
): CountingOperator<T, R> {
  const { policy = 'latest', monitor, stage = 'classifier', onDrop, onDiscard, skipError, captureT = defaultCaptureT, readySince } = options;
  if (policy !== 'latest' && policy !== 'drop') {
    throw new InvalidOptionError('exhaustLatest', 'policy', "'latest' or 'drop'", policy);
  }
  if (skipError !== undefined && typeof skipError !== 'function') {
    throw new InvalidOptionError('exhaustLatest', 'skipError', 'a function', skipError);
  }
  let droppedTotal = 0;

  const operator = (source: Observable<T>): Observable<R> =>
    new Observable<R>((subscriber) => {
      let pending: { value: T; arrivedAt: number } | undefined;
      let sourceDone = false;
      let dropped = 0;
      // `busy` while an inner runs; `inner` is its subscription (unset when it finished synchronously).
      let busy = false;
      let inner: Subscription | undefined;

      const drop = (value: T): void => {
        dropped++;
        droppedTotal++;
        monitor?.record({ stage, kind: 'drop', captureT: captureT(value) });
        onDrop?.(value, dropped);
      };

      // Frees the in-flight slot; then starts the pending value, or completes once the source is done.
      const release = (): void => {
        busy = false;
        inner = undefined;
        if (subscriber.closed) return;
        if (pending) {
          const { value, arrivedAt } = pending;
          pending = undefined;
          start(value, arrivedAt);
        } else if (sourceDone) {
          subscriber.complete();
        }
      };

      const start = (value: T, arrivedAt: number | undefined): void => {
        busy = true;
        if (monitor) {
          const now = monitor.now();
          const since = readySince?.(value) ?? arrivedAt ?? now;
          monitor.record({ stage, kind: 'start', t: now, captureT: captureT(value), waitMs: now - since });
        }
        let input: ObservableInput<R>;
        try {
          input = project(value);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        // Each inner has its own observer, so a late call from an inner that was already replaced does nothing.
        let finished = false;
        const sub = subscribeLinked(from(input), subscriber, {
          next: (result) => {
            monitor?.record({ stage, kind: 'emit', captureT: captureT(value) });
            subscriber.next(result);
          },
          error: (error: unknown) => {
            finished = true;
            if (!skipError?.(error)) return subscriber.error(error);
            const message = error instanceof Error ? error.message : String(error);
            monitor?.record({ stage, kind: 'lost', captureT: captureT(value), message });
            release();
          },
          complete: () => {
            finished = true;
            monitor?.record({ stage, kind: 'end', captureT: captureT(value) });
            release();
          },
        });
        // Unless it already finished synchronously (and maybe started the next one).
        if (!finished) inner = sub;
      };

      subscribeLinked(source, subscriber, {
        next: (value) => {
          if (!busy) return start(value, undefined);
          if (policy === 'drop') return drop(value);
          if (pending) drop(pending.value);
          pending = { value, arrivedAt: monitor ? monitor.now() : 0 };
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          if (!busy) release();
        },
      });

      return () => {
        inner?.unsubscribe();
        const left = pending;
        inner = undefined;
        pending = undefined;
        if (left && onDiscard) onDiscard(left.value);
      };
    });

  return Object.defineProperty(operator, 'dropped', { get: () => droppedTotal, enumerable: true }) as CountingOperator<T, R>;
}

function defaultCaptureT(value: unknown): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as { capturedAt?: unknown; timestamp?: unknown };
  if (typeof v.capturedAt === 'number') return v.capturedAt;
  return typeof v.timestamp === 'number' ? v.timestamp : undefined;
}
