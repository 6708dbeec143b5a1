import { asyncScheduler, interval, map, type Observable } from 'rxjs';
import { checkNumberOption } from '../filters/InvalidOptionError.js';
import type { PipelineStatsOptions, RecordingPipelineMonitor } from '../monitor/monitorTypes.js';
import { snapshotStats } from '../monitor/snapshotStats.js';
import type { PipelineStats } from '../types.js';

/**
 * Emits a {@link PipelineStats} snapshot of a monitor every `intervalMs`, over its last `windowMs`.
 *
 * Each snapshot is taken at `monitor.now()` and covers the events with now - w < t <= now, where w is
 * `windowMs`, or the monitor's age while it is younger than that (`stats.windowMs` says which). Figures are
 * those of `summarizeStats` (fps per stage, classifier busy fraction with an unfinished call counted up to
 * now, nearest-rank percentiles of landmark age, window wait and capture-to-start / -result latencies),
 * except `droppedFrames` / `droppedWindows`, `lostFrames` / `lostWindows`, `restarts` and `lastError`, which are the
 * monitor's totals since creation (so a fault stays visible after it leaves the window). The first snapshot
 * comes after one interval; the timer runs on `scheduler` and stops when unsubscribed.
 *
 * @throws InvalidOptionError for a non-positive `intervalMs` or `windowMs`.
 * @example
 * ```ts
 * import { createPipelineMonitor, pipelineStats } from 'posestream';
 * const monitor = createPipelineMonitor();
 * pipelineStats(monitor, { intervalMs: 1000, windowMs: 2000 })
 *   .subscribe((s) => console.log(`${s.fps.display.toFixed(1)} fps, p95 age ${s.landmarkAge.p95} ms`));
 * ```
 */
export function pipelineStats(
  monitor: RecordingPipelineMonitor,
  options: PipelineStatsOptions = {},
): Observable<PipelineStats> {
  const positive = { min: 0, exclusiveMin: true };
  const intervalMs = checkNumberOption('pipelineStats', 'intervalMs', options.intervalMs ?? 1000, positive);
  const windowMs = checkNumberOption('pipelineStats', 'windowMs', options.windowMs ?? 2000, positive);
  return interval(intervalMs, options.scheduler ?? asyncScheduler).pipe(map(() => snapshotStats(monitor, windowMs)));
}
