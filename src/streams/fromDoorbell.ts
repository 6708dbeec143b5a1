import { Observable } from 'rxjs';

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };

/**
 * Emits each time another thread changes `ints[index]` of shared memory (rings a doorbell: `Atomics.add` then
 * `Atomics.notify`), waiting with `Atomics.waitAsync`, so the waiting thread's event loop stays free. Rings that
 * come while a subscriber is still handling the previous one, or while the thread is busy, give one emission:
 * read all that is new on each. The first emission comes with the first ring after subscribing. Unsubscribing
 * stops waiting (the pending wait is woken and ignored).
 * @internal
 */
export function fromDoorbell(ints: Int32Array, index: number): Observable<void> {
  return new Observable<void>((subscriber) => {
    const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
    let closed = false;
    let seen = Atomics.load(ints, index);
    const wait = (): void => {
      while (!closed) {
        const result = waitAsync(ints, index, seen);
        if (result.async) {
          result.value.then(ring, (error: unknown) => subscriber.error(error));
          return;
        }
        seen = Atomics.load(ints, index); // rung since: emit now, then wait for the next
        subscriber.next();
      }
    };
    const ring = (): void => {
      if (closed) return;
      seen = Atomics.load(ints, index); // read before the subscriber reads the data: a later ring wakes us again
      subscriber.next();
      wait();
    };
    wait();
    return () => {
      closed = true;
      Atomics.notify(ints, index); // releases the pending wait
    };
  });
}
