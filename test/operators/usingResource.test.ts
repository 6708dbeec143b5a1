import { map, of, Subject, type Observable } from 'rxjs';
import { exhaustLatest } from '../../src/operators/exhaustLatest.js';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { usingResource } from '../../src/operators/usingResource.js';
import { spawnWorker } from '../../src/workers/spawnWorker.js';
import { WorkerError } from '../../src/workers/workerErrors.js';
import { expectUnbrokenChain, pulledBefore, takeFromInfinite } from './operatorContract.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

function fakeWorker(log: string[], name = 'w') {
  log.push(`create ${name}`);
  return { times: (x: number) => x * 10, dispose: () => log.push(`dispose ${name}`) };
}

describe('usingResource', () => {
  it('creates the worker on subscribe, uses it, and disposes of it on completion', () => {
    const log: string[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const src = cold('-a-b-|', { a: 1, b: 2 });
      const out = src.pipe(usingResource(() => fakeWorker(log), (w) => map((x: number) => w.times(x))));
      expect(log).toEqual([]); // nothing before a subscription
      expectObservable(out).toBe('-a-b-|', { a: 10, b: 20 });
    });
    expect(log).toEqual(['create w', 'dispose w']);
  });

  it('disposes on unsubscribe and on error; each subscription has its own worker', () => {
    const log: string[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const src = cold('-a-b-c-|', { a: 1, b: 2, c: 3 });
      let n = 0;
      const out = src.pipe(usingResource(() => fakeWorker(log, `w${++n}`), (w) => map((x: number) => w.times(x))));
      expectObservable(out, '^--!').toBe('-a-', { a: 10 });
      expectObservable(cold<number>('-#').pipe(usingResource(() => fakeWorker(log, 'e'), () => map((x: number) => x)))).toBe('-#');
    });
    expect(log.sort()).toEqual(['create e', 'create w1', 'dispose e', 'dispose w1']);
  });

  it('errors the stream (and disposes) when the stage cannot be built', () => {
    const log: string[] = [];
    const errors: unknown[] = [];
    new Subject<number>()
      .pipe(usingResource(() => fakeWorker(log), () => { throw new Error('no stage'); }))
      .subscribe({ error: (e: unknown) => errors.push(e) });
    expect(log).toEqual(['create w', 'dispose w']);
    expect(String(errors[0])).toContain('no stage');
  });

  it('terminates a real worker thread on unsubscribe: its pending call rejects with WorkerError', async () => {
    const frames = new Subject<number>();
    type EchoApi = { add(a: number, b: number): number; hang(): Promise<void> };
    let handle: ReturnType<typeof spawnWorker<EchoApi>> | undefined;
    const out: Observable<number> = frames.pipe(
      usingResource(
        () => {
          handle = spawnWorker<EchoApi>(new URL('../fixtures/workers/echoWorker.ts', import.meta.url), { name: 'echo' });
          return { dispose: () => handle!.terminate() };
        },
        () => map((x: number) => x),
      ),
    );
    const sub = out.subscribe();
    expect(await handle!.api.add(1, 2)).toBe(3); // the worker is up
    const pending = handle!.api.hang();
    sub.unsubscribe();
    await expect(pending).rejects.toBeInstanceOf(WorkerError);
    await expect(handle!.api.add(1, 2)).rejects.toBeInstanceOf(WorkerError);
  });

  it('stops a synchronous source at take(n), returns from an infinite one, and disposes once (contract)', () => {
    const log: string[] = [];
    const op = () => usingResource(() => fakeWorker(log), (w) => exhaustLatest((x: number) => of(w.times(x))));
    expect(pulledBefore(op(), (i) => i, 2)).toEqual({ pulled: 2, taken: [0, 10] }); // was 1,000,000
    expect(takeFromInfinite(op(), (i) => i, 2)).toEqual({ taken: [0, 10], completed: true, pulled: 2 });
    expectUnbrokenChain(op(), { a: 1, b: 2, c: 3, d: 4 });
    expect(log).toEqual(['create w', 'dispose w', 'create w', 'dispose w', 'create w', 'dispose w']);
  });

  it('is re-entrant: the source fed from inside the subscriber, through the stage', () => {
    const log: string[] = [];
    const subject = new Subject<number>();
    const out: number[] = [];
    subject.pipe(usingResource(() => fakeWorker(log), (w) => map((x: number) => w.times(x)))).subscribe({
      next: (v) => {
        out.push(v);
        if (v < 30) subject.next(v / 10 + 1);
        else subject.complete();
      },
    });
    subject.next(1);
    expect(out).toEqual([10, 20, 30]);
    expect(log).toEqual(['create w', 'dispose w']);
  });
});
