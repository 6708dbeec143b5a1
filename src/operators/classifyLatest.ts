import { from, Observable, type ObservableInput, type Subscription } from 'rxjs';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { ClassifyLatestOptions, CountingOperator } from './operatorTypes.js';

/**
 * Runs a slow classifier on a stream, one value at a time, never queueing: while it is busy, keeps only the newest value.
 *
 * With `policy: 'latest'` (the default) a value that arrives while `classify` is busy becomes the single pending
 * value (a newer one replaces it, and the replaced one counts as dropped); the moment the inner observable completes,
 * the pending value starts, synchronously (no scheduler hop). Completion of the source waits for the in-flight and
 * pending values, so the last window of a stream is never lost. With `policy: 'drop'` it is `exhaustMap`: every
 * value that arrives while busy is dropped. Every value the inner emits is forwarded; the classifier is free when
 * the inner completes. Errors of the source, of the inner, or thrown by `classify` error the stream. The returned
 * operator's `dropped` counts drops over all its subscriptions.
 *
 * @param classify Starts the classification of one value (a worker call); tests inject `cold()` marbles.
 * @example
 * ```ts
 * import { classifyLatest, slidingWindow } from 'posestream';
 * const predictions$ = poses$.pipe(slidingWindow(30), classifyLatest((w) => classifier.classify(w.pack(), [30, 21, 3])));
 * ```
 */
export function classifyLatest<W, R>(
  classify: (value: W) => ObservableInput<R>,
  options: ClassifyLatestOptions<W> = {},
): CountingOperator<W, R> {
  const { policy = 'latest', monitor, onDrop } = options;
  if (policy !== 'latest' && policy !== 'drop') {
    throw new InvalidOptionError('classifyLatest', 'policy', "'latest' or 'drop'", policy);
  }
  let droppedTotal = 0;

  const operator = (source: Observable<W>): Observable<R> =>
    new Observable<R>((subscriber) => {
      let busy = false;
      let hasPending = false;
      let pending: W | undefined;
      let sourceDone = false;
      let dropped = 0;
      let inner: Subscription | undefined;

      const drop = (value: W): void => {
        dropped++;
        droppedTotal++;
        monitor?.record({ stage: 'classifier', kind: 'drop', ...capture(value) });
        onDrop?.(value, dropped);
      };

      const start = (value: W): void => {
        busy = true;
        if (monitor) {
          const now = monitor.now();
          const emittedAt = numberField(value, 'emittedAt');
          const waitMs = emittedAt === undefined ? undefined : now - emittedAt;
          monitor.record({ stage: 'classifier', kind: 'start', t: now, ...capture(value), ...(waitMs === undefined ? {} : { waitMs }) });
        }
        let input: ObservableInput<R>;
        try {
          input = classify(value);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        let done = false;
        const sub = from(input).subscribe({
          next: (result) => subscriber.next(result),
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            done = true;
            inner = undefined;
            busy = false;
            monitor?.record({ stage: 'classifier', kind: 'end', ...capture(value) });
            next();
          },
        });
        if (!done) inner = sub;
      };

      // Starts the pending value, or completes once the source is done and nothing is left.
      const next = (): void => {
        if (subscriber.closed) return;
        if (hasPending) {
          const value = pending as W;
          hasPending = false;
          pending = undefined;
          start(value);
        } else if (sourceDone) {
          subscriber.complete();
        }
      };

      const sourceSub = source.subscribe({
        next: (value) => {
          if (subscriber.closed) return;
          if (!busy) {
            start(value);
          } else if (policy === 'drop') {
            drop(value);
          } else {
            if (hasPending) drop(pending as W);
            pending = value;
            hasPending = true;
          }
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
        hasPending = false;
      };
    });

  return Object.defineProperty(operator, 'dropped', { get: () => droppedTotal, enumerable: true }) as CountingOperator<W, R>;
}

function numberField(value: unknown, key: 'emittedAt' | 'capturedAt'): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : undefined;
}

function capture(value: unknown): { captureT?: number } {
  const captureT = numberField(value, 'capturedAt');
  return captureT === undefined ? {} : { captureT };
}
