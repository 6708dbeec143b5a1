import { describe, expect, it } from 'vitest';
import { carryTotals, mergeStats, NO_TOTALS } from '../../src/pipeline/mergeStats.js';
import type { PipelineStats } from '../../src/types.js';

const p = { p50: 1, p95: 2, p99: 3, max: 4, count: 5 };
const stats = (fps: number, extra: Partial<PipelineStats> = {}): PipelineStats => ({
  windowMs: 2000,
  fps: { source: fps, estimator: fps, window: fps, classifier: fps, display: fps },
  droppedFrames: 1,
  droppedWindows: 2,
  lostFrames: 0,
  lostWindows: 0,
  restarts: 0,
  classifierBusy: 0.5,
  landmarkAge: p,
  windowWait: p,
  captureToStart: p,
  captureToResult: p,
  ...extra,
});

describe('mergeStats', () => {
  it("takes the workers' stages, the page's display and adds up what both counted", () => {
    const merged = mergeStats(stats(12, { lostFrames: 1 }), stats(30, { restarts: 2, lastError: 'classifier restarted' }));
    expect(merged.fps).toEqual({ source: 12, estimator: 12, window: 12, classifier: 12, display: 30 });
    expect(merged.droppedFrames).toBe(2);
    expect(merged.droppedWindows).toBe(4);
    expect(merged.lostFrames).toBe(1);
    expect(merged.restarts).toBe(2);
    expect(merged.lastError).toBe('classifier restarted');
  });

  it("is the page's snapshot until the workers sent one", () => {
    const page = stats(3);
    expect(mergeStats(undefined, page)).toBe(page);
  });

  it('adds the totals carried over from streams that were started over (a restarted worker counts from 0 again)', () => {
    const before = carryTotals(carryTotals(NO_TOTALS, stats(10, { droppedFrames: 40, lostWindows: 3 })), stats(10, { droppedFrames: 5 }));
    expect(before).toEqual({ droppedFrames: 45, droppedWindows: 4, lostFrames: 0, lostWindows: 3, restarts: 0 });
    const page = stats(30, { droppedFrames: 0, droppedWindows: 0, lostWindows: 7, restarts: 2 });
    const merged = mergeStats(stats(12, { droppedFrames: 1, droppedWindows: 0 }), page, before);
    expect([merged.droppedFrames, merged.droppedWindows, merged.lostWindows, merged.restarts]).toEqual([46, 4, 10, 2]);
    // Between the restart and the new workers' first snapshot: the page's own, plus what was carried.
    const between = mergeStats(undefined, page, before);
    expect([between.droppedFrames, between.lostWindows, between.fps.estimator]).toEqual([45, 10, 30]);
  });
});
