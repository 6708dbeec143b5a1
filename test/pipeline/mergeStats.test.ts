import { describe, expect, it } from 'vitest';
import { mergeStats } from '../../src/pipeline/mergeStats.js';
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
    expect(merged.droppedWindows).toBe(2);
    expect(merged.lostFrames).toBe(1);
    expect(merged.restarts).toBe(2);
    expect(merged.lastError).toBe('classifier restarted');
  });

  it("is the page's snapshot until the workers sent one", () => {
    const page = stats(3);
    expect(mergeStats(undefined, page)).toBe(page);
  });
});
