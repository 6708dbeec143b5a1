import { Observable, asyncScheduler } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import type { Hand, PoseFrame, SourceFrame } from '../types.js';
import { syntheticHand } from './syntheticHand.js';

/** What a fake estimator answers for one call: the hands it "found", or an Error to fail with. */
export type FakeEstimatorStep = Hand[] | Error;

/** Options of {@link createFakeEstimator}. */
export interface FakeEstimatorOptions {
  /** Time from subscription to the result, ms: a number, or per call (0-based call number). @default 0 */
  latencyMs?: number | ((call: number, frame: SourceFrame) => number);
  /**
   * Scripted answers: an array (call n gets entry n; past its end the last entry repeats), or a function of the
   * frame and call number. @default one `syntheticHand()` per frame
   */
  script?: readonly FakeEstimatorStep[] | ((frame: SourceFrame, call: number) => FakeEstimatorStep);
  /** Scheduler the latency runs on. @default asyncScheduler (virtual time inside `TestScheduler.run`) */
  scheduler?: SchedulerLike;
}

/** A fake estimator function; `calls` lists every frame it was called with, in order. */
export type FakeEstimator = ((frame: SourceFrame) => Observable<PoseFrame>) & {
  /** Every frame the fake was called with, in call order (also those whose answer was cancelled). */
  readonly calls: SourceFrame[];
};

/**
 * Creates a fake hand-pose estimator for tests: `(frame: SourceFrame) => Observable<PoseFrame>` that answers after
 * `latencyMs` on `scheduler` with scripted hands, then completes. The PoseFrame carries the source frame's `index`,
 * `timestamp`, `capturedAt`, `width` and `height`. A scripted `Error` makes that call's Observable error instead.
 * Each call is cold (the latency starts at subscription); unsubscribing cancels the pending answer.
 *
 * @example
 * ```ts
 * import { createFakeEstimator, syntheticHand } from 'posestream/testing';
 * const estimate = createFakeEstimator({ latencyMs: 30, script: [[syntheticHand()], [], new Error('lost')] });
 * estimate({ index: 0, timestamp: 0, image: null, width: 640, height: 480 }).subscribe(console.log);
 * console.log(estimate.calls.length); // 1
 * ```
 */
export function createFakeEstimator(options: FakeEstimatorOptions = {}): FakeEstimator {
  const scheduler = options.scheduler ?? asyncScheduler;
  const calls: SourceFrame[] = [];
  const step = (frame: SourceFrame, call: number): FakeEstimatorStep => {
    const script = options.script;
    if (script === undefined) return [syntheticHand()];
    if (typeof script === 'function') return script(frame, call);
    const entry = script[Math.min(call, script.length - 1)];
    return entry ?? [];
  };
  const estimate = (frame: SourceFrame): Observable<PoseFrame> => {
    const call = calls.length;
    calls.push(frame);
    const latency = typeof options.latencyMs === 'function' ? options.latencyMs(call, frame) : (options.latencyMs ?? 0);
    return new Observable<PoseFrame>((subscriber) =>
      scheduler.schedule(() => {
        const result = step(frame, call);
        if (result instanceof Error) {
          subscriber.error(result);
          return;
        }
        const pose: PoseFrame = { index: frame.index, timestamp: frame.timestamp, hands: result, width: frame.width, height: frame.height };
        if (frame.capturedAt !== undefined) pose.capturedAt = frame.capturedAt;
        subscriber.next(pose);
        subscriber.complete();
      }, latency),
    );
  };
  return Object.assign(estimate, { calls });
}
