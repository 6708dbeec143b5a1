import { Observable, asyncScheduler } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import type { PoseWindow, Prediction } from '../types.js';

/** What a fake classifier answers for one window: a label (score 0.9), a label with its score, all scores, or an Error. */
export type FakeClassifierStep =
  | string
  | {
      /** The winning label (one of `labels`). */
      label: string;
      /** Its score, 0..1; the other labels share the rest equally. */
      score: number;
    }
  | readonly number[]
  | Error;

/** Options of {@link createFakeClassifier}. */
export interface FakeClassifierOptions {
  /** The model's labels, in order. */
  labels: readonly string[];
  /** Time from subscription to the result, ms: a number, or per call (0-based call number). @default 0 */
  latencyMs?: number | ((call: number, window: PoseWindow) => number);
  /**
   * Scripted answers: an array (call n gets entry n; past its end the last entry repeats), or a function of the
   * window and call number. @default always the first label
   */
  script?: readonly FakeClassifierStep[] | ((window: PoseWindow, call: number) => FakeClassifierStep);
  /** Scheduler the latency runs on and `startedAt`/`finishedAt` are read from. @default asyncScheduler */
  scheduler?: SchedulerLike;
}

/** A fake classifier function; `calls` lists every window it was called with, in order. */
export type FakeClassifier = ((window: PoseWindow) => Observable<Prediction>) & {
  /** Every window the fake was called with, in call order (also those whose answer was cancelled). */
  readonly calls: PoseWindow[];
};

/**
 * Creates a fake gesture classifier for tests: `(window: PoseWindow) => Observable<Prediction>` that answers after
 * `latencyMs` on `scheduler` with a scripted prediction, then completes.
 *
 * A label answer gets `score` (0.9 when only a label is scripted) and the other labels share the rest; a score array
 * is used as is (one per label) and the best wins. `windowEndTimestamp`/`windowEndIndex` come from the window,
 * `startedAt` is `scheduler.now()` at subscription and `finishedAt` at the answer. A scripted `Error` errors that
 * call; an unknown label or a score array of the wrong length errors with a `RangeError`. Each call is cold;
 * unsubscribing cancels the answer.
 *
 * @example
 * ```ts
 * import { createFakeClassifier } from 'posestream/testing';
 * const classify = createFakeClassifier({ labels: ['none', 'swipe'], latencyMs: 120, script: ['none', 'swipe'] });
 * // classify(window) emits { label: 'none', score: 0.9, ... } 120 ms after subscription
 * ```
 */
export function createFakeClassifier(options: FakeClassifierOptions): FakeClassifier {
  const scheduler = options.scheduler ?? asyncScheduler;
  const labels = options.labels;
  const calls: PoseWindow[] = [];
  const scores = (answer: Exclude<FakeClassifierStep, Error>): number[] => {
    if (Array.isArray(answer)) {
      if (answer.length !== labels.length) throw new RangeError(`scripted ${answer.length} scores for ${labels.length} labels`);
      return [...(answer as readonly number[])];
    }
    const { label, score } = typeof answer === 'string' ? { label: answer, score: 0.9 } : (answer as { label: string; score: number });
    const at = labels.indexOf(label);
    if (at < 0) throw new RangeError(`scripted label "${label}" is not one of ${labels.join(', ')}`);
    const rest = labels.length > 1 ? (1 - score) / (labels.length - 1) : 0;
    return labels.map((_, i) => (i === at ? score : rest));
  };
  const classify = (window: PoseWindow): Observable<Prediction> => {
    const call = calls.length;
    calls.push(window);
    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(call, window) : (options.latencyMs ?? 0);
    return new Observable<Prediction>((subscriber) => {
      const startedAt = scheduler.now();
      return scheduler.schedule(() => {
        const script = options.script;
        const answer =
          script === undefined ? (labels[0] ?? '') : typeof script === 'function' ? script(window, call) : (script[Math.min(call, script.length - 1)] ?? labels[0] ?? '');
        if (answer instanceof Error) {
          subscriber.error(answer);
          return;
        }
        let values: number[];
        try {
          values = scores(answer);
        } catch (err) {
          subscriber.error(err);
          return;
        }
        let best = 0;
        values.forEach((v, i) => {
          if (v > (values[best] ?? -Infinity)) best = i;
        });
        subscriber.next({
          label: labels[best] ?? '',
          score: values[best] ?? 0,
          categories: values.map((score, index) => ({ categoryName: labels[index] ?? '', score, index })),
          windowEndTimestamp: window.endTimestamp,
          windowEndIndex: window.endIndex,
          startedAt,
          finishedAt: scheduler.now(),
        });
        subscriber.complete();
      }, latency);
    });
  };
  return Object.assign(classify, { calls });
}
