import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { createPipelineMonitor } from '../../src/monitor/createPipelineMonitor.js';
import { pipelineStats } from '../../src/operators/pipelineStats.js';
import type { Percentiles, PipelineStats, StageEvent } from '../../src/types.js';

const pct = (p50: number, p95: number, p99: number, max: number, count: number): Percentiles => ({ p50, p95, p99, max, count });
const none = pct(0, 0, 0, 0, 0);

/** A known 3-second run (ms on the scheduler's clock). */
function knownRun(): StageEvent[] {
  const events: StageEvent[] = [];
  for (let t = 50; t < 3000; t += 100) events.push({ stage: 'source', kind: 'emit', t, captureT: t });
  for (let t = 90; t < 1000; t += 100) events.push({ stage: 'estimator', kind: 'emit', t, captureT: t - 40 });
  events.push({ stage: 'estimator', kind: 'emit', t: 595, captureT: 455 }); // one stale result, 140 ms
  events.push({ stage: 'estimator', kind: 'drop', t: 300 }, { stage: 'estimator', kind: 'drop', t: 310 });
  events.push({ stage: 'classifier', kind: 'drop', t: 800 }, { stage: 'source', kind: 'drop', t: 1500 });
  const call = (start: number, end: number | undefined, waitMs: number, captureT: number) => {
    events.push({ stage: 'classifier', kind: 'start', t: start, waitMs, captureT });
    if (end !== undefined) {
      events.push({ stage: 'classifier', kind: 'end', t: end, captureT });
      events.push({ stage: 'classifier', kind: 'emit', t: end, captureT });
    }
  };
  call(200, 500, 5, 150);
  call(700, 1300, 15, 650); // still running at t = 1000
  call(1600, 1700, 25, 1550);
  call(2800, undefined, 35, 2700); // still running at t = 3000
  return events;
}

type Faults = 'lostFrames' | 'lostWindows' | 'restarts';
function stats(partial: Omit<PipelineStats, 'fps' | Faults> & Partial<Pick<PipelineStats, Faults>> & { fps: Partial<PipelineStats['fps']> }): PipelineStats {
  return { lostFrames: 0, lostWindows: 0, restarts: 0, ...partial, fps: { source: 0, estimator: 0, window: 0, classifier: 0, display: 0, ...partial.fps } };
}

describe('pipelineStats', () => {
  it('reports known fps, drops, busy fraction and percentiles in virtual time', () => {
    const ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    ts.run(({ expectObservable }) => {
      const monitor = createPipelineMonitor({ now: () => ts.now() });
      for (const { t, ...event } of knownRun()) ts.schedule(() => monitor.record(event), t);
      const stats$ = pipelineStats(monitor, { intervalMs: 1000, windowMs: 2000, scheduler: ts });
      expectObservable(stats$, '^ 3500ms !').toBe('1000ms a 999ms b 999ms c', {
        // t = 1000: the monitor is 1 s old, so the window is (0, 1000].
        a: stats({
          windowMs: 1000,
          fps: { source: 10, estimator: 11, classifier: 1 },
          droppedFrames: 2,
          droppedWindows: 1,
          classifierBusy: 0.6, // 200..500 and 700..now
          landmarkAge: pct(40, 140, 140, 140, 11),
          windowWait: pct(5, 15, 15, 15, 2),
          captureToStart: pct(50, 50, 50, 50, 2),
          captureToResult: pct(350, 350, 350, 350, 1),
        }),
        // t = 2000: (0, 2000].
        b: stats({
          windowMs: 2000,
          fps: { source: 10, estimator: 5.5, classifier: 1.5 },
          droppedFrames: 3,
          droppedWindows: 1,
          classifierBusy: 0.5, // 300 + 600 + 100 ms
          landmarkAge: pct(40, 140, 140, 140, 11),
          windowWait: pct(15, 25, 25, 25, 3),
          captureToStart: pct(50, 50, 50, 50, 3),
          captureToResult: pct(350, 650, 650, 650, 3),
        }),
        // t = 3000: (1000, 3000]; the call started at 700 covers 1000..1300, the one at 2800 runs to now.
        c: stats({
          windowMs: 2000,
          fps: { source: 10, classifier: 1 },
          droppedFrames: 3,
          droppedWindows: 1,
          classifierBusy: 0.3, // 300 + 100 + 200 ms
          landmarkAge: none,
          windowWait: pct(25, 35, 35, 35, 2),
          captureToStart: pct(50, 100, 100, 100, 2),
          captureToResult: pct(150, 650, 650, 650, 2),
        }),
      });
    });
  });

  it('reports zeros (never NaN) for an idle pipeline and keeps drop totals beyond the ring capacity', () => {
    const ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    ts.run(({ expectObservable }) => {
      const monitor = createPipelineMonitor({ now: () => ts.now(), capacity: 2 });
      for (let t = 10; t < 60; t += 10) ts.schedule(() => monitor.record({ stage: 'window', kind: 'drop' }), t);
      expectObservable(pipelineStats(monitor, { intervalMs: 100, windowMs: 100, scheduler: ts }), '^ 150ms !').toBe(
        '100ms a',
        {
          a: stats({
            windowMs: 100,
            fps: {},
            droppedFrames: 0,
            droppedWindows: 5,
            classifierBusy: 0,
            landmarkAge: none,
            windowWait: none,
            captureToStart: none,
            captureToResult: none,
          }),
        },
      );
    });
  });

  it('shows faults: lost frames and windows, restarts and the last error, as totals that outlive the window', () => {
    const ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    ts.run(({ expectObservable }) => {
      const monitor = createPipelineMonitor({ now: () => ts.now() });
      ts.schedule(() => monitor.record({ stage: 'classifier', kind: 'start', captureT: 0 }), 100);
      ts.schedule(() => monitor.record({ stage: 'classifier', kind: 'lost', captureT: 0, message: 'worker crashed' }), 300);
      ts.schedule(() => monitor.record({ stage: 'classifier', kind: 'restart', message: 'worker crashed' }), 310);
      ts.schedule(() => monitor.record({ stage: 'estimator', kind: 'lost', message: 'estimate timed out after 500 ms' }), 700);
      expectObservable(pipelineStats(monitor, { intervalMs: 1000, windowMs: 500, scheduler: ts }), '^ 2500ms !').toBe(
        '1000ms a 999ms b',
        {
          // (500, 1000]: the classifier call ended (lost) at 300, outside the window: busy 0.
          a: stats({
            windowMs: 500, fps: {}, droppedFrames: 0, droppedWindows: 0, lostFrames: 1, lostWindows: 1, restarts: 1,
            lastError: 'estimate timed out after 500 ms', classifierBusy: 0,
            landmarkAge: none, windowWait: none, captureToStart: none, captureToResult: none,
          }),
          b: stats({
            windowMs: 500, fps: {}, droppedFrames: 0, droppedWindows: 0, lostFrames: 1, lostWindows: 1, restarts: 1,
            lastError: 'estimate timed out after 500 ms', classifierBusy: 0,
            landmarkAge: none, windowWait: none, captureToStart: none, captureToResult: none,
          }),
        },
      );
    });
  });

  it('checks its options', () => {
    const monitor = createPipelineMonitor();
    expect(() => pipelineStats(monitor, { intervalMs: 0 })).toThrow(InvalidOptionError);
    expect(() => pipelineStats(monitor, { windowMs: -5 })).toThrow(/windowMs/);
  });
});
