import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createPipelineMonitor } from '../../src/monitor/createPipelineMonitor.js';
import { monitorStage } from '../../src/operators/monitorStage.js';

describe('monitorStage', () => {
  it('records an emit per value on the monitor clock, with captureT from capturedAt or timestamp (marbles)', () => {
    const ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const monitor = createPipelineMonitor({ now: () => ts.now() });
      const values = {
        a: { index: 0, timestamp: 5, capturedAt: 3, hands: [] },
        b: { index: 1, timestamp: 40, hands: [] },
        c: 'no times here',
      };
      const source = cold<unknown>('a 9ms b 9ms c|', values);
      expectObservable(source.pipe(monitorStage(monitor, 'display'))).toBe('a 9ms b 9ms c|', values);
      expectSubscriptions(source.subscriptions).toBe('^ 20ms !');
      ts.flush();
      expect(monitor.events('display')).toEqual([
        { stage: 'display', kind: 'emit', t: 0, captureT: 3 },
        { stage: 'display', kind: 'emit', t: 10, captureT: 40 },
        { stage: 'display', kind: 'emit', t: 20 },
      ]);
      expect(monitor.totals().emitted.display).toBe(3);
      expect(monitor.events('source')).toEqual([]);
    });
  });

  it('passes errors on without recording them, and stops recording when unsubscribed', () => {
    const ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    ts.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const monitor = createPipelineMonitor({ now: () => ts.now() });
      const failing = cold('a#', { a: { timestamp: 1 } }, new Error('boom'));
      expectObservable(failing.pipe(monitorStage(monitor, 'source'))).toBe('a#', { a: { timestamp: 1 } }, new Error('boom'));
      const endless = hot('-x-x-x-x', { x: { timestamp: 2 } });
      expectObservable(endless.pipe(monitorStage(monitor, 'estimator')), '^--!').toBe('-x-', { x: { timestamp: 2 } });
      expectSubscriptions(endless.subscriptions).toBe('^--!');
      ts.flush();
      expect(monitor.totals().recorded).toBe(2);
      expect(monitor.events('estimator')).toEqual([{ stage: 'estimator', kind: 'emit', t: 1, captureT: 2 }]);
    });
  });

  it('is re-entrant: a value pushed from inside a subscriber is recorded after the one that caused it', () => {
    let clock = 0;
    const monitor = createPipelineMonitor({ now: () => clock++ });
    const frames = new Subject<{ timestamp: number }>();
    const seen: number[] = [];
    frames.pipe(monitorStage(monitor, 'source')).subscribe((f) => {
      seen.push(f.timestamp);
      if (f.timestamp === 1) frames.next({ timestamp: 2 });
    });
    frames.next({ timestamp: 1 });
    expect(seen).toEqual([1, 2]);
    expect(monitor.events('source').map((e) => e.captureT)).toEqual([1, 2]);
  });
});
