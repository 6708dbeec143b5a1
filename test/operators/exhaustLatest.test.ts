import { exhaustMap, of, Subject, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { exhaustLatest } from '../../src/operators/exhaustLatest.js';
import { isRecoveredError } from '../../src/operators/isRecoveredError.js';
import type { PipelineMonitor, StageEvent } from '../../src/types.js';
import { expectUnbrokenChain, pulledBefore, takeFromInfinite } from './operatorContract.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const upper = { a: 'A', b: 'B', c: 'C', d: 'D' } as Record<string, string>;
/** What a worker made with `restart: true` rejects a lost call with (duck-typed like src/workers' WorkerError). */
const recovered = (message: string): Error => Object.assign(new Error(message), { recovered: true });

describe('exhaustLatest', () => {
  it("'latest' runs one inner at a time, keeps only the newest pending value and waits for it on completion", () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('a-bc--d--|');
      const op = exhaustLatest((v: string) => cold('----(x|)', { x: upper[v] ?? v }));
      expectObservable(source.pipe(op)).toBe('----A---C---(D|)');
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  it("'drop' gives exactly what exhaustMap gives on the same marbles", () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const source = hot('a-bc--d-ab--c|');
      const project = (v: string): Observable<string> => cold('---(x|)', { x: upper[v] ?? v });
      expectObservable(source.pipe(exhaustLatest(project, { policy: 'drop' }))).toBe('---A-----D-----(C|)');
      expectObservable(source.pipe(exhaustMap(project))).toBe('---A-----D-----(C|)');
    });
  });

  it('pulls no more from a synchronous source than exhaustMap before take(n) ends it (contract)', () => {
    for (const n of [1, 2, 5]) {
      for (const policy of ['latest', 'drop'] as const) {
        const ours = pulledBefore(exhaustLatest((v: number) => of(v), { policy }), (i) => i, n);
        const rxjs = pulledBefore(exhaustMap((v: number) => of(v)), (i) => i, n);
        expect(ours).toEqual(rxjs);
        expect(ours.pulled).toBe(n); // was 1,000,000: the teardown was linked after the source had finished
      }
    }
  });

  it('returns from an infinite synchronous source + take (contract)', () => {
    const out = takeFromInfinite(exhaustLatest((v: number) => of(v * 10)), (i) => i, 3);
    expect(out).toEqual({ taken: [0, 10, 20], completed: true, pulled: 3 });
  });

  it('keeps the unsubscription chain unbroken (contract)', () => {
    expectUnbrokenChain(exhaustLatest((v: string) => of(v)), { a: 'a', b: 'b', c: 'c', d: 'd' });
  });

  it('unsubscribing tears down the source and the in-flight inner, never starts the pending value, and discards it', () => {
    const discarded: string[] = [];
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('----(x|)', { x: 'X' });
      const source = hot('a-b-c---');
      expectObservable(source.pipe(exhaustLatest(() => inner, { onDiscard: (v) => discarded.push(v) })), '^----!').toBe('----X-');
      expectSubscriptions(source.subscriptions).toBe('^----!');
      expectSubscriptions(inner.subscriptions).toBe(['^---!', '----^!']);
    });
    expect(discarded).toEqual([]); // c started at 4: nothing was pending at 5
    const onError: string[] = [];
    scheduler().run(({ cold, hot, expectObservable }) => {
      const op = exhaustLatest((v: string) => (v === 'a' ? cold('---#') : cold('-(x|)', { x: v })), { onDiscard: (v) => onError.push(v) });
      expectObservable(hot('ab---').pipe(op)).toBe('---#');
      expectObservable(hot('ab---').pipe(exhaustLatest(() => cold('-----x'), { onDiscard: (v) => onError.push(`u${v}`) })), '^--!').toBe('');
    });
    expect(onError.sort()).toEqual(['b', 'ub']);
  });

  it('skipError: a lost inner counts the value as lost and starts the pending value; other errors still error', () => {
    const ts = scheduler();
    const events: StageEvent[] = [];
    const monitor: PipelineMonitor = { now: () => ts.now(), record: (e) => events.push({ t: ts.now(), ...e }) };
    ts.run(({ cold, hot, expectObservable }) => {
      const project = (v: string): Observable<string> =>
        v === 'a' ? cold<string>('---#', undefined, recovered('worker crashed; restarted')) : v === 'd' ? cold<string>('-#', undefined, new Error('bad model')) : cold('--(x|)', { x: upper[v] ?? v });
      const op = exhaustLatest(project, { skipError: isRecoveredError, monitor, captureT: () => undefined });
      expectObservable(hot('ab----c---|').pipe(op)).toBe('-----B--C-|');
      expectObservable(hot('ab----d---|').pipe(op)).toBe('-----B-#', undefined, new Error('bad model'));
      // Without skipError, the same lost call errors the stream.
      expectObservable(hot('ab----c---|').pipe(exhaustLatest(project))).toBe('---#', undefined, recovered('worker crashed; restarted'));
    });
    const lost = events.filter((e) => e.kind === 'lost');
    expect(lost).toEqual([
      { stage: 'classifier', kind: 'lost', t: 3, message: 'worker crashed; restarted' },
      { stage: 'classifier', kind: 'lost', t: 3, message: 'worker crashed; restarted' },
    ]);
  });

  it('skipError: a lost last value still completes the stream, and a synchronous lost inner is handled', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const op = exhaustLatest((v: string) => (v === 'b' ? cold<string>('-#', undefined, recovered('timeout')) : cold('-(x|)', { x: upper[v] ?? v })), {
        skipError: () => true,
      });
      expectObservable(hot('ab|').pipe(op)).toBe('-A|'); // b started at 1, was lost at 2, then the stream completed
    });
    const out: string[] = [];
    let done = false;
    const sync = exhaustLatest((v: string) => (v === 'b' ? (() => { throw recovered('sync'); })() : of(v)), { skipError: () => true });
    // project throwing is not an inner error: it errors the stream even with skipError.
    of('a', 'b', 'c').pipe(sync).subscribe({ next: (v) => out.push(v), error: () => (done = true) });
    expect(out).toEqual(['a']);
    expect(done).toBe(true);
  });

  it('is re-entrant: values pushed from inside project and from a result callback', () => {
    const subject = new Subject<number>();
    const started: number[] = [];
    const out: number[] = [];
    let completed = false;
    const op = exhaustLatest((n: number) => {
      started.push(n);
      if (n < 3) subject.next(n + 1);
      return of(n * 10);
    });
    subject.pipe(op).subscribe({
      next: (r) => {
        out.push(r);
        if (r === 30) {
          subject.next(100);
          subject.next(200);
          subject.complete();
        }
      },
      complete: () => (completed = true),
    });
    subject.next(1);
    expect(started).toEqual([1, 2, 3, 200]);
    expect(out).toEqual([10, 20, 30, 2000]);
    expect(completed).toBe(true);
    expect(op.dropped).toBe(1);
  });

  it('rejects a bad policy or skipError with an InvalidOptionError', () => {
    expect(() => exhaustLatest(() => of(1), { policy: 'queue' as 'drop' })).toThrow(InvalidOptionError);
    expect(() => exhaustLatest(() => of(1), { skipError: true as unknown as () => boolean })).toThrow(/skipError/);
  });
});
