import type { PipelineMonitor, StageEvent } from '../types.js';

/** Options of {@link createForwardingMonitor}. */
export interface ForwardingMonitorOptions {
  /**
   * The clock that stamps events, ms. In a worker, the page's clock (see {@link pageClock}) so that the page's
   * monitor can keep the events as they are.
   * @default () => performance.now()
   */
  now?: () => number;
  /**
   * How often the batch is sent, ms (also when `events` reach `maxBatch`).
   * @default 250
   */
  intervalMs?: number;
  /**
   * Events that trigger an early send.
   * @default 256
   */
  maxBatch?: number;
}

/** What {@link createForwardingMonitor} returns: a monitor, plus sending what is left and stopping its timer. */
export interface ForwardingMonitor extends PipelineMonitor {
  /** Sends the events recorded since the last send (nothing when there are none). */
  flush(): void;
  /** Returns the events recorded since the last send and forgets them: for sending them with a message of your own. */
  take(): StageEvent[];
  /** Flushes, then stops the timer; later events are sent by `flush()` only. Idempotent. */
  close(): void;
}

/**
 * A {@link PipelineMonitor} for a worker: it stamps events on `now` and sends them in batches to the thread that
 * owns the real monitor (`send` posts them; the receiver calls `monitor.record(event)` for each), every
 * `intervalMs` or every `maxBatch` events, so that the page handles a few messages a second, never one per event.
 *
 * Internal to the workers path (no public entry exports it).
 *
 * @example
 * ```ts
 * import { pageClock } from 'posestream';
 * import { createForwardingMonitor } from '../monitor/createForwardingMonitor.js'; // withHandStream
 * const monitor = createForwardingMonitor((events) => port.postMessage({ type: 'events', events }), { now: pageClock(pageTimeOrigin) });
 * ```
 * @internal
 */
export function createForwardingMonitor(send: (events: StageEvent[]) => void, options: ForwardingMonitorOptions = {}): ForwardingMonitor {
  const { now = () => performance.now(), intervalMs = 250, maxBatch = 256 } = options;
  let batch: StageEvent[] = [];
  const take = (): StageEvent[] => {
    const events = batch;
    batch = [];
    return events;
  };
  const flush = (): void => {
    if (batch.length > 0) send(take());
  };
  let timer: ReturnType<typeof setInterval> | undefined = setInterval(flush, intervalMs);
  return {
    now,
    record(event) {
      batch.push({ ...event, t: event.t ?? now() });
      if (batch.length >= maxBatch) flush();
    },
    flush,
    take,
    close() {
      flush();
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}

/**
 * A worker's clock on the page's `performance.now()` scale: `performance.timeOrigin + performance.now() -
 * pageTimeOrigin`, where `pageTimeOrigin` is the page's `performance.timeOrigin` (sent to the worker). Capture
 * times and monitor events made with it compare directly with the page's.
 *
 * @example
 * ```ts
 * import { pageClock } from 'posestream';
 * const now = pageClock(pageTimeOrigin); // in the worker
 * ```
 */
export function pageClock(pageTimeOrigin: number): () => number {
  const offset = performance.timeOrigin - pageTimeOrigin;
  return () => performance.now() + offset;
}
