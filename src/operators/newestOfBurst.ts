import { asapScheduler, debounceTime, defer, tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { PipelineMonitor } from '../types.js';

/**
 * The newest window of each synchronous burst (see `fromPortInBursts`), one microtask later; the others are
 * recorded as dropped at the 'window' stage.
 * @internal
 */
export function newestOfBurst<T>(monitor: PipelineMonitor): MonoTypeOperatorFunction<T> {
  return (source) =>
    defer(() => {
      let burst = 0;
      return source.pipe(
        tap(() => (burst += 1)),
        debounceTime(0, asapScheduler),
        tap(() => {
          for (; burst > 1; burst--) monitor.record({ stage: 'window', kind: 'drop' });
          burst = 0;
        }),
      );
    });
}

