import { of, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { probeWhenQuiet } from '../../src/operators/probeWhenQuiet.js';

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('probeWhenQuiet', () => {
  it('probes once the source has been quiet for quietMs, again while it stays quiet; a sign of life resets the wait', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, hot, expectObservable }) => {
      const life = hot('6ms a 4ms b 8ms c 9ms |'); // signs at 6, 11, 20; ends at 30
      const out = life.pipe(probeWhenQuiet(() => (probes.push(ts.now()), cold('1ms (x|)')), { quietMs: 4 }));
      expectObservable(out).toBe('30ms |');
    });
    expect(probes).toEqual([4, 10, 15, 19, 24, 28]);
  });

  it('errors with the first probe error (a worker that does not answer in time)', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const life = hot('2ms a 20ms |');
      const out = life.pipe(probeWhenQuiet(() => cold('1ms #', undefined, new Error('no answer in 10 s')), { quietMs: 4 }));
      expectObservable(out).toBe('7ms #', undefined, new Error('no answer in 10 s')); // quiet from 2: probe at 6, fails at 7
    });
  });

  it('never doubles a probe that is still running', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, hot, expectObservable }) => {
      const out = hot('20ms |').pipe(probeWhenQuiet(() => (probes.push(ts.now()), cold('10ms (x|)')), { quietMs: 4 }));
      expectObservable(out).toBe('26ms |'); // the source ends at 20; the probe started at 16 finishes first
    });
    expect(probes).toEqual([4, 16]); // the ticks at 8 and 12 fall while the first probe runs (4-14)
  });

  it('stops probing when unsubscribed, cancelling a running probe', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const answer = cold('3ms (x|)');
      const out = hot('-').pipe(probeWhenQuiet(() => (probes.push(ts.now()), answer), { quietMs: 4 }));
      expectObservable(out, '10ms !').toBe('-');
      expectSubscriptions(answer.subscriptions).toBe(['4ms ^ 2ms !', '8ms ^ 1ms !']);
    });
    expect(probes).toEqual([4, 8]);
  });

  it('completes at once with a synchronous source, without probing', () => {
    let probes = 0;
    let completed = false;
    of(1, 2, 3)
      .pipe(probeWhenQuiet(() => (probes++, of(true)), { quietMs: 1 }))
      .subscribe({ complete: () => (completed = true) });
    expect(completed).toBe(true);
    expect(probes).toBe(0);
  });

  it('takes a sign of life given by the probe itself (re-entrant) as a reset', () => {
    const ts = testScheduler();
    const probes: number[] = [];
    ts.run(({ cold, expectObservable }) => {
      const life = new Subject<void>();
      const out = life.pipe(
        probeWhenQuiet(() => {
          probes.push(ts.now());
          life.next(); // answering counts as a sign of life: the next probe is quietMs after it
          return cold('2ms (x|)');
        }, { quietMs: 5 }),
      );
      expectObservable(out, '13ms !').toBe('-');
    });
    expect(probes).toEqual([5, 10]);
  });
});
