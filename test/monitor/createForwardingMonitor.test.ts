import { afterEach, describe, expect, it, vi } from 'vitest';
import { createForwardingMonitor, pageClock } from '../../src/monitor/createForwardingMonitor.js';
import type { StageEvent } from '../../src/types.js';

afterEach(() => vi.useRealTimers());

describe('createForwardingMonitor', () => {
  it('sends events in batches on its timer, on maxBatch, on flush and on close, stamped on its clock', () => {
    vi.useFakeTimers();
    const sent: StageEvent[][] = [];
    let t = 100;
    const monitor = createForwardingMonitor((events) => sent.push(events), { now: () => t, intervalMs: 250, maxBatch: 3 });
    monitor.record({ stage: 'source', kind: 'emit', captureT: 99 });
    monitor.record({ stage: 'estimator', kind: 'emit', t: 42 });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(sent).toEqual([[{ stage: 'source', kind: 'emit', captureT: 99, t: 100 }, { stage: 'estimator', kind: 'emit', t: 42 }]]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1); // nothing new: nothing sent
    t = 200;
    for (let i = 0; i < 3; i++) monitor.record({ stage: 'window', kind: 'drop' });
    expect(sent).toHaveLength(2);
    monitor.record({ stage: 'classifier', kind: 'start' });
    monitor.flush();
    monitor.record({ stage: 'classifier', kind: 'end' });
    monitor.close();
    monitor.close();
    expect(sent.map((b) => b.length)).toEqual([2, 3, 1, 1]);
    expect(monitor.take()).toEqual([]);
    monitor.record({ stage: 'display', kind: 'emit' });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(4); // closed: the timer is gone
  });

  it('take() hands the batch to the caller instead of sending it', () => {
    const sent: StageEvent[][] = [];
    const monitor = createForwardingMonitor((events) => sent.push(events), { now: () => 5 });
    monitor.record({ stage: 'source', kind: 'emit' });
    expect(monitor.take()).toEqual([{ stage: 'source', kind: 'emit', t: 5 }]);
    monitor.flush();
    monitor.close();
    expect(sent).toEqual([]);
  });

  it("pageClock is a worker's performance.now() on the page's scale", () => {
    const clock = pageClock(performance.timeOrigin - 1000);
    expect(Math.abs(clock() - (performance.now() + 1000))).toBeLessThan(50);
  });
});
