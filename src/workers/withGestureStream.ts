import { filter, map, type Observable, share, Subject, Subscription, takeWhile, tap } from 'rxjs';
import { toClassifyFn } from '../classifiers/windowClassifierFn.js';
import { unpackPoseFrame } from '../filters/packPoseFrame.js';
import { pageClock } from '../monitor/createForwardingMonitor.js';
import { createPipelineMonitor } from '../monitor/createPipelineMonitor.js';
import { snapshotStats } from '../monitor/snapshotStats.js';
import { classifyLatest } from '../operators/classifyLatest.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { stableGestures } from '../operators/stableGestures.js';
import type { GestureEndReason, PipelineMonitor, PoseFrame, Prediction } from '../types.js';
import { fromPortInBursts } from '../streams/fromPortInBursts.js';
import { newestOfBurst } from '../operators/newestOfBurst.js';
import type { ClassifierInfo, ClassifierWorkerApi } from './classifierProtocol.js';
import { createSharedPredictionWriter } from './sharedPredictionRing.js';
import { ringDoorbell, sharedResultsViews } from './sharedResults.js';
import type { GestureStreamMessage, GestureStreamRequest, GestureStreamSummary, PoseChannelMessage } from './streamProtocol.js';

/** A classifier worker API with the off-main-thread gesture stream: `streamGestures` and `stopGestures`. */
export interface GestureStreamApi<I> extends ClassifierWorkerApi<I> {
  /**
   * Runs `slidingWindow` → `classifyLatest` (this worker's own classifier, no extra hop) → `stableGestures` on the
   * pose frames arriving on `request.poses`, and posts every prediction (or writes it into `request.shared`'s ring
   * and rings its doorbell) and gesture event to `request.page`, and
   * a `pipelineStats` snapshot every `request.stats.intervalMs` (this worker's monitor holds the estimator's events
   * too). Resolves when the pose channel ends (`{ type: 'end' }`, after the last
   * classification) or `stopGestures()` is called; rejects with the first error. Needs `init` first. A new call
   * stops the running one. Every gesture `start` it posts is followed by its `end`: the tracker's, or one cut short
   * with `reason: 'disposed'` (`stopGestures()`), `'restart'` (a new call) or `'error'` (just before the stream fails).
   */
  streamGestures(request: GestureStreamRequest): Promise<GestureStreamSummary>;
  /** Stops the running stream (its `streamGestures` call resolves); no-op when none runs. */
  stopGestures(): void;
  /** Answers at once: the page's probe of a stream gone quiet (a worker that cannot answer is hung). */
  alive(): true;
}

/** The pose frames arriving on a port, until `{ type: 'end' }`; the estimator's monitor events go to `monitor`. */
function fromPoseChannel(port: MessagePort, monitor: PipelineMonitor): Observable<PoseFrame> {
  return fromPortInBursts<PoseChannelMessage>(port).pipe(
    takeWhile((message) => message.type !== 'end'),
    filter((message): message is Extract<PoseChannelMessage, { type: 'pose' }> => {
      for (const e of message.events ?? []) monitor.record(e);
      return message.type === 'pose';
    }),
    map((message) => unpackPoseFrame(message.data)),
  );
}

/**
 * Adds the off-main-thread gesture stream to a classifier worker API (the window, the classifier and the gesture
 * tracker all run in the worker: the page only receives results). The packaged classifier entry exposes
 * `withGestureStream(createGestureClassifierService())`.
 *
 * @example
 * ```ts
 * // src/workers/entries/classifierWorker.ts
 * import { exposeWorker } from 'posestream/workers';
 * import { createGestureClassifierService } from '../gestureClassifierService.js';
 * import { withGestureStream } from '../withGestureStream.js';
 * exposeWorker(withGestureStream(createGestureClassifierService()));
 * ```
 * @internal
 */
export function withGestureStream<I>(service: ClassifierWorkerApi<I>): GestureStreamApi<I> {
  let info: ClassifierInfo | undefined;
  let running: { finish(reason: GestureEndReason): void } | undefined;
  return {
    async init(options) {
      info = await service.init(options);
      return info;
    },
    classify: (window, shape, context) => service.classify(window, shape, context),
    streamGestures(request) {
      running?.finish('restart');
      const loaded = info;
      if (loaded === undefined) return Promise.reject(new Error('classifier worker: streamGestures() before init()'));
      const { page, shared } = request;
      const post = (message: GestureStreamMessage): void => page.postMessage(message);
      // With shared results predictions go into the ring; any it kept back (full) ride with the next message.
      const ring = shared === undefined ? undefined : { writer: createSharedPredictionWriter(shared), views: sharedResultsViews(shared) };
      const keptBack = (): { predictions?: Prediction[] } => {
        const predictions = ring?.writer.takeKeptBack() ?? [];
        return predictions.length > 0 ? { predictions } : {};
      };
      const now = pageClock(request.pageTimeOrigin);
      const monitor = createPipelineMonitor({ now });
      const counts = { predictions: 0, gestures: 0 };
      const classify = toClassifyFn({ labels: loaded.labels, reportsMatch: loaded.reportsMatch === true, classify: (w, shape, context) => service.classify(w, shape, context) }, { name: loaded.source, now });
      return new Promise((resolve, reject) => {
        const subscription = new Subscription();
        const cut = new Subject<GestureEndReason>(); // ends the gesture in progress when the stream is stopped
        const self = {
          finish: (reason: GestureEndReason) => {
            cut.next(reason);
            end();
          },
        };
        const end = (error?: unknown): void => {
          if (running !== self) return;
          running = undefined;
          subscription.unsubscribe();
          if (error === undefined) post({ type: 'end', ...keptBack() });
          if (error === undefined) resolve(counts);
          else reject(error);
        };
        running = self;
        // A snapshot after a message once intervalMs has passed, and on the timer when idle: this worker's
        // timers can fall far behind while it classifies back to back.
        let snapshotAt = -Infinity;
        const snapshot = (): void => {
          if (now() - snapshotAt < request.stats.intervalMs) return;
          snapshotAt = now();
          post({ type: 'stats', stats: snapshotStats(monitor, request.stats.windowMs) });
        };
        const timer = setInterval(snapshot, request.stats.intervalMs);
        subscription.add(() => clearInterval(timer));
        const { frames, durationMs, minDurationMs, onMissingHand, maxGapMs } = request.window;
        const predictions$ = fromPoseChannel(request.poses, monitor).pipe(
          tap({ next: snapshot }),
          slidingWindow(frames, { monitor, resample: { frames, durationMs, ...(minDurationMs !== undefined ? { minDurationMs } : {}) }, onMissingHand, maxGapMs }),
          newestOfBurst(monitor),
          classifyLatest(classify, { monitor, policy: request.policy }),
          share(),
        );
        subscription.add(
          predictions$.subscribe({
            next: (prediction) => {
              counts.predictions += 1;
              if (ring === undefined) post({ type: 'prediction', prediction });
              else if (ring.writer.write(prediction)) ringDoorbell(ring.views);
              snapshot();
            },
            error: (error: unknown) => end(error),
          }),
        );
        subscription.add(
          predictions$.pipe(stableGestures({ ...request.gestures, cancel: cut })).subscribe({
            next: (event) => {
              counts.gestures += 1;
              post({ type: 'gesture', event, ...keptBack() });
            },
            error: (error: unknown) => end(error),
            complete: () => end(),
          }),
        );
      });
    },
    stopGestures() {
      running?.finish('disposed');
    },
    alive: () => true,
  };
}
