import type { PipelineStats, StageEvent } from '../types.js';
import { STAGES } from './createPipelineMonitor.js';
import type { RecordingPipelineMonitor } from './monitorTypes.js';
import { summarizeStats } from './summarizeStats.js';

/**
 * One {@link PipelineStats} snapshot of a monitor, taken now (`monitor.now()`), over its last `windowMs` (or its
 * age, while younger): `summarizeStats` of the window's events, with the monitor's totals since creation for the
 * drop, loss and restart counts and `lastError`. `pipelineStats` emits these on a timer.
 *
 * Internal: `pipelineStats` and the classifier worker use it (no public entry exports it).
 *
 * @example
 * ```ts
 * import { createPipelineMonitor } from 'posestream';
 * import { snapshotStats } from '../monitor/snapshotStats.js'; // pipelineStats, withGestureStream
 * const monitor = createPipelineMonitor();
 * console.log(snapshotStats(monitor, 2000).fps.estimator);
 * ```
 * @internal
 */
export function snapshotStats(monitor: RecordingPipelineMonitor, windowMs: number): PipelineStats {
  const to = monitor.now();
  const from = Math.max(to - windowMs, monitor.createdAt);
  const events: StageEvent[] = [];
  for (const stage of STAGES) {
    // Classifier calls that started before the window still cover part of it: keep all of them.
    for (const e of monitor.events(stage, stage === 'classifier' ? -Infinity : from)) events.push(e);
  }
  const stats = summarizeStats(events, { from, to });
  const totals = monitor.totals();
  stats.droppedFrames = totals.dropped.source + totals.dropped.estimator + totals.dropped.display;
  stats.droppedWindows = totals.dropped.window + totals.dropped.classifier;
  stats.lostFrames = totals.lost.source + totals.lost.estimator + totals.lost.display;
  stats.lostWindows = totals.lost.window + totals.lost.classifier;
  stats.restarts = STAGES.reduce((n, stage) => n + totals.restarts[stage], 0);
  if (totals.lastError !== undefined) stats.lastError = totals.lastError;
  else delete stats.lastError;
  return stats;
}
