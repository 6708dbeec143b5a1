import type { PipelineStats } from '../types.js';

/** The totals of a workers' snapshot that a later snapshot of new workers' streams starts again from 0. @internal */
export type CarriedTotals = Pick<PipelineStats, 'droppedFrames' | 'droppedWindows' | 'lostFrames' | 'lostWindows' | 'restarts'>;

/** No totals yet. @internal */
export const NO_TOTALS: CarriedTotals = Object.freeze({ droppedFrames: 0, droppedWindows: 0, lostFrames: 0, lostWindows: 0, restarts: 0 });

/** `carried` plus the totals of `stats` (the last snapshot of streams that were started over). @internal */
export function carryTotals(carried: CarriedTotals, stats: PipelineStats | undefined): CarriedTotals {
  if (stats === undefined) return carried;
  return {
    droppedFrames: carried.droppedFrames + stats.droppedFrames,
    droppedWindows: carried.droppedWindows + stats.droppedWindows,
    lostFrames: carried.lostFrames + stats.lostFrames,
    lostWindows: carried.lostWindows + stats.lostWindows,
    restarts: carried.restarts + stats.restarts,
  };
}

/**
 * One snapshot of a pipeline whose stages are split between threads: the workers' snapshot (source, estimator,
 * window, classifier) with the page's own stage (`display`) and the page's counts (worker restarts, which the
 * page sees, what the page dropped, and what it counted lost to a worker fault) added in, plus the totals of
 * earlier streams (`carried`: after a restart the classifier worker's monitor starts again from 0). Without a
 * workers' snapshot yet, the page's (plus `carried`).
 * @internal
 */
export function mergeStats(workers: PipelineStats | undefined, page: PipelineStats, carried: CarriedTotals = NO_TOTALS): PipelineStats {
  if (workers === undefined && carried === NO_TOTALS) return page;
  const base = carryTotals(carried, workers);
  const merged: PipelineStats = {
    ...(workers ?? page),
    fps: { ...(workers ?? page).fps, display: page.fps.display },
    droppedFrames: base.droppedFrames + page.droppedFrames,
    droppedWindows: base.droppedWindows + page.droppedWindows,
    lostFrames: base.lostFrames + page.lostFrames,
    lostWindows: base.lostWindows + page.lostWindows,
    restarts: base.restarts + page.restarts,
  };
  const lastError = page.lastError ?? workers?.lastError;
  if (lastError !== undefined) merged.lastError = lastError;
  else delete merged.lastError;
  return merged;
}
