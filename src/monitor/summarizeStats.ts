import { percentiles } from '../filters/percentiles.js';
import type { PipelineStats, Stage, StageEvent } from '../types.js';
import type { StatsRange } from './monitorTypes.js';

/** Stages whose `drop` events count as dropped frames; the others ('window', 'classifier') as dropped windows. */
const FRAME_STAGES: readonly Stage[] = ['source', 'estimator', 'display'];

/**
 * Fraction of [from, to] covered by the union of the classifier's start..end intervals.
 *
 * Events are paired in time order, each `end` (or `lost`) with the earliest unfinished `start` (an `end` with no start,
 * e.g. overwritten in a ring buffer, is ignored); a start still unfinished counts up to `to`.
 *
 * @internal
 */
export function busyFraction(events: readonly StageEvent[], range: StatsRange): number {
  const { from, to } = range;
  if (!(to > from)) return 0;
  const ordered = events
    .filter((e) => e.stage === 'classifier' && (e.kind === 'start' || e.kind === 'end' || e.kind === 'lost'))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i);
  const open: number[] = [];
  const intervals: [number, number][] = [];
  for (const { e } of ordered) {
    if (e.kind === 'start') open.push(e.t);
    else if (e.kind === 'restart') continue;
    else {
      const start = open.shift();
      if (start !== undefined) intervals.push([start, e.t]);
    }
  }
  for (const start of open) intervals.push([start, to]);
  intervals.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = from; // everything before `reach` is counted already
  for (const [s, e] of intervals) {
    const a = Math.max(s, reach);
    const b = Math.min(e, to);
    if (b > a) {
      covered += b - a;
      reach = b;
    }
  }
  return covered / (to - from);
}

/**
 * Computes pipeline statistics over a set of stage events, for the time range from < t <= to.
 *
 * - `fps`: `emit` events per second, per stage;
 * - `droppedFrames` / `droppedWindows`: `drop` events in the range at 'source', 'estimator' and 'display' /
 *   at 'window' and 'classifier'; `lostFrames` / `lostWindows` likewise for `lost` events, `restarts` counts
 *   `restart` events, `lastError` is the message of the latest of either;
 * - `classifierBusy`: see {@link busyFraction} (starts before `from` count from `from`);
 * - `landmarkAge`: t - captureT of estimator emits; `windowWait`: waitMs of classifier starts;
 *   `captureToStart` / `captureToResult`: t - captureT of classifier starts / ends (nearest-rank percentiles).
 *
 * `pipelineStats` uses it on a monitor's recent events (with the monitor's drop totals); a benchmark can call
 * it on every event of a run to get the same figures for the whole run.
 *
 * @internal
 */
export function summarizeStats(events: readonly StageEvent[], range: StatsRange): PipelineStats {
  const { from, to } = range;
  const windowMs = Math.max(0, to - from);
  const emits: Record<Stage, number> = { source: 0, estimator: 0, window: 0, classifier: 0, display: 0 };
  let droppedFrames = 0;
  let droppedWindows = 0;
  let lostFrames = 0;
  let lostWindows = 0;
  let restarts = 0;
  let lastError: { t: number; message: string } | undefined;
  const landmarkAge: number[] = [];
  const windowWait: number[] = [];
  const captureToStart: number[] = [];
  const captureToResult: number[] = [];
  for (const e of events) {
    if (!(e.t > from && e.t <= to)) continue;
    if (e.kind === 'emit') {
      emits[e.stage]++;
      if (e.stage === 'estimator' && e.captureT !== undefined) landmarkAge.push(e.t - e.captureT);
    } else if (e.kind === 'drop') {
      if (FRAME_STAGES.includes(e.stage)) droppedFrames++;
      else droppedWindows++;
    } else if (e.kind === 'lost' || e.kind === 'restart') {
      if (e.kind === 'restart') restarts++;
      else if (FRAME_STAGES.includes(e.stage)) lostFrames++;
      else lostWindows++;
      if (!lastError || e.t >= lastError.t) lastError = { t: e.t, message: e.message ?? `${e.kind} at ${e.stage}` };
    } else if (e.stage === 'classifier') {
      const latency = e.captureT === undefined ? undefined : e.t - e.captureT;
      if (e.kind === 'start') {
        if (e.waitMs !== undefined) windowWait.push(e.waitMs);
        if (latency !== undefined) captureToStart.push(latency);
      } else if (latency !== undefined) captureToResult.push(latency);
    }
  }
  const perSecond = windowMs > 0 ? 1000 / windowMs : 0;
  const fps = { ...emits };
  for (const stage of Object.keys(fps) as Stage[]) fps[stage] *= perSecond;
  const stats: PipelineStats = {
    windowMs,
    fps,
    droppedFrames,
    droppedWindows,
    lostFrames,
    lostWindows,
    restarts,
    classifierBusy: busyFraction(events, range),
    landmarkAge: percentiles(landmarkAge),
    windowWait: percentiles(windowWait),
    captureToStart: percentiles(captureToStart),
    captureToResult: percentiles(captureToResult),
  };
  if (lastError) stats.lastError = lastError.message;
  return stats;
}
