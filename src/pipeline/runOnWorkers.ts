import { Observable, Subscription } from 'rxjs';
import { unpackPoseFrame } from '../filters/packPoseFrame.js';
import { isRecoveredError } from '../operators/isRecoveredError.js';
import { fromDoorbell } from '../streams/fromDoorbell.js';
import { readSharedPose } from '../workers/sharedPoseSlot.js';
import { readSharedPredictions } from '../workers/sharedPredictionRing.js';
import { canShareResults, createSharedResults, DOORBELL, sharedResultsViews, type SharedResults } from '../workers/sharedResults.js';
import type { GestureEvent, PipelineMonitor, PipelineStats, PoseFrame, Prediction } from '../types.js';
import type { GestureStreamMessage, GestureStreamRequest, HandStreamMessage } from '../workers/streamProtocol.js';
import type { MainThreadTimer } from './createMainThreadTimer.js';
import type { PipelineWorkers } from './createPipelineWorkers.js';
import { countUnreadFrames, trackFrameStats } from './countUnreadFrames.js';
import { failWhenStarved } from './failWhenStarved.js';
import { probeWhenQuiet } from './probeWhenQuiet.js';
import { StarvedStreamError } from './StarvedStreamError.js';

/** What the page receives from the pipeline (either path). @internal */
export type WorkerPathOutput =
  | { type: 'pose'; frame: PoseFrame }
  | { type: 'prediction'; prediction: Prediction }
  | { type: 'gesture'; event: GestureEvent }
  | { type: 'stats'; stats: PipelineStats }
  /** Something the pipeline cannot do here or fell back from (said once, in `stats$.warnings` and the console). */
  | { type: 'warning'; message: string };

/** What the workers path needs of the pipeline's settings. @internal */
export type WorkerPathSettings = Pick<GestureStreamRequest, 'window' | 'gestures' | 'policy' | 'stats'> & {
  /** Hands per frame (the landmarker's `numHands`): the shared pose slot's room. */
  maxHands: number;
};

/**
 * A worker whose stream has sent nothing for this long is asked whether it is alive, ms; one that cannot answer
 * within `PROBE_TIMEOUT_MS` (createPipelineWorkers) is hung: a hung or silently exited worker is found within ~3 s.
 */
export const QUIET_MS = 1000;
/**
 * Until a worker has sent its first result since its stream (re)started, it may be warming up (a first
 * classification or estimation can take seconds on a slow device): it is first asked after this long instead, ms.
 */
export const WARM_UP_MS = 10_000;
/**
 * No pose frame for this long while the camera delivers frames (at least `STARVED_FRAMES`) and the estimator still
 * answers: its stream is starved and restarted, ms. Longer than finding a hung worker takes (1 s quiet + the 2 s
 * probe), so a hung worker is restarted as hung.
 */
const STARVED_MS = 15_000;
const STARVED_FRAMES = 30;

/** Chromium's `MediaStreamTrackProcessor` (not in TypeScript's DOM types). */
type TrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => {
  readable: ReadableStream<VideoFrame>;
};

/**
 * The off-main-thread pipeline over one video track: a `MediaStreamTrackProcessor` on a clone of `track` (newest
 * frame only) → its `readable`, transferred to the hand-landmarker worker (`streamHands`) → pose frames over a
 * `MessageChannel` → the classifier worker (`streamGestures`: window, classifier, gestures) → results to the page.
 * The estimator hands the page the latest pose frame on its own animation frames: at most one per frame however
 * fast it runs, none piling up while the page is busy, and no requestAnimationFrame on the page. On a cross-origin
 * isolated page (once the models are loaded: the ring is sized by their labels) the pose frame and every prediction
 * go through shared memory (`createSharedResults`) and the page reads what is new when the doorbell rings: no
 * message per frame and no reply. Elsewhere the page asks for each pose frame once it has taken the previous one,
 * and every prediction is a message. Gesture events and stats are always messages. The gesture worker keeps the monitor of
 * the stages that run in workers and sends `stats` snapshots; `monitor` here gets the page's stage ('display').
 * posestream's own handling here is timed with `timer`.
 * Camera frames the processor dropped while the estimator was busy are counted as 'source' drops
 * (`countUnreadFrames`, every stats interval).
 * Once the models are loaded, a worker that has sent nothing for 1 s is asked whether it is alive (`alive()`, once
 * it has loaded its model; before its first sign of this run only after 10 s, its warm-up); one that cannot answer
 * in time (a hang, or a worker that exited without an error) is restarted like a crashed one; a stream that brings no pose frame for 15 s while the camera delivers frames (the
 * estimator answering) errors with a `StarvedStreamError`, recovered: the pipeline starts it over.
 * What a worker fault cost is recorded on `monitor` as `lost` events (their message says what): after a classifier
 * worker fault, one lost window per pose frame with a hand that reached the page after that worker's last result
 * (their windows never got one); after an estimator fault, the frame it was estimating.
 * Results go to `deliverTo` as they arrive, straight from the handler that read them: the returned Observable only
 * carries the run's life (so per-frame results do not pass through the operators that restart it). It emits
 * nothing, completes when the track ends (after every result), and errors with the first worker error (a recovered
 * `WorkerError` after a worker crash or hang: subscribe again to start over). Unsubscribing stops both streams and
 * the clone; nothing is delivered after it.
 * @internal
 */
