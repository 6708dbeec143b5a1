import { Observable } from 'rxjs';

/**
 * The messages arriving on a port, handed on in bursts: each message is queued, and the queue is emptied (its
 * messages emitted one after the other, synchronously) once the messages that were already waiting have arrived,
 * i.e. when a message this function posts to itself comes back. A worker that is busy classifying thus sees every
 * frame that piled up meanwhile at once, so only the newest window of the burst is classified.
 * @internal
 */
export function fromPortInBursts<T>(port: MessagePort): Observable<T> {
  return new Observable<T>((subscriber) => {
    const tick = new MessageChannel();
    let queued: T[] = [];
    let waiting = false;
    tick.port2.onmessage = () => {
      waiting = false;
      const burst = queued;
      queued = [];
      for (const message of burst) subscriber.next(message);
    };
    port.onmessage = (event: MessageEvent<T>) => {
      queued.push(event.data);
      if (!waiting) {
        waiting = true;
        tick.port1.postMessage(0);
      }
    };
    return () => {
      port.onmessage = null;
      tick.port1.close();
      tick.port2.close();
    };
  });
}

