import { map, merge, Observable, share, type MonoTypeOperatorFunction } from 'rxjs';
import { classifyLatest } from '../operators/classifyLatest.js';
import { estimateHands } from '../operators/estimateHands.js';
import { monitorStage } from '../operators/monitorStage.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { stableGestures } from '../operators/stableGestures.js';
import { subscribeLinked } from '../operators/subscribeLinked.js';
import type { PipelineMonitor, PoseWindow, SourceFrame } from '../types.js';
import type { GestureStreamRequest } from '../workers/streamProtocol.js';
import type { MainThreadTimer } from './createMainThreadTimer.js';
import type { PipelineWorkers } from './createPipelineWorkers.js';
import { fromHandGestureSource } from './fromHandGestureSource.js';
import type { HandGesturePipelineOptions, HandGestureSource } from './pipelineTypes.js';
import type { WorkerPathOutput } from './runOnWorkers.js';

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
 * @internal
 */
export function runOnMainThread(
  source: HandGestureSource,
  workers: PipelineWorkers,
  settings: Pick<GestureStreamRequest, 'window' | 'gestures' | 'policy'>,
  classifyWith: HandGesturePipelineOptions['classifyWith'],
  monitor: PipelineMonitor,
  timer: MainThreadTimer,
): Observable<WorkerPathOutput> {
  const { frames, durationMs, minDurationMs, onMissingHand, maxGapMs } = settings.window;
  const poses$ = fromHandGestureSource(source).pipe(
    timedOnMainThread(timer),
    monitorStage(monitor, 'source'),
    estimateHands((frame: SourceFrame<ImageBitmap>) => workers.estimate(frame), { monitor }),
    timedOnMainThread(timer),
    share(),
  );
  const predictions$ = poses$.pipe(
    slidingWindow(frames, { monitor, resample: { frames, durationMs, ...(minDurationMs !== undefined ? { minDurationMs } : {}) }, onMissingHand, maxGapMs }),
    classifyLatest(
      (window: PoseWindow) => (classifyWith ? classifyWith(window, workers.classifyWindow) : workers.classifyWindow(window)),
      { monitor, policy: settings.policy },
    ),
    timedOnMainThread(timer),
    share(),
  );
  return merge(
    poses$.pipe(
      monitorStage(monitor, 'display'),
      map((frame) => ({ type: 'pose', frame }) as const),
    ),
    predictions$.pipe(map((prediction) => ({ type: 'prediction', prediction }) as const)),
    predictions$.pipe(
      stableGestures(settings.gestures),
      map((event) => ({ type: 'gesture', event }) as const),
    ),
  );
}
