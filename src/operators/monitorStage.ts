import { tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { PipelineMonitor, Stage } from '../types.js';

function captureTimeOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { capturedAt?: unknown; timestamp?: unknown };
  if (typeof v.capturedAt === 'number') return v.capturedAt;
  if (typeof v.timestamp === 'number') return v.timestamp;
  return undefined;
}

/**
 * Records an `emit` event at `stage` for every value that passes, and passes it on unchanged.
 *
 * The event's time is `monitor.now()`; its `captureT` is the value's `capturedAt`, else its `timestamp`
 * (when the value has either, as SourceFrame, PoseFrame and PoseWindow do). Errors and completion pass
 * through untouched. Use it for the stages no other operator reports, typically 'source' and 'display'.
 *
 * @example
 * ```ts
 * import { createPipelineMonitor, monitorStage } from 'posestream';
 * const monitor = createPipelineMonitor();
 * const shown$ = poses$.pipe(monitorStage(monitor, 'display'));
 * ```
 */
export function monitorStage<T>(monitor: PipelineMonitor, stage: Stage): MonoTypeOperatorFunction<T> {
  return tap((value: T) => {
    const captureT = captureTimeOf(value);
    monitor.record(captureT === undefined ? { stage, kind: 'emit' } : { stage, kind: 'emit', captureT });
  });
}
