import { checkNumberOption, InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { Stage, StageEvent, StageEventKind } from '../types.js';
import type { MonitorTotals, PipelineMonitorOptions, RecordingPipelineMonitor } from './monitorTypes.js';

/**
 * Every stage, in pipeline order.
 *
 * Internal: the monitor and the CLI use it (no public entry exports it; the `Stage` type names the same stages).
 *
 * @example
 * ```ts
 * import { STAGES } from './createPipelineMonitor.js';
 * for (const stage of STAGES) console.log(stage, stats.fps[stage]);
 * ```
 * @internal
 */
export const STAGES: readonly Stage[] = ['source', 'estimator', 'window', 'classifier', 'display'];
const KINDS: readonly StageEventKind[] = ['emit', 'drop', 'start', 'end', 'lost', 'restart'];

/** One stage's events in a fixed-size ring of typed arrays (NaN marks an absent optional field). */
interface Ring {
  kind: Uint8Array;
  t: Float64Array;
  captureT: Float64Array;
  waitMs: Float64Array;
  /** Messages of `lost` / `restart` events (sparse). */
  message: (string | undefined)[];
  next: number;
  size: number;
}

function ring(capacity: number): Ring {
  const f = () => new Float64Array(capacity);
  return { kind: new Uint8Array(capacity), t: f(), captureT: f(), waitMs: f(), message: [], next: 0, size: 0 };
}

function perStage(): Record<Stage, number> {
  return { source: 0, estimator: 0, window: 0, classifier: 0, display: 0 };
}

/**
 * Creates a pipeline monitor: the place operators report `emit` / `drop` / `start` / `end` / `lost` / `restart`
 * events to.
 *
 * Events are kept per stage in ring buffers of `capacity` entries (typed arrays, allocated once), so memory is
 * bounded however long the pipeline runs; the oldest events are overwritten first. Totals of emits, drops, losses
 * and restarts (and the message of the latest loss or restart) are kept separately and never forgotten.
 * `record()` stamps events with `now()` unless they carry `t`; it is public, so code that sees faults the
 * operators cannot (a worker's `onRestart`) reports them the same way.
 *
 * One clock: `now` (by default `performance.now()`) stamps every event, and every `captureT` an operator reports
 * must be on the same clock, i.e. a frame's `capturedAt` must come from `monitor.now()` (or the clock it wraps).
 * Sources that stamp `capturedAt` take a `now` option for this; `fromRecording` uses its scheduler's `now()`.
 * Read it with `pipelineStats(monitor)`, or `events()` / `totals()` directly.
 *
 * @throws InvalidOptionError for a capacity that is not a positive integer; `record()` throws one for an
 *   unknown stage or kind, or a non-finite time.
 * @example
 * ```ts
 * import { createPipelineMonitor, pipelineStats } from 'posestream';
 * const monitor = createPipelineMonitor();
 * pipelineStats(monitor).subscribe((s) => console.log(s.fps.estimator, s.classifierBusy));
 * ```
 */
export function createPipelineMonitor(options: PipelineMonitorOptions = {}): RecordingPipelineMonitor {
  const now = options.now ?? (() => performance.now());
  const capacity = checkNumberOption('createPipelineMonitor', 'capacity', options.capacity ?? 4096, {
    min: 1,
    integer: true,
  });
  const rings = new Map<Stage, Ring>(STAGES.map((s) => [s, ring(capacity)]));
  const emitted = perStage();
  const dropped = perStage();
  const lost = perStage();
  const restarts = perStage();
  let lastError: string | undefined;
  let recorded = 0;

  return {
    createdAt: now(),
    capacity,
    now,
    record(event) {
      const where = 'PipelineMonitor.record';
      const r = rings.get(event.stage);
      if (!r) throw new InvalidOptionError(where, 'stage', `one of ${STAGES.join(', ')}`, event.stage);
      const kind = KINDS.indexOf(event.kind);
      if (kind < 0) throw new InvalidOptionError(where, 'kind', `one of ${KINDS.join(', ')}`, event.kind);
      const t = event.t ?? now();
      if (!Number.isFinite(t)) throw new InvalidOptionError(where, 't', `a finite time (stage ${event.stage})`, t);
      const i = r.next;
      r.kind[i] = kind;
      r.t[i] = t;
      r.captureT[i] = event.captureT ?? NaN;
      r.waitMs[i] = event.waitMs ?? NaN;
      r.message[i] = event.message;
      r.next = (i + 1) % capacity;
      r.size = Math.min(r.size + 1, capacity);
      recorded++;
      if (event.kind === 'emit') emitted[event.stage]++;
      else if (event.kind === 'drop') dropped[event.stage]++;
      else if (event.kind === 'lost' || event.kind === 'restart') {
        (event.kind === 'lost' ? lost : restarts)[event.stage]++;
        lastError = event.message ?? `${event.kind} at ${event.stage}`;
      }
    },
    events(stage, since = -Infinity) {
      const r = rings.get(stage);
      if (!r) throw new InvalidOptionError('PipelineMonitor.events', 'stage', `one of ${STAGES.join(', ')}`, stage);
      const out: StageEvent[] = [];
      const first = (r.next - r.size + capacity) % capacity;
      for (let n = 0; n < r.size; n++) {
        const i = (first + n) % capacity;
        const t = r.t[i]!;
        if (!(t >= since)) continue;
        const e: StageEvent = { stage, kind: KINDS[r.kind[i]!]!, t };
        const captureT = r.captureT[i]!;
        const waitMs = r.waitMs[i]!;
        if (!Number.isNaN(captureT)) e.captureT = captureT;
        if (!Number.isNaN(waitMs)) e.waitMs = waitMs;
        const message = r.message[i];
        if (message !== undefined) e.message = message;
        out.push(e);
      }
      return out;
    },
    totals(): MonitorTotals {
      const totals: MonitorTotals = { emitted: { ...emitted }, dropped: { ...dropped }, lost: { ...lost }, restarts: { ...restarts }, recorded };
      if (lastError !== undefined) totals.lastError = lastError;
      return totals;
    },
  };
}
