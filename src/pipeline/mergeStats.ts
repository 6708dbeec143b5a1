import type { PipelineStats } from '../types.js';

/**
 * One snapshot of a pipeline whose stages are split between threads: the workers' snapshot (source, estimator,
 * window, classifier) with the page's own stage (`display`) and the page's counts (worker restarts, which the
 * page sees, and what the page dropped or lost) added in. Without a workers' snapshot yet, the page's alone.
 * @internal
 */
export function mergeStats(workers: PipelineStats | undefined, page: PipelineStats): PipelineStats {
  if (workers === undefined) return page;
  const merged: PipelineStats = {
    ...workers,
    fps: { ...workers.fps, display: page.fps.display },
    droppedFrames: workers.droppedFrames + page.droppedFrames,
    lostFrames: workers.lostFrames + page.lostFrames,
    restarts: workers.restarts + page.restarts,
  };
  const lastError = page.lastError ?? workers.lastError;
  if (lastError !== undefined) merged.lastError = lastError;
  else delete merged.lastError;
  return merged;
}
