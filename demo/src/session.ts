/**
 * One running source, on `createHandGesturePipeline`: the pipeline owns source → estimator worker → window →
 * classifier worker → stable gestures + stats; the demo adds its artificial classifier delay through `classifyWith`
 * and reports everything to the page. The `<video>` plays on its own; nothing here ever waits on it.
 */
import { defer, of, switchMap, tap, timer, type Subscription } from 'rxjs';
import {
  createHandGesturePipeline,
  type ClassifyPolicy,
  type GestureEvent,
  type HandGesturePipelineInfo,
  type HandGestureSource,
  type PipelineStats,
  type PoseFrame,
  type Prediction,
} from 'posestream';

/** A prediction and the capture time of the newest frame of the window it is about. */
export interface TimedPrediction {
  prediction: Prediction;
  windowCapturedAt: number;
  /** How long the classify call took, artificial delay included, ms. */
  tookMs: number;
}

/** A gesture model other than the packaged default: a model.json URL (and its labels, for a picked folder). */
export interface DemoModel {
  url: string;
  name: string;
  labels?: string[];
}

/** What a session needs and whom it tells. */
export interface SessionOptions {
  source: HandGestureSource;
  landmarker: 'full' | 'lite';
  /** Hands to look for. */
  numHands: number;
  /** The gesture model; undefined = the packaged default. */
  model: DemoModel | undefined;
  policy: ClassifyPolicy;
  /** Read at each classification: the artificial delay before the worker call, ms. */
  delayMs: () => number;
  onReady(info: HandGesturePipelineInfo): void;
  onRunning(): void;
  onPose(frame: PoseFrame): void;
  onPrediction(result: TimedPrediction): void;
  onGesture(event: GestureEvent): void;
  onStats(stats: PipelineStats): void;
  onError(error: Error): void;
}

/** A running session: `stop()` disposes the pipeline (camera tracks stopped, both workers terminated). */
export interface Session {
  stop(): void;
}

/** Starts the pipeline for one source and model. */
export function startSession(options: SessionOptions): Session {
  const timings = new WeakMap<Prediction, { windowCapturedAt: number; tookMs: number }>();
  const pipeline = createHandGesturePipeline({
    source: options.source,
    handModel: options.landmarker,
    numHands: options.numHands,
    ...(options.model ? { gestureModel: options.model.url } : {}),
    ...(options.model?.labels ? { gestureLabels: options.model.labels } : {}),
    policy: options.policy,
    classifyWith: (window, classify) =>
      defer(() => {
        const requestedAt = performance.now();
        const delay = options.delayMs();
        return (delay > 0 ? timer(delay) : of(0)).pipe(
          switchMap(() => classify(window)),
          tap((p) => timings.set(p, { windowCapturedAt: window.capturedAt, tookMs: performance.now() - requestedAt })),
        );
      }),
  });
  let stopped = false;
  pipeline.ready.then((info) => stopped || options.onReady(info), () => undefined /* on errors$ */);
  const subscriptions: Subscription[] = [
    pipeline.status$.subscribe((s) => s === 'running' && options.onRunning()),
    pipeline.poses$.subscribe(options.onPose),
    pipeline.predictions$.subscribe((prediction) => {
      const t = timings.get(prediction);
      options.onPrediction({ prediction, windowCapturedAt: t?.windowCapturedAt ?? NaN, tookMs: t?.tookMs ?? NaN });
    }),
    pipeline.gestures$.subscribe(options.onGesture),
    pipeline.stats$.subscribe(options.onStats),
    pipeline.errors$.subscribe((e) => stopped || options.onError(e)),
  ];
  return {
    stop() {
      stopped = true;
      for (const s of subscriptions) s.unsubscribe();
      pipeline.dispose();
    },
  };
}
