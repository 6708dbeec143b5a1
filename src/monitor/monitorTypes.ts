/** Shapes of the pipeline monitor and the statistics built on it. */
import type { SchedulerLike } from 'rxjs';
import type { PipelineMonitor, Stage, StageEvent } from '../types.js';

/** Options of `createPipelineMonitor`. */
export interface PipelineMonitorOptions {
  /**
   * The clock, ms. Pass `() => scheduler.now()` to drive the monitor from a scheduler (TestScheduler in tests).
   * @default () => performance.now()
   */
  now?: () => number;
  /**
   * Events kept per stage (oldest overwritten first), so memory stays bounded however long the pipeline runs.
   * @default 4096
   */
  capacity?: number;
}

/** Running totals of a monitor, since it was created. */
export interface MonitorTotals {
  /** `emit` events per stage. */
  emitted: Record<Stage, number>;
  /** `drop` events per stage. */
  dropped: Record<Stage, number>;
  /** `lost` events per stage (values lost to a failed worker call). */
  lost: Record<Stage, number>;
  /** `restart` events per stage (worker restarts). */
  restarts: Record<Stage, number>;
  /** The message of the latest `lost` or `restart` event (`'<kind> at <stage>'` when it had none). */
  lastError?: string;
  /** Every event recorded. */
  recorded: number;
}

/** A {@link PipelineMonitor} that keeps what it is told, as `createPipelineMonitor()` makes it. */
export interface RecordingPipelineMonitor extends PipelineMonitor {
  /** When the monitor was created, on its clock (ms). */
  readonly createdAt: number;
  /** Events kept per stage. */
  readonly capacity: number;
  /** The kept events of `stage` with `t >= since`, in the order they were recorded (new objects). */
  events(stage: Stage, since?: number): StageEvent[];
  /** Totals since creation (they survive the ring buffers' overwriting). */
  totals(): MonitorTotals;
}

/** Options of `pipelineStats`. */
export interface PipelineStatsOptions {
  /**
   * Time between snapshots, ms.
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Length of the measurement window each snapshot covers, ms (shorter while the monitor is younger).
   * @default 2000
   */
  windowMs?: number;
  /**
   * Scheduler of the snapshot timer.
   * @default asyncScheduler
   */
  scheduler?: SchedulerLike;
}

/** The time range `summarizeStats` measures, on the monitor clock (ms): events with from < t <= to. */
export interface StatsRange {
  /** Start of the range, ms on the monitor's clock (exclusive: an event at `from` is not counted). */
  from: number;
  /** End of the range, ms on the monitor's clock (inclusive). */
  to: number;
}
