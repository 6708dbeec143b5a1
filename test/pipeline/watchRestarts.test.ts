import { describe, expect, it } from 'vitest';
import { createPipelineMonitor } from '../../src/monitor/createPipelineMonitor.js';
import { watchRestarts } from '../../src/pipeline/watchRestarts.js';

describe('watchRestarts', () => {
  it('calls the hook on each restart before it is recorded, appends what it returns, and passes other events on', () => {
    const monitor = createPipelineMonitor({ now: () => 5 });
    const seen: string[] = [];
    let held = true;
    const watched = watchRestarts(monitor, (e) => {
      seen.push(`${e.stage}:${monitor.totals().restarts[e.stage]}`); // not recorded yet
      const cost = held ? "the gesture 'fist' ended" : undefined;
      held = false;
      return cost;
    });
    expect(watched.now()).toBe(5);
    watched.record({ stage: 'display', kind: 'emit' });
    watched.record({ stage: 'classifier', kind: 'restart', message: 'classifier crashed' });
    expect(monitor.totals().lastError).toBe("classifier crashed; the gesture 'fist' ended");
    watched.record({ stage: 'estimator', kind: 'restart', message: 'estimator hung' });
    expect(monitor.totals().lastError).toBe('estimator hung');
    expect(seen).toEqual(['classifier:0', 'estimator:0']);
    expect(monitor.totals().restarts).toMatchObject({ classifier: 1, estimator: 1 });
    expect(monitor.totals().emitted.display).toBe(1);
  });
});
