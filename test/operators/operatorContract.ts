/**
 * RxJS's standard operator-contract cases, shared by the operator specs: a synchronous source stops at `take(n)`
 * after as many values as the RxJS counterpart pulls, an infinite synchronous source + `take` returns, and explicit
 * unsubscription reaches the source through an unbroken chain (mergeMap on both sides).
 */
import { from, ignoreElements, map, mergeMap, of, range, take, tap, type OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';

/** How many values `op` pulls from `range(0, 1e6)` (mapped by `make`) before `take(n)` ends it. */
export function pulledBefore<T, R>(op: OperatorFunction<T, R>, make: (i: number) => T, n: number): { pulled: number; taken: R[] } {
  let pulled = 0;
  const taken: R[] = [];
  range(0, 1e6)
    .pipe(map(make), tap(() => pulled++), op, take(n))
    .subscribe((v) => taken.push(v));
  return { pulled, taken };
}

/** Runs `op` on an infinite synchronous generator with `take(n)`: returns what came out and whether it completed. */
export function takeFromInfinite<T, R>(op: OperatorFunction<T, R>, make: (i: number) => T, n: number): { taken: R[]; completed: boolean; pulled: number } {
  let pulled = 0;
  function* endless(): Generator<T> {
    for (let i = 0; ; i++) {
      pulled++;
      yield make(i);
    }
  }
  const taken: R[] = [];
  let completed = false;
  from(endless())
    .pipe(op, take(n))
    .subscribe({ next: (v) => taken.push(v), complete: () => (completed = true) });
  return { taken, completed, pulled };
}

/** Unsubscribing explicitly in the middle of `mergeMap(of) -> op -> mergeMap(of)` unsubscribes the hot source at that frame. */
export function expectUnbrokenChain<T, R>(op: OperatorFunction<T, R>, values: Record<string, T>): void {
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ hot, expectObservable, expectSubscriptions }) => {
    const keys = Object.keys(values).join('-');
    const source = hot(`-${keys}-|`, values);
    const result = source.pipe(
      mergeMap((x) => of(x)),
      op,
      mergeMap((x) => of(x)),
      ignoreElements(),
    );
    const unsub = `^${'-'.repeat(keys.length - 1)}!`;
    expectObservable(result, unsub).toBe('');
    expectSubscriptions(source.subscriptions).toBe(unsub);
  });
}
