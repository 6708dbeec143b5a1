/**
 * One running source: frames -> estimateHands (worker, latest frame only) -> display, and
 * -> slidingWindow -> classifyLatest (worker, with the artificial delay) -> predictions and stable gestures,
 * all reported to one pipeline monitor. The `<video>` plays on its own; nothing here ever waits on it.
 */
import { combineLatest, defer, EMPTY, map, of, share, Subscription, switchMap, timer, type Observable } from 'rxjs';
import {
  classifyLatest,
  createPipelineMonitor,
  estimateHands,
  monitorStage,
  pipelineStats,
  slidingWindow,
  DEFAULT_MODEL_PIPELINE,
  stableGestures,
  type ClassifyPolicy,
  type GestureEvent,
  type PipelineStats,
  type PoseFrame,
  type PoseWindow,
  type Prediction,
  type SourceFrame,
} from 'posestream';
import { createHandEstimatorWorker } from 'posestream/workers';
import HandLandmarkerWorker from 'posestream/workers/entries/handLandmarker?worker';
import type { GestureModel } from './gestureModel.js';

/** A prediction and the capture time of the newest frame of the window it is about. */
export interface TimedPrediction {
  prediction: Prediction;
  windowCapturedAt: number;
  /** How long the classify call took, artificial delay included, ms. */
  tookMs: number;
}

/** What a session needs and whom it tells. */
export interface SessionOptions {
  frames$: Observable<SourceFrame<ImageBitmap>>;
  landmarker: 'full' | 'lite';
  /** Hands to look for. */
  numHands: number;
  model$: Observable<GestureModel | undefined>;
  policy$: Observable<ClassifyPolicy>;
  /** Read at each classification: the artificial delay before the worker call, ms. */
  delayMs: () => number;
  onEstimatorReady(): void;
  onPose(frame: PoseFrame): void;
  onPrediction(result: TimedPrediction): void;
  onGesture(event: GestureEvent): void;
  onStats(stats: PipelineStats): void;
  onError(what: string, error: unknown): void;
}

/** The classify function handed to classifyLatest: waits `delayMs()` (a timer), then calls the worker. */
function delayedClassify(model: GestureModel, delayMs: () => number): (window: PoseWindow) => Observable<TimedPrediction> {
  return (window) =>
    defer(() => {
      const requestedAt = performance.now();
      const delay = delayMs();
      return (delay > 0 ? timer(delay) : of(0)).pipe(
        switchMap(() => model.classifier.classifyWindow(window)),
        map((prediction) => ({ prediction, windowCapturedAt: window.capturedAt, tookMs: performance.now() - requestedAt })),
      );
    });
}

/** Frame rate the gesture models are trained at (posestream train resamples every take to it). */
const MODEL_FPS = 30;

/** Starts the pipeline; unsubscribing the result stops it and terminates the estimator worker. */
export function startSession(options: SessionOptions): Subscription {
  const monitor = createPipelineMonitor();
  const estimator = createHandEstimatorWorker({
    worker: () => new HandLandmarkerWorker({ name: 'hand-landmarker' }),
    modelAssetPath: `/models/hand_landmarker_${options.landmarker}.task`,
    wasmBaseUrl: '/wasm/mediapipe',
    numHands: options.numHands,
  });
  const session = new Subscription(() => estimator.dispose());
  // Once stopped, this session reports nothing (its estimator's "disposed" rejections included).
  const report = (what: string) => (error: unknown) => {
    if (!session.closed) options.onError(what, error);
  };
  estimator.ready.then(() => {
    if (!session.closed) options.onEstimatorReady();
  }, report('hand estimator'));

  const poses$ = options.frames$.pipe(
    monitorStage(monitor, 'source'),
    estimateHands((frame: SourceFrame<ImageBitmap>) => estimator.estimate(frame), { monitor }), // closes dropped bitmaps
    share(),
  );

  session.add(
    poses$.pipe(monitorStage(monitor, 'display')).subscribe({
      next: options.onPose,
      error: report('video pipeline'),
    }),
  );

  const predictions$ = combineLatest([options.model$, options.policy$]).pipe(
    switchMap(([model, policy]) =>
      model === undefined
        ? EMPTY
        : poses$.pipe(
            // The model saw 30 fps windows in training: resample whatever rate the estimator reaches to that.
            slidingWindow(model.windowSize, {
              monitor,
              onMissingHand: DEFAULT_MODEL_PIPELINE.onMissingHand,
              resample: { frames: model.windowSize, durationMs: (model.windowSize * 1000) / MODEL_FPS },
            }),
            classifyLatest(delayedClassify(model, options.delayMs), { policy, monitor }),
          ),
    ),
    share(),
  );
  session.add(
    predictions$.subscribe({
      next: options.onPrediction,
      error: report('gesture classifier'),
    }),
  );
  session.add(
    predictions$
      .pipe(
        map((p) => p.prediction),
        stableGestures(DEFAULT_MODEL_PIPELINE.gestures),
      )
      .subscribe({ next: options.onGesture, error: () => undefined /* reported by the subscription above */ }),
  );
  session.add(pipelineStats(monitor, { intervalMs: 500, windowMs: 2000 }).subscribe(options.onStats));
  return session;
}
