import type { PipelineMonitor, StageEvent } from '../types.js';

/**
 * `monitor` with a hook on restarts: every `restart` recorded through it (by a worker's `onRestart`, or by a stream
 * started over) first calls `onRestart(event)`, which does what a restart means (the pipeline cuts a held gesture
 * short) and may return what it cost, appended to the event's message (`stats$.lastError`). Other events pass as
 * they are.
 * @internal
 */
export function watchRestarts(monitor: PipelineMonitor, onRestart: (event: Omit<StageEvent, 't'>) => string | undefined): PipelineMonitor {
  return {
    now: () => monitor.now(),
    record(event) {
      if (event.kind !== 'restart') return monitor.record(event);
      const cost = onRestart(event);
      monitor.record(cost === undefined ? event : { ...event, message: `${event.message ?? 'restarted'}; ${cost}` });
    },
  };
}
