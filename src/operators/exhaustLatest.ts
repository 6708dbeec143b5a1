import { from, Observable, type ObservableInput, type Subscription } from 'rxjs';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { CountingOperator, ExhaustLatestOptions } from './operatorTypes.js';

/**
 * `exhaustMap` that never loses the newest value: one inner at a time, and while it runs only the most recent
 * outer value is kept.
 *
 * With `policy: 'latest'` (the default) a value that arrives while the inner is busy becomes the single pending
 * value (a newer one replaces it; the replaced one counts as dropped); the moment the inner completes, the pending
 * value starts synchronously (no scheduler hop). Completion of the source waits for the in-flight and pending
 * values. With `policy: 'drop'` it is plain `exhaustMap`: every value that arrives while busy is dropped. Every
 * value an inner emits is forwarded. Errors of the source, of an inner, or thrown by `project` error the stream.
 * The returned operator's `dropped` counts drops over all its subscriptions. `estimateHands` and `classifyLatest`
 * are this operator with a monitor stage attached.
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
  const { policy = 'latest', monitor, stage = 'classifier', onDrop, captureT = defaultCaptureT, readySince } = options;
  if (policy !== 'latest' && policy !== 'drop') {
    throw new InvalidOptionError('exhaustLatest', 'policy', "'latest' or 'drop'", policy);
  }
  let droppedTotal = 0;

  const operator = (source: Observable<T>): Observable<R> =>
    new Observable<R>((subscriber) => {
      let busy = false;
      let pending: { value: T; arrivedAt: number } | undefined;
      let sourceDone = false;
      let dropped = 0;
      let inner: Subscription | undefined;
      // The value in flight; one observer serves every inner (an inner completes at most once).
      let current: T | undefined;
      let starts = 0;

      const drop = (value: T): void => {
        dropped++;
        droppedTotal++;
        monitor?.record({ stage, kind: 'drop', captureT: captureT(value) });
        onDrop?.(value, dropped);
      };

      const innerObserver = {
        next: (result: R) => {
          monitor?.record({ stage, kind: 'emit', captureT: captureT(current as T) });
          subscriber.next(result);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          const value = current as T;
          current = undefined;
          inner = undefined;
          busy = false;
          monitor?.record({ stage, kind: 'end', captureT: captureT(value) });
          next();
        },
      };

      const start = (value: T, arrivedAt: number | undefined): void => {
        busy = true;
        current = value;
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
        const id = ++starts;
        const sub = from(input).subscribe(innerObserver);
        // Unless it already finished synchronously (and maybe started the next one).
        if (busy && starts === id) inner = sub;
      };

      // Starts the pending value, or completes once the source is done and nothing is left.
      const next = (): void => {
        if (subscriber.closed) return;
        if (pending) {
          const { value, arrivedAt } = pending;
          pending = undefined;
          start(value, arrivedAt);
        } else if (sourceDone) {
          subscriber.complete();
        }
      };

      const sourceSub = source.subscribe({
        next: (value) => {
          if (subscriber.closed) return;
          if (!busy) return start(value, undefined);
          if (policy === 'drop') return drop(value);
          if (pending) drop(pending.value);
          pending = { value, arrivedAt: monitor ? monitor.now() : 0 };
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
        current = undefined;
        pending = undefined;
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
