import { defer, endWith, ignoreElements, map, merge, Observable, of, retry, share, startWith, switchMap, takeUntil, tap, throwError, type MonoTypeOperatorFunction } from 'rxjs';
import { classifyLatest } from '../operators/classifyLatest.js';
import { estimateHands } from '../operators/estimateHands.js';
import { isRecoveredError } from '../operators/isRecoveredError.js';
import { monitorStage } from '../operators/monitorStage.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { stableGestures } from '../operators/stableGestures.js';
import { subscribeLinked } from '../operators/subscribeLinked.js';
import type { GestureEndReason, PipelineMonitor, PoseWindow, SourceFrame } from '../types.js';
import type { GestureStreamRequest } from '../workers/streamProtocol.js';
import type { MainThreadTimer } from './createMainThreadTimer.js';
import type { PipelineWorkers } from './createPipelineWorkers.js';
import { fromHandGestureSource } from './fromHandGestureSource.js';
import type { HandGesturePipelineOptions, HandGestureSource } from './pipelineTypes.js';
import { probeWhenQuiet } from './probeWhenQuiet.js';
import { QUIET_MS, WARM_UP_MS, type WorkerPathOutput } from './runOnWorkers.js';

/** Times, on the page's main thread, everything each value sets off synchronously downstream. */
function timedOnMainThread<T>(timer: MainThreadTimer): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      subscribeLinked(source, subscriber, {
        next: (value) => timer.time(() => subscriber.next(value)),
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}

/**
 * The pipeline on the page's main thread (every browser): the source's frames are grabbed here (`ImageBitmap`s
 * transferred to the hand-landmarker worker, latest frame only), and the window, the classifier calls and
 * `stableGestures` run here too, on the same public operators the workers path runs in its worker. posestream's
 * own work per frame is timed with `timer` (from each source frame and each pose frame into everything it sets
 * off synchronously; the subscriber's handling is left out by the caller).
 * A worker that has answered nothing for 1 s is asked whether it is alive (as on the workers path; before its first
 * answer, and after a restart, only after 10 s: it may be warming up): one that cannot answer in time is hung (or
 * exited silently) and restarted; the calls in flight are lost (counted by the operators) and the stream goes on.
 * Each value of `cancel` (a worker restart) cuts the gesture in progress short. Each value of `modelChanged` (the
 * caller changed `settings` and the workers' classifier: `useGestureModel`) starts the window, classifier calls and
 * tracker over with the settings as they are then, on the same pose stream (the source and the estimator go on).
 * @internal
 */
export function runOnMainThread(
  source: HandGestureSource,
  workers: PipelineWorkers,
  settings: Pick<GestureStreamRequest, 'window' | 'gestures' | 'policy'>,
  classifyWith: HandGesturePipelineOptions['classifyWith'],
  monitor: PipelineMonitor,
  timer: MainThreadTimer,
  cancel: Observable<GestureEndReason>,
  modelChanged: Observable<unknown>,
): Observable<WorkerPathOutput> {
  // When each worker last answered (the watchdogs' clock): a time stamp per answer, nothing rescheduled per frame.
  // Until a worker's first answer, and again after a restart, it may be warming up: asked after WARM_UP_MS then.
  const warmingUp = (): number => Date.now() + WARM_UP_MS - QUIET_MS;
  const lastSign = { hands: warmingUp(), gestures: warmingUp() };
  const answered = <T>(worker: 'hands' | 'gestures', call: Promise<T>): Promise<T> =>
    call.then((value) => {
      lastSign[worker] = Date.now();
      return value;
    });
  const classify = (window: PoseWindow) => answered('gestures', workers.classifyWindow(window));
  const poses$ = fromHandGestureSource(source).pipe(
    timedOnMainThread(timer),
    monitorStage(monitor, 'source'),
    estimateHands((frame: SourceFrame<ImageBitmap>) => answered('hands', workers.estimate(frame)), { monitor }),
    timedOnMainThread(timer),
    share(),
  );
  // The gesture stage, with the settings as they are when it starts (again after each model change).
  const gestureStage = (): Observable<WorkerPathOutput> => {
    const { frames, durationMs, minDurationMs, onMissingHand, maxGapMs } = settings.window;
    const predictions$ = poses$.pipe(
      slidingWindow(frames, { monitor, resample: { frames, durationMs, ...(minDurationMs !== undefined ? { minDurationMs } : {}) }, onMissingHand, maxGapMs }),
      classifyLatest(
        (window: PoseWindow) => (classifyWith ? classifyWith(window, classify) : classify(window)),
        { monitor, policy: settings.policy },
      ),
      timedOnMainThread(timer),
      share(),
    );
    return merge(
      predictions$.pipe(map((prediction) => ({ type: 'prediction', prediction }) as const)),
      predictions$.pipe(
        stableGestures({ ...settings.gestures, cancel }),
        map((event) => ({ type: 'gesture', event }) as const),
      ),
    );
  };
  return merge(
    poses$.pipe(
      monitorStage(monitor, 'display'),
      map((frame) => ({ type: 'pose', frame }) as const),
    ),
    // (the last stage completes with the poses, after its tracker's last end)
    modelChanged.pipe(
      takeUntil(poses$.pipe(ignoreElements(), endWith(true))),
      startWith(undefined),
      switchMap(() => defer(gestureStage)),
    ),
    // The watchdogs, until the source ends: a probe lost to the restart it caused is skipped (the calls in flight
    // were lost, the operators carry on); any other probe error (the model could not load again) is the pipeline's.
    merge(
      probeWhenQuiet(() => lastSign.hands, () => workers.handsAlive(), { quietMs: QUIET_MS }),
      probeWhenQuiet(() => lastSign.gestures, () => workers.gesturesAlive(), { quietMs: QUIET_MS }),
      cancel.pipe(
        tap(() => (lastSign.hands = lastSign.gestures = warmingUp())),
        ignoreElements(),
      ),
    ).pipe(
      retry({ delay: (e: unknown) => (isRecoveredError(e) ? of(0) : throwError(() => e)) }),
      takeUntil(poses$.pipe(ignoreElements(), endWith(true))),
    ),
  );
}
