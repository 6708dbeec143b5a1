import { describe, expect, it } from 'vitest';
import { busyFraction, summarizeStats } from '../../src/monitor/summarizeStats.js';
import type { StageEvent } from '../../src/types.js';

const start = (t: number, extra: Partial<StageEvent> = {}): StageEvent => ({ stage: 'classifier', kind: 'start', t, ...extra });
const end = (t: number, extra: Partial<StageEvent> = {}): StageEvent => ({ stage: 'classifier', kind: 'end', t, ...extra });

describe('busyFraction', () => {
  it('pairs starts with ends, clips to the range and counts an unfinished call up to the end of it', () => {
    expect(busyFraction([start(0), end(40), start(60), end(80)], { from: 0, to: 100 })).toBeCloseTo(0.6, 12);
    expect(busyFraction([start(-50), end(20)], { from: 0, to: 100 })).toBeCloseTo(0.2, 12);
    expect(busyFraction([start(90)], { from: 0, to: 100 })).toBeCloseTo(0.1, 12);
    expect(busyFraction([start(-500)], { from: 0, to: 100 })).toBe(1);
    expect(busyFraction([start(-50), end(-10)], { from: 0, to: 100 })).toBe(0);
  });

  it('counts overlapping calls once, ignores ends without a start, other stages and events out of order', () => {
    const overlapping = [start(10), start(20), end(50), end(60)];
    expect(busyFraction(overlapping, { from: 0, to: 100 })).toBeCloseTo(0.5, 12);
    expect(busyFraction([end(30), start(40), end(50)], { from: 0, to: 100 })).toBeCloseTo(0.1, 12);
    expect(busyFraction([end(50), start(40)], { from: 0, to: 100 })).toBeCloseTo(0.1, 12);
    expect(busyFraction([{ stage: 'estimator', kind: 'start', t: 0 }], { from: 0, to: 100 })).toBe(0);
    expect(busyFraction([start(0)], { from: 100, to: 100 })).toBe(0);
  });
});

describe('summarizeStats', () => {
  it('computes the whole-run figures a benchmark needs', () => {
    const events: StageEvent[] = [
      { stage: 'source', kind: 'emit', t: 100, captureT: 100 },
      { stage: 'source', kind: 'emit', t: 200, captureT: 200 },
      { stage: 'source', kind: 'drop', t: 210 },
      { stage: 'estimator', kind: 'emit', t: 130, captureT: 100 },
      { stage: 'estimator', kind: 'emit', t: 260, captureT: 200 },
      { stage: 'window', kind: 'emit', t: 261, captureT: 200 },
      { stage: 'window', kind: 'drop', t: 262 },
      start(261, { captureT: 200, waitMs: 0 }),
      end(361, { captureT: 200 }),
      { stage: 'display', kind: 'drop', t: 300 },
      { stage: 'classifier', kind: 'drop', t: 320 },
      { stage: 'estimator', kind: 'emit', t: 1000, captureT: 900 }, // outside (0, 500]
    ];
    const s = summarizeStats(events, { from: 0, to: 500 });
    expect(s.windowMs).toBe(500);
    expect(s.fps).toEqual({ source: 4, estimator: 4, window: 2, classifier: 0, display: 0 });
    expect(s.droppedFrames).toBe(2);
    expect(s.droppedWindows).toBe(2);
    expect(s.classifierBusy).toBeCloseTo(0.2, 12);
    expect(s.landmarkAge).toEqual({ p50: 30, p95: 60, p99: 60, max: 60, count: 2 });
    expect(s.windowWait).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, count: 1 });
    expect(s.captureToStart).toEqual({ p50: 61, p95: 61, p99: 61, max: 61, count: 1 });
    expect(s.captureToResult).toEqual({ p50: 161, p95: 161, p99: 161, max: 161, count: 1 });
  });

  it('counts lost frames and windows and restarts, keeps the latest message, and ends a busy call at its loss', () => {
    const events: StageEvent[] = [
      start(100, { captureT: 90 }),
      { stage: 'classifier', kind: 'lost', t: 300, captureT: 90, message: 'classifier crashed' },
      { stage: 'classifier', kind: 'restart', t: 310, message: 'classifier crashed' },
      { stage: 'estimator', kind: 'lost', t: 400, message: 'estimate timed out after 500 ms' },
      { stage: 'estimator', kind: 'lost', t: 600, message: 'outside the range' },
    ];
    const s = summarizeStats(events, { from: 0, to: 500 });
    expect([s.lostFrames, s.lostWindows, s.restarts, s.lastError]).toEqual([1, 1, 1, 'estimate timed out after 500 ms']);
    expect(s.classifierBusy).toBeCloseTo(0.4, 12); // 100..300, not up to the end of the range
    expect(s.captureToResult.count).toBe(0); // a lost call has no result
    expect(summarizeStats([], { from: 0, to: 1 }).lastError).toBeUndefined();
  });

  it('gives zeros for an empty range', () => {
    const s = summarizeStats([], { from: 10, to: 10 });
    expect(s.windowMs).toBe(0);
    expect(Object.values(s.fps)).toEqual([0, 0, 0, 0, 0]);
    expect(s.classifierBusy).toBe(0);
    expect(s.landmarkAge.count).toBe(0);
  });
});