export function runOnWorkers(
  track: MediaStreamTrack,
  workers: PipelineWorkers,
  settings: WorkerPathSettings,
  monitor: PipelineMonitor,
  timer: MainThreadTimer,
  deliverTo: (output: WorkerPathOutput) => void,
): Observable<never> {
  return new Observable<never>((subscriber) => {
    const Processor = (globalThis as unknown as { MediaStreamTrackProcessor: TrackProcessorConstructor }).MediaStreamTrackProcessor;
    const own = track.clone(); // ours to stop; the caller's track (and what it shows) is left alone
    const poses = new MessageChannel();
    const fromEstimator = new MessageChannel();
    const fromGestures = new MessageChannel();
    const resources = new Subscription(); // the doorbell and the watchdogs
    // When each worker last sent something (a sign of life for the watchdogs: a time stamp, nothing per frame else).
    // (in the future until the first sign: the warm-up grace)
    const lastSign = { hands: Date.now() + WARM_UP_MS, gestures: Date.now() + WARM_UP_MS }; // the watchdogs' (asyncScheduler's) clock
    let closed = false;
    let readBy = 0; // frames the estimator had read by the latest pose frame here (its index + 1)
    let handsSinceGestures = 0; // pose frames with a hand since the classifier worker's last message or result
    let streaming = false; // the estimator is initialised and has been handed the camera's frames
    let readShared = (): void => undefined; // reads the shared results' new predictions and pose frame, if shared
    const messages = !canShareResults(); // else results come through shared memory: no message per frame, no reply
    // Nothing after the end: a subscriber of the pipeline may stop it in the middle of a batch of results.
    const deliver = (output: WorkerPathOutput): void => {
      if (!closed) deliverTo(output);
    };

    const gesturesSign = (): void => {
      lastSign.gestures = Date.now();
      handsSinceGestures = 0;
    };
    const pose = (frame: PoseFrame): void => {
      lastSign.hands = Date.now();
      readBy = frame.index + 1;
      if (frame.hands.length > 0) handsSinceGestures += 1;
      monitor.record(frame.capturedAt === undefined ? { stage: 'display', kind: 'emit' } : { stage: 'display', kind: 'emit', captureT: frame.capturedAt });
      deliver({ type: 'pose', frame }); // `deliver` leaves out what is not posestream's (timer.exclude)
      timer.endFrame();
    };
    const predictions = (list: readonly Prediction[] | undefined): void => {
      if (list !== undefined && list.length > 0) gesturesSign();
      for (const prediction of list ?? []) deliver({ type: 'prediction', prediction });
    };
    const ask = (): void => fromEstimator.port1.postMessage({ type: 'next' });
    fromEstimator.port1.onmessage = (event: MessageEvent<HandStreamMessage>) =>
      timer.time(() => {
        pose(unpackPoseFrame(event.data.data));
        if (messages && !closed) ask(); // the estimator paces them: at most one per animation frame, none piling up here
      });
    fromGestures.port1.onmessage = (event: MessageEvent<GestureStreamMessage>) =>
      timer.time(() => {
        const message = event.data;
        gesturesSign();
        if (message.type === 'stats') return deliver({ type: 'stats', stats: message.stats });
        if (message.type === 'prediction') return deliver({ type: 'prediction', prediction: message.prediction });
        readShared(); // what the ring holds came before this message
        predictions(message.predictions);
        if (message.type === 'end') subscriber.complete();
        else deliver({ type: 'gesture', event: message.event });
      });

    // What a recovered worker fault cost: the classifier worker's own monitor died with it (or starts over with the
    // new streams), so the page counts what it can see.
    const recordLoss = (from: 'hands' | 'gestures', error: Error): void => {
      if (from === 'hands') {
        if (!streaming || error instanceof StarvedStreamError) return;
        monitor.record({ stage: 'estimator', kind: 'lost', message: `lost the frame the hand-landmarker worker was estimating (${error.message})` });
        return;
      }
      const windows = handsSinceGestures;
      const message = `lost ${windows} window${windows === 1 ? '' : 's'}: the pose frames with a hand sent to the classifier worker after its last result (${error.message})`;
      for (let i = 0; i < windows; i++) monitor.record({ stage: 'classifier', kind: 'lost', message });
    };
    const fail = (error: unknown, from: 'hands' | 'gestures' | 'page'): void => {
      if (closed) return;
      if (from !== 'page' && isRecoveredError(error)) recordLoss(from, error as Error);
      subscriber.error(error);
    };
    const failHands = (error: unknown): void => fail(error, 'hands');
    const failGestures = (error: unknown): void => fail(error, 'gestures');
    /** Runs `fn` (a callback of ours), erroring the run with what it throws (never an unhandled rejection). */
    const guarded = (fn: () => void): void => {
      try {
        fn();
      } catch (error) {
        fail(error, 'page');
      }
    };

    const start = (shared?: SharedResults): void => {
      if (closed) return;
      const pageTimeOrigin = performance.timeOrigin;
      const gesturesDone = workers.streamGestures({ ...settings, poses: poses.port2, page: fromGestures.port2, pageTimeOrigin, shared });
      const handsDone = workers.streamHands({
        // Made once the estimator is initialised, just before the transfer: a processor made earlier would hold
        // a camera frame on the page meanwhile, which can stall the camera until a garbage collection.
        frames: () => {
          streaming = true;
          return new Processor({ track: own, maxBufferSize: 1 }).readable;
        },
        poses: poses.port1,
        page: fromEstimator.port2,
        pageTimeOrigin,
        shared,
      });
      if (messages) ask();
      // Once the models are loaded, a worker that has gone quiet is probed: one that cannot answer is hung (or gone),
      // and is restarted like a crashed one. Not while a model loads (alive() waits for it), and before a worker's
      // first sign of this run only after WARM_UP_MS (its first estimation or classification may be slow).
      workers.ready.then(() => guarded(() => {
        if (closed) return;
        lastSign.hands = lastSign.gestures = Date.now() + WARM_UP_MS - QUIET_MS; // asked WARM_UP_MS after ready at the latest
        // Frames the processor dropped while the estimator was busy (no operator sees them): 'source' drops.
        // Checked every stats interval, not per frame (so outside `timer`, like the stats and the watchdogs).
        // A track that is not a camera's has no counters (Chromium: `stats` is null): said, not guessed.
        if (trackFrameStats(own) === undefined) {
          deliver({
            type: 'warning',
            message:
              'the video track has no frame counters (track.stats is null: it is not a camera track): camera frames the hand-landmarker worker never read are not counted in droppedFrames, and a stream that stalls without a worker fault is not started over',
          });
        }
        const unread = countUnreadFrames(own, () => readBy, settings.stats.intervalMs).subscribe((more) => {
          for (let i = 0; i < more; i++) monitor.record({ stage: 'source', kind: 'drop' });
        });
        resources.add(unread);
        resources.add(probeWhenQuiet(() => lastSign.hands, () => workers.handsAlive(), { quietMs: QUIET_MS }).subscribe({ error: failHands }));
        resources.add(probeWhenQuiet(() => lastSign.gestures, () => workers.gesturesAlive(), { quietMs: QUIET_MS }).subscribe({ error: failGestures }));
        // An estimator that answers but reads no camera frame while the camera delivers them (seen once after a
        // worker restart: camera frames held elsewhere on the page starved the new processor) is restarted too.
        // Watched from the hand-over of the frames (a restarted estimator loads its model first), and not while
        // the page is hidden (its workers may hold pose frames back then).
        const watching = (): boolean => streaming && (typeof document === 'undefined' || document.visibilityState === 'visible');
        const starved = failWhenStarved(own, () => readBy, { quietMs: STARVED_MS, minFrames: STARVED_FRAMES, watching });
        resources.add(
          starved.subscribe({
            error: (error: Error) => {
              monitor.record({ stage: 'estimator', kind: 'restart', message: error.message });
              failHands(error);
            },
          }),
        );
      }), () => undefined);
      // The end comes as the gesture worker's last message ('end'), after every result it posted.
      handsDone.catch(failHands);
      gesturesDone.catch(failGestures);
    };
    if (messages) start();
    else {
      // The ring's entries are sized by the model's labels: start once the models are loaded (a load error is
      // the pipeline's to report, through `ready`).
      workers.ready.then(({ labels }) => guarded(() => {
        if (closed) return;
        const shared = createSharedResults({ maxHands: settings.maxHands, labels: labels.length });
        const views = sharedResultsViews(shared);
        let sequence = 0;
        readShared = () => {
          predictions(readSharedPredictions(views, labels, shared.capacity));
          const latest = readSharedPose(views, sequence);
          if (latest === undefined) return;
          sequence = latest.sequence;
          pose(latest.frame);
        };
        resources.add(fromDoorbell(views.ints, DOORBELL).subscribe(() => timer.time(readShared)));
        start(shared);
      }), () => undefined);
    }

    return () => {
      closed = true;
      resources.unsubscribe();
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
