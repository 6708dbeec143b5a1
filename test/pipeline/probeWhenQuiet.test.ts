import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { probeWhenQuiet } from '../../src/pipeline/probeWhenQuiet.js';

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('probeWhenQuiet', () => {
  it('probes once no sign of life came for quietMs, again while it stays quiet; a sign of life resets the wait', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, hot, expectObservable }) => {
      let last = 0;
      hot('6ms a 4ms b 8ms c').subscribe(() => (last = ts.now())); // signs at 6, 11, 20
      const out = probeWhenQuiet(() => last, () => (probes.push(ts.now()), cold('1ms (x|)')), { quietMs: 6, scheduler: ts });
      expectObservable(out, '33ms !').toBe('-');
    });
    // Checked every 2 ms: the sign at 6 comes before the check at 6; quiet >= 6 at 18 (sign 11), then 26 (sign 20)
    // and 32 (6 ms after that probe): a quiet worker is asked every quietMs, not at every check.
    expect(probes).toEqual([18, 26, 32]);
  });

  it('errors with the first probe error (a worker that does not answer in time)', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      const out = probeWhenQuiet(() => 0, () => cold('1ms #', undefined, new Error('no answer in 10 s')), { quietMs: 3, scheduler: ts });
      expectObservable(out).toBe('4ms #', undefined, new Error('no answer in 10 s')); // probe at 3, fails at 4
    });
  });

  it('never doubles a probe that is still running', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, expectObservable }) => {
      const out = probeWhenQuiet(() => 0, () => (probes.push(ts.now()), cold('10ms (x|)')), { quietMs: 3, scheduler: ts });
      expectObservable(out, '20ms !').toBe('-');
    });
    expect(probes).toEqual([3, 13]); // the checks at 4..12 fall while the first probe runs (3-13)
  });

  it('stops probing when unsubscribed, cancelling a running probe', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const answer = cold('3ms (x|)');
      const out = probeWhenQuiet(() => 0, () => (probes.push(ts.now()), answer), { quietMs: 3, scheduler: ts });
      expectObservable(out, '8ms !').toBe('-');
      expectSubscriptions(answer.subscriptions).toBe(['3ms ^ 2ms !', '6ms ^ 1ms !']); // the second cancelled at 8
    });
    expect(probes).toEqual([3, 6]);
  });

  it('takes a sign of life given by the probe itself (re-entrant) as a reset', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, expectObservable }) => {
      let last = 0;
      const out = probeWhenQuiet(
        () => last,
        () => {
          probes.push(ts.now());
          last = ts.now(); // answering counts as a sign of life: the next probe is quietMs after it
          return cold('1ms (x|)');
        },
        { quietMs: 6, scheduler: ts },
      );
      expectObservable(out, '20ms !').toBe('-');
    });
    expect(probes).toEqual([6, 12, 18]);
  });
});
