import { Observable } from 'rxjs';
import { unpackPoseFrame } from '../filters/packPoseFrame.js';
import type { GestureEvent, PipelineMonitor, PipelineStats, PoseFrame, Prediction } from '../types.js';
import type { GestureStreamMessage, GestureStreamRequest, HandStreamMessage } from '../workers/streamProtocol.js';
import type { MainThreadTimer } from './createMainThreadTimer.js';
import type { PipelineWorkers } from './createPipelineWorkers.js';

/** What the page receives from the workers. @internal */
export type WorkerPathOutput =
  | { type: 'pose'; frame: PoseFrame }
  | { type: 'prediction'; prediction: Prediction }
  | { type: 'gesture'; event: GestureEvent }
  | { type: 'stats'; stats: PipelineStats };

/** Chromium's `MediaStreamTrackProcessor` (not in TypeScript's DOM types). */
type TrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => {
  readable: ReadableStream<VideoFrame>;
};

/**
 * The off-main-thread pipeline over one video track: a `MediaStreamTrackProcessor` on a clone of `track` (newest
 * frame only) → its `readable`, transferred to the hand-landmarker worker (`streamHands`) → pose frames over a
 * `MessageChannel` → the classifier worker (`streamGestures`: window, classifier, gestures) → results to the page.
 * The page asks the estimator for the latest pose frame each time it has taken one, and the estimator sends it
 * on its next animation frame: at most one per frame however fast the estimator runs, none piling up while the
 * page is busy, and no requestAnimationFrame on the page. The gesture worker keeps the monitor of
 * the stages that run in workers and sends `stats` snapshots; `monitor` here gets the page's stage ('display').
 * posestream's own handling here is timed with `timer`.
 * Completes when the track ends; errors with the first worker error (a recovered `WorkerError` after a worker
 * crash: subscribe again to start over). Unsubscribing stops both streams and the clone.
 * @internal
 */
export function runOnWorkers(
  track: MediaStreamTrack,
  workers: PipelineWorkers,
  settings: Pick<GestureStreamRequest, 'window' | 'gestures' | 'policy' | 'stats'>,
  monitor: PipelineMonitor,
  timer: MainThreadTimer,
): Observable<WorkerPathOutput> {
  return new Observable<WorkerPathOutput>((subscriber) => {
    const Processor = (globalThis as unknown as { MediaStreamTrackProcessor: TrackProcessorConstructor }).MediaStreamTrackProcessor;
    const own = track.clone(); // ours to stop; the caller's track (and what it shows) is left alone
    const poses = new MessageChannel();
    const fromEstimator = new MessageChannel();
    const fromGestures = new MessageChannel();
    let closed = false;

    const ask = (): void => fromEstimator.port1.postMessage({ type: 'next' });
    fromEstimator.port1.onmessage = (event: MessageEvent<HandStreamMessage>) =>
      timer.time(() => {
        const frame = unpackPoseFrame(event.data.data);
        monitor.record(frame.capturedAt === undefined ? { stage: 'display', kind: 'emit' } : { stage: 'display', kind: 'emit', captureT: frame.capturedAt });
        subscriber.next({ type: 'pose', frame }); // the subscriber leaves out its own handling (timer.exclude)
        timer.endFrame();
        if (!closed) ask(); // the estimator paces them: at most one per animation frame, none piling up here
      });
    fromGestures.port1.onmessage = (event: MessageEvent<GestureStreamMessage>) =>
      timer.time(() => {
        const message = event.data;
        if (message.type === 'stats') subscriber.next({ type: 'stats', stats: message.stats });
        else if (message.type === 'end') subscriber.complete();
        else if (message.type === 'prediction') subscriber.next({ type: 'prediction', prediction: message.prediction });
        else subscriber.next({ type: 'gesture', event: message.event });
      });

    const pageTimeOrigin = performance.timeOrigin;
    const gesturesDone = workers.streamGestures({ ...settings, poses: poses.port2, page: fromGestures.port2, pageTimeOrigin });
    const handsDone = workers.streamHands({
      frames: new Processor({ track: own, maxBufferSize: 1 }).readable,
      poses: poses.port1,
      page: fromEstimator.port2,
      pageTimeOrigin,
    });
    ask();
    const fail = (error: unknown): void => {
      if (!closed) subscriber.error(error);
    };
    // The end comes as the gesture worker's last message ('end'), after every result it posted.
    handsDone.catch(fail);
    gesturesDone.catch(fail);

    return () => {
      closed = true;
      workers.stopHands().catch(() => undefined);
      workers.stopGestures().catch(() => undefined);
      for (const port of [fromEstimator.port1, fromGestures.port1]) {
        port.onmessage = null;
        port.close();
      }
      own.stop();
    };
  });
}
