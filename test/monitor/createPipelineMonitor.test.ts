import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { createPipelineMonitor } from '../../src/monitor/createPipelineMonitor.js';
import type { Stage, StageEvent } from '../../src/types.js';

describe('createPipelineMonitor', () => {
  it('stamps events with its clock unless they carry t, and keeps optional fields only when given', () => {
    let clock = 100;
    const monitor = createPipelineMonitor({ now: () => clock });
    expect(monitor.createdAt).toBe(100);
    monitor.record({ stage: 'classifier', kind: 'start', captureT: 90, waitMs: 4 });
    clock = 130;
    monitor.record({ stage: 'classifier', kind: 'end' });
    monitor.record({ stage: 'classifier', kind: 'emit', t: 125, captureT: 90 });
    expect(monitor.events('classifier')).toEqual([
      { stage: 'classifier', kind: 'start', t: 100, captureT: 90, waitMs: 4 },
      { stage: 'classifier', kind: 'end', t: 130 },
      { stage: 'classifier', kind: 'emit', t: 125, captureT: 90 },
    ]);
    expect(monitor.events('classifier', 126).map((e) => e.kind)).toEqual(['end']);
  });

  it('keeps at most `capacity` events per stage (oldest overwritten) while totals count everything', () => {
    const monitor = createPipelineMonitor({ now: () => 0, capacity: 3 });
    for (let t = 1; t <= 10; t++) {
      monitor.record({ stage: 'estimator', kind: t % 2 ? 'emit' : 'drop', t });
      monitor.record({ stage: 'source', kind: 'emit', t });
    }
    monitor.record({ stage: 'display', kind: 'emit', t: 11 });
    expect(monitor.events('estimator').map((e) => [e.kind, e.t])).toEqual([['drop', 8], ['emit', 9], ['drop', 10]]);
    expect(monitor.events('source').map((e) => e.t)).toEqual([8, 9, 10]);
    expect(monitor.events('display').map((e) => e.t)).toEqual([11]);
    const totals = monitor.totals();
    expect(totals.emitted).toEqual({ source: 10, estimator: 5, window: 0, classifier: 0, display: 1 });
    expect(totals.dropped).toEqual({ source: 0, estimator: 5, window: 0, classifier: 0, display: 0 });
    expect(totals.recorded).toBe(21);
  });

  it("counts 'lost' and 'restart' events per stage, keeps their messages and the latest one as lastError", () => {
    const monitor = createPipelineMonitor({ now: () => 5 });
    expect(monitor.totals().lastError).toBeUndefined();
    monitor.record({ stage: 'classifier', kind: 'lost', captureT: 1, message: 'worker crashed' });
    // What the pipeline factory records from a worker's onRestart, through the public record().
    monitor.record({ stage: 'classifier', kind: 'restart', message: 'worker crashed' });
    monitor.record({ stage: 'estimator', kind: 'lost', t: 7 });
    expect(monitor.events('classifier')).toEqual([
      { stage: 'classifier', kind: 'lost', t: 5, captureT: 1, message: 'worker crashed' },
      { stage: 'classifier', kind: 'restart', t: 5, message: 'worker crashed' },
    ]);
    const totals = monitor.totals();
    expect(totals.lost).toEqual({ source: 0, estimator: 1, window: 0, classifier: 1, display: 0 });
    expect(totals.restarts).toEqual({ source: 0, estimator: 0, window: 0, classifier: 1, display: 0 });
    expect(totals.lastError).toBe('lost at estimator');
  });

  it('stays bounded over a long run (ten minutes at 60 fps on every stage)', () => {
    const monitor = createPipelineMonitor({ now: () => 0, capacity: 256 });
    const stages: Stage[] = ['source', 'estimator', 'window', 'classifier', 'display'];
    const frames = 10 * 60 * 60;
    for (let i = 0; i < frames; i++) for (const stage of stages) monitor.record({ stage, kind: 'emit', t: i });
    for (const stage of stages) {
      const kept = monitor.events(stage);
      expect(kept).toHaveLength(256);
      expect(kept[0]!.t).toBe(frames - 256);
      expect(kept[255]!.t).toBe(frames - 1);
    }
    expect(monitor.totals().recorded).toBe(frames * 5);
  });

  it('defaults to performance.now() and a capacity of 4096', () => {
    const before = performance.now();
    const monitor = createPipelineMonitor();
    expect(monitor.capacity).toBe(4096);
    expect(monitor.now()).toBeGreaterThanOrEqual(before);
    expect(monitor.createdAt).toBeGreaterThanOrEqual(before);
  });

  it('rejects a bad capacity, an unknown stage or kind and a non-finite time with InvalidOptionError', () => {
    expect(() => createPipelineMonitor({ capacity: 0 })).toThrow(InvalidOptionError);
    expect(() => createPipelineMonitor({ capacity: 1.5 })).toThrow(/capacity/);
    const monitor = createPipelineMonitor({ now: () => NaN });
    expect(() => monitor.record({ stage: 'camera' as Stage, kind: 'emit', t: 1 })).toThrow(/stage.*camera/);
    expect(() => monitor.record({ stage: 'source', kind: 'skip' as StageEvent['kind'], t: 1 })).toThrow(/kind.*skip/);
    expect(() => monitor.record({ stage: 'source', kind: 'emit' })).toThrow(/finite time.*NaN/);
    expect(() => monitor.events('camera' as Stage)).toThrow(InvalidOptionError);
    expect(monitor.totals().recorded).toBe(0);
  });
});
