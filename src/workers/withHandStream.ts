import { Subscription, tap } from 'rxjs';
import { packPoseFrame } from '../filters/packPoseFrame.js';
import { createForwardingMonitor, pageClock } from '../monitor/createForwardingMonitor.js';
import { estimateHands } from '../operators/estimateHands.js';
import { monitorStage } from '../operators/monitorStage.js';
import { fromVideoFrameStream } from '../streams/fromVideoFrameStream.js';
import type { PoseFrame, SourceFrame } from '../types.js';
import { createVideoFrameConverter } from './createVideoFrameConverter.js';
import type { HandLandmarkerWorkerApi } from './handLandmarkerWorker.js';
import { writeSharedPose } from './sharedPoseSlot.js';
import { ringDoorbell, sharedResultsViews } from './sharedResults.js';
import type { HandStreamMessage, HandStreamRequest, HandStreamSummary, PoseChannelMessage } from './streamProtocol.js';

/** The next animation frame: a dedicated worker's `requestAnimationFrame` (Chromium), else ~16 ms. */
function nextAnimationFrame(fn: () => void): void {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  if (typeof raf === 'function') raf(fn);
  else setTimeout(fn, 16);
}

/** The hand-landmarker worker's API with the off-main-thread stream: `streamHands` and `stopHands`. */
export interface HandStreamApi extends HandLandmarkerWorkerApi {
  /**
   * Estimates hands in every frame of `request.frames` it can keep up with (latest frame only, as
   * `estimateHands`), sends each pose frame to the gesture worker (`request.poses`) and the latest one to the page,
   * at most one per animation frame: into `request.shared` (ringing its doorbell) when given, else on
   * `request.page` when the page asks for it (one per request; the page asks again once it has taken one);
   * its monitor events go to the gesture worker in batches. Resolves when the frame stream ends or `stopHands()` is called; rejects
   * with the first error (a typed error of the landmarker or the source). A new call stops the running one.
   */
  streamHands(request: HandStreamRequest): Promise<HandStreamSummary>;
  /** Stops the running stream (its `streamHands` call resolves); no-op when none runs. */
  stopHands(): void;
  /** Answers at once: the page's probe of a stream gone quiet (a worker that cannot answer is hung). */
  alive(): true;
}

/**
 * Adds the off-main-thread stream to a hand-landmarker worker API: `fromVideoFrameStream(frames)` →
 * `estimateHands(landmarker.detect)` inside the worker, so that frames go from the camera to the landmarker and
 * landmarks on to the gesture worker without the page's main thread. The packaged hand-landmarker entry exposes
 * `withHandStream(createHandLandmarkerWorkerApi())`.
 *
 * Internal: the packaged worker entry runs it (no public entry exports it).
 *
 * @example
 * ```ts
 * // a worker entry in src/workers/entries/
 * import { exposeWorker } from 'posestream/workers';
 * import { createHandLandmarkerWorkerApi } from '../handLandmarkerWorker.js';
 * import { withHandStream } from '../withHandStream.js';
 * exposeWorker(withHandStream(createHandLandmarkerWorkerApi()));
 * ```
 * @internal
 */
export function withHandStream(landmarker: HandLandmarkerWorkerApi): HandStreamApi {
  let running: { subscription: Subscription; finish(): void } | undefined;
  return {
    ...landmarker,
    streamHands(request) {
      running?.finish();
      const { frames, poses, page } = request;
      const now = pageClock(request.pageTimeOrigin);
      // Stats are the gesture worker's: events go there, with the pose frames, never to the page.
      const monitor = createForwardingMonitor((events) => poses.postMessage({ type: 'events', events } satisfies PoseChannelMessage), { now });
      const summary: HandStreamSummary = { frames: 0, poses: 0, dropped: 0 };
      const shared = request.shared === undefined ? undefined : sharedResultsViews(request.shared);
      let latest: Float64Array | undefined; // the latest pose frame, packed (a copy of what went to the gesture worker)
      let wanted = shared !== undefined; // with shared results the page never asks: the slot always holds the latest
      let paced = false;
      // The page gets the latest pose frame at most once per animation frame (and, by messages, once it has taken
      // the previous one): paced here, on the worker's own animation frames, so that the page never calls rAF for it.
      const sendLatest = (): void => {
        if (!wanted || latest === undefined || paced) return;
        paced = true;
        nextAnimationFrame(() => {
          paced = false;
          if (!wanted || latest === undefined) return;
          if (shared !== undefined && writeSharedPose(shared, latest)) ringDoorbell(shared);
          else {
            const data = latest; // (more hands than the shared slot holds go by message too)
            page.postMessage({ type: 'pose', data } satisfies HandStreamMessage, [data.buffer]);
            wanted = shared !== undefined;
          }
          latest = undefined;
        });
      };
      page.onmessage = (event: MessageEvent<{ type: 'next' }>) => {
        if (event.data?.type !== 'next') return;
        wanted = true;
        sendLatest();
      };
      return new Promise<HandStreamSummary>((resolve, reject) => {
        const subscription = new Subscription();
        const self = { subscription, finish: () => end() };
        const end = (error?: unknown): void => {
          if (running !== self) return;
          running = undefined;
          subscription.unsubscribe(); // cancels the frame stream; a frame still pending in estimateHands is closed
          monitor.close();
          poses.postMessage({ type: 'end' } satisfies PoseChannelMessage);
          page.onmessage = null;
          if (error === undefined) resolve(summary);
          else reject(error);
        };
        running = self;
        const toImageData = createVideoFrameConverter();
        // The frame's pixels are copied out and converted here: handing Chromium a camera VideoFrame to convert
        // (what the landmarker would do) waits for the page's main thread.
        const detect = async (frame: SourceFrame<VideoFrame>): Promise<PoseFrame> => {
          let image: ImageData;
          try {
            image = await toImageData(frame.image, frame.index);
          } finally {
            frame.image.close();
          }
          const request = { image, index: frame.index, timestamp: frame.timestamp, capturedAt: frame.capturedAt ?? now() };
          return (await landmarker.detect(request)).frame;
        };
        const estimator = estimateHands(detect, { monitor, onDrop: () => (summary.dropped += 1) });
        subscription.add(
          fromVideoFrameStream(frames, { now, clock: request.clock ?? 'capture' })
            .pipe(
              tap(() => (summary.frames += 1)),
              monitorStage(monitor, 'source'),
              estimator,
            )
            .subscribe({
              next: (frame) => {
                summary.poses += 1;
                const data = packPoseFrame(frame);
                latest = data.slice(); // packed once: the page's copy, kept before the buffer is transferred
                // This frame's monitor events ride with it (the timer alone can fall behind a busy loop).
                poses.postMessage({ type: 'pose', data, events: monitor.take() } satisfies PoseChannelMessage, [data.buffer]);
                sendLatest();
              },
              error: (error: unknown) => end(error),
              complete: () => end(),
            }),
        );
      });
    },
    stopHands() {
      running?.finish();
    },
    alive: () => true,
  };
}
