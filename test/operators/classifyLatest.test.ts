import { exhaustMap, Observable, of, Subject, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { classifyLatest } from '../../src/operators/classifyLatest.js';
import type { PipelineMonitor, StageEvent } from '../../src/types.js';
import { expectUnbrokenChain, pulledBefore, takeFromInfinite } from './operatorContract.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const upper = { a: 'A', b: 'B', c: 'C', d: 'D' } as Record<string, string>;

describe('classifyLatest', () => {
  it("'latest' keeps the newest window that arrived while busy, drops the replaced one, and waits for it on completion", () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('a-bc--d--|');
      const op = classifyLatest((w: string) => cold('----(x|)', { x: upper[w] }));
      expectObservable(source.pipe(op)).toBe('----A---C---(D|)');
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  it("'drop' is exhaustMap: every window arriving while busy is dropped, the last one may be lost", () => {
    const ts = scheduler();
    const drops: string[] = [];
    const op = classifyLatest((w: string) => ts.createColdObservable('----(x|)', { x: upper[w] }), {
      policy: 'drop',
      onDrop: (w, n) => drops.push(`${w}${n}`),
    });
    ts.run(({ hot, expectObservable }) => {
      expectObservable(hot('a-bc--d--|').pipe(op)).toBe('----A-----(D|)');
      expectObservable(hot('a-b|').pipe(op)).toBe('----(A|)');
    });
    // Each subscription counts its own drops: b then c for the first, b for the second.
    expect(drops).toEqual(['b1', 'b1', 'c2']);
    expect(op.dropped).toBe(3);
  });

  it("'latest' never loses the final window and counts replaced windows as dropped", () => {
    const ts = scheduler();
    const op = classifyLatest((w: string) => ts.createColdObservable('----(x|)', { x: upper[w] }));
    ts.run(({ hot, expectObservable }) => {
      expectObservable(hot('a-b|').pipe(op)).toBe('----A---(B|)');
      expectObservable(hot('abcd|').pipe(op)).toBe('----A---(D|)');
    });
    expect(op.dropped).toBe(2);
  });

  it('forwards every value of the inner and frees the classifier only when the inner completes', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const source = hot('a-b----|');
      expectObservable(source.pipe(classifyLatest((w: string) => cold('-x-y|', { x: `${w}1`, y: `${w}2` })))).toBe(
        '-x-y-s-t|',
        { x: 'a1', y: 'a2', s: 'b1', t: 'b2' },
      );
    });
  });

  it('unsubscribing tears down the source and the in-flight inner, and never starts the pending window', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('----(x|)', { x: 'X' });
      const source = hot('a-b-c---');
      expectObservable(source.pipe(classifyLatest(() => inner)), '^----!').toBe('----X-');
      expectSubscriptions(source.subscriptions).toBe('^----!');
      expectSubscriptions(inner.subscriptions).toBe(['^---!', '----^!']);
    });
  });

  it('errors when the source errors, unsubscribing the in-flight inner', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('----(x|)', { x: 'X' });
      expectObservable(hot('a-#').pipe(classifyLatest(() => inner))).toBe('--#');
      expectSubscriptions(inner.subscriptions).toBe('^-!');
    });
  });

  it('errors when the inner errors or classify throws, and stops taking windows', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('a-b-c-|');
      expectObservable(source.pipe(classifyLatest(() => cold('---#', undefined, new Error('worker died'))))).toBe(
        '---#',
        undefined,
        new Error('worker died'),
      );
      expectSubscriptions(source.subscriptions).toBe('^--!');
      const boom = new Error('bad window');
      const throwing = classifyLatest((w: string): Observable<string> => {
        if (w === 'b') throw boom;
        return of(w);
      });
      expectObservable(hot('a-b-c|').pipe(throwing)).toBe('a-#', undefined, boom);
      expectObservable(hot('a|').pipe(classifyLatest(() => throwError(() => boom)))).toBe('#', undefined, boom);
    });
  });

  it('handles a classifier that emits and completes synchronously', () => {
    scheduler().run(({ hot, expectObservable }) => {
      // A group like (ab) takes as many frames as it has characters.
      expectObservable(hot('a---b---c---|').pipe(classifyLatest((w: string) => of(upper[w], `${w}!`)))).toBe('(ab)(cd)(ef)|', {
        a: 'A', b: 'a!', c: 'B', d: 'b!', e: 'C', f: 'c!',
      });
    });
  });

  it('is re-entrant: a source that emits from inside classify or from a result callback', () => {
    const subject = new Subject<number>();
    const out: number[] = [];
    const started: number[] = [];
    let completed = false;
    const op = classifyLatest((n: number) => {
      started.push(n);
      if (n < 3) subject.next(n + 1); // arrives while busy: becomes the pending window
      return of(n * 10);
    });
    subject.pipe(op).subscribe({
      next: (r) => {
        out.push(r);
        if (r === 30) {
          subject.next(100); // emitted from inside the result callback, while busy
          subject.next(200); // replaces 100 as pending
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

  it('records start (waitMs from emittedAt, captureT), emit, end and drop on the monitor', () => {
    const ts = scheduler();
    const events: StageEvent[] = [];
    const monitor: PipelineMonitor = { now: () => ts.now(), record: (e) => events.push({ t: ts.now(), ...e }) };
    type W = { name: string; emittedAt: number; capturedAt: number };
    const w = (name: string, emittedAt: number): W => ({ name, emittedAt, capturedAt: emittedAt - 100 });
    ts.run(({ cold, hot, expectObservable }) => {
      const source = hot<W>('a-bc|', { a: w('a', 0), b: w('b', 2), c: w('c', 3) });
      expectObservable(source.pipe(classifyLatest((x: W) => cold('----(r|)', { r: x.name }), { monitor }))).toBe('----a---(c|)');
    });
    expect(events).toEqual([
      { stage: 'classifier', kind: 'start', t: 0, captureT: -100, waitMs: 0 },
      { stage: 'classifier', kind: 'drop', t: 3, captureT: -98 },
      { stage: 'classifier', kind: 'emit', t: 4, captureT: -100 },
      { stage: 'classifier', kind: 'end', t: 4, captureT: -100 },
      { stage: 'classifier', kind: 'start', t: 4, captureT: -97, waitMs: 1 },
      { stage: 'classifier', kind: 'emit', t: 8, captureT: -97 },
      { stage: 'classifier', kind: 'end', t: 8, captureT: -97 },
    ]);
  });

  it('rejects an unknown policy with an InvalidOptionError', () => {
    expect(() => classifyLatest(() => of(1), { policy: 'queue' as 'drop' })).toThrow(InvalidOptionError);
  });

  it('pulls no more from a synchronous source than exhaustMap, and returns from an infinite one (contract)', () => {
    for (const n of [1, 2, 5]) {
      expect(pulledBefore(classifyLatest((w: number) => of(w)), (i) => i, n)).toEqual(pulledBefore(exhaustMap((w: number) => of(w)), (i) => i, n));
    }
    expect(pulledBefore(classifyLatest((w: number) => of(w)), (i) => i, 2).pulled).toBe(2); // was 1,000,000
    expect(takeFromInfinite(classifyLatest((w: number) => of(w)), (i) => i, 2)).toEqual({ taken: [0, 1], completed: true, pulled: 2 });
    expectUnbrokenChain(classifyLatest((w: string) => of(w)), { a: 'a', b: 'b', c: 'c', d: 'd' });
  });

  it('loses only the window of a call lost to a worker restart (error.recovered) and classifies the pending one', () => {
    const ts = scheduler();
    const events: StageEvent[] = [];
    const monitor: PipelineMonitor = { now: () => ts.now(), record: (e) => events.push({ t: ts.now(), ...e }) };
    const lostCall = Object.assign(new Error('classifier worker crashed; restarted'), { recovered: true });
    ts.run(({ cold, hot, expectObservable }) => {
      const classify = (w: string): Observable<string> => (w === 'a' ? cold<string>('---#', undefined, lostCall) : cold('--(x|)', { x: upper[w] ?? w }));
      expectObservable(hot('ab----c---|').pipe(classifyLatest(classify, { monitor }))).toBe('-----B--C-|');
      // skipError is an option: turned off, the same error ends the stream.
      expectObservable(hot('ab----c---|').pipe(classifyLatest(classify, { skipError: () => false }))).toBe('---#', undefined, lostCall);
      // An error without `recovered` still ends the stream by default.
      expectObservable(hot('a|').pipe(classifyLatest(() => cold<string>('-#', undefined, new Error('bad model'))))).toBe('-#', undefined, new Error('bad model'));
    });
    expect(events.filter((e) => e.kind === 'lost')).toEqual([{ stage: 'classifier', kind: 'lost', t: 3, message: 'classifier worker crashed; restarted' }]);
  });
});
