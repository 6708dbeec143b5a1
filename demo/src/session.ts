/**
 * One running source, on `createHandGesturePipeline`: the pipeline owns source → estimator worker → window →
 * classifier worker → stable gestures + stats, on the path `runOn` asks for (off the main thread where the browser
 * can, else on it); the demo adds its artificial classifier delay through `classifyWith` (which needs the
 * main-thread path: it is a function of the page) and reports everything to the page. The `<video>` plays on its
 * own; nothing here ever waits on it.
 */
import { defer, of, switchMap, tap, timer, type Observable, type Subscription } from 'rxjs';
import {
  createHandGesturePipeline,
  type ClassifyPolicy,
  type GestureEvent,
  type HandGesturePipelineInfo,
  type HandGesturePipelineOptions,
  type HandGesturePipelineRunsOn,
  type HandGesturePipelineStats,
  type HandGestureSource,
  type PoseFrame,
  type Prediction,
  type TaughtGestureModel,
} from 'posestream';

/** The pipeline path the demo asks for (the factory's `runOn` option). */
export type DemoRunOn = 'auto' | 'workers' | 'main-thread';

/** The path a pipeline runs on (`pipeline.runsOn`). */
export type RunsOn = HandGesturePipelineRunsOn;

/** Stats as the pipeline reports them, with the path and posestream's own main-thread time per pose frame. */
export type DemoStats = HandGesturePipelineStats;

/** Reads `?runOn=` (anything else is 'auto'). */
export function parseRunOn(value: string | null): DemoRunOn {
  return value === 'workers' || value === 'main-thread' ? value : 'auto';
}

/**
 * Whether the session passes `classifyWith` (the artificial delay): always on the main-thread path, never on the
 * workers path (a page function cannot run there), and under 'auto' only while a delay is set, so that 'auto'
 * without a delay can run off the main thread.
 */
export function usesClassifyWith(runOn: DemoRunOn, delayMs: number): boolean {
  return runOn === 'main-thread' || (runOn === 'auto' && delayMs > 0);
}

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
  /** The path to run on. */
  runOn: DemoRunOn;
  /**
   * Read at each classification: the artificial delay before the worker call, ms. Applies only when
   * {@link usesClassifyWith} says so for `runOn` and the delay at start.
   */
  delayMs: () => number;
  onReady(info: HandGesturePipelineInfo): void;
  onRunning(): void;
  onPose(frame: PoseFrame): void;
  onPrediction(result: TimedPrediction): void;
  onGesture(event: GestureEvent): void;
  onStats(stats: DemoStats): void;
  onError(error: Error): void;
}

/** A running session: `stop()` disposes the pipeline (camera tracks stopped, both workers terminated). */
export interface Session {
  /** The path the pipeline runs on. */
  readonly runsOn: RunsOn;
  /** Whether the artificial delay is in effect (`classifyWith` given). */
  readonly delayed: boolean;
  /** The pipeline's pose frames (what the Teach panel records examples from). */
  readonly poses$: Observable<PoseFrame>;
  /** Switches the running pipeline's gesture model (camera and estimator keep running). */
  useGestureModel(model: TaughtGestureModel | 'swipes'): Promise<HandGesturePipelineInfo>;
  stop(): void;
}

/** Starts the pipeline for one source and model. */
export function startSession(options: SessionOptions): Session {
  const timings = new WeakMap<Prediction, { windowCapturedAt: number; tookMs: number }>();
  const delayed = usesClassifyWith(options.runOn, options.delayMs());
  const pipelineOptions: HandGesturePipelineOptions = {
    source: options.source,
    handModel: options.landmarker,
    numHands: options.numHands,
    ...(options.model ? { gestureModel: options.model.url } : {}),
    ...(options.model?.labels ? { gestureLabels: options.model.labels } : {}),
    policy: options.policy,
    runOn: options.runOn,
  };
  if (delayed) {
    pipelineOptions.classifyWith = (window, classify) =>
      defer(() => {
        const requestedAt = performance.now();
        const delay = options.delayMs();
        return (delay > 0 ? timer(delay) : of(0)).pipe(
          switchMap(() => classify(window)),
          tap((p) => timings.set(p, { windowCapturedAt: window.capturedAt, tookMs: performance.now() - requestedAt })),
        );
      });
  }
  const pipeline = createHandGesturePipeline(pipelineOptions);
  let stopped = false;
  pipeline.ready.then((info) => stopped || options.onReady(info), () => undefined /* on errors$ */);
  const subscriptions: Subscription[] = [
    pipeline.status$.subscribe((s) => s === 'running' && options.onRunning()),
    pipeline.poses$.subscribe(options.onPose),
    pipeline.predictions$.subscribe((prediction) => {
      const t = timings.get(prediction);
      // Without classifyWith: the classifier's own start/finish (one thread's clock, so the difference holds).
      const tookMs = t?.tookMs ?? prediction.finishedAt - prediction.startedAt;
      options.onPrediction({ prediction, windowCapturedAt: t?.windowCapturedAt ?? NaN, tookMs });
    }),
    pipeline.gestures$.subscribe(options.onGesture),
    pipeline.stats$.subscribe(options.onStats),
    pipeline.errors$.subscribe((e) => stopped || options.onError(e)),
  ];
  return {
    runsOn: pipeline.runsOn,
    delayed,
    poses$: pipeline.poses$,
    useGestureModel: (model) => pipeline.useGestureModel(model),
    stop() {
      stopped = true;
      for (const s of subscriptions) s.unsubscribe();
      pipeline.dispose();
    },
  };
}
