import { BehaviorSubject, ReplaySubject, Subject, Subscription, share, type Observable } from 'rxjs';
import { DEFAULT_MODEL_PIPELINE } from '../defaultModelPipeline.js';
import { createPipelineMonitor } from '../monitor/createPipelineMonitor.js';
import { classifyLatest } from '../operators/classifyLatest.js';
import { estimateHands } from '../operators/estimateHands.js';
import { monitorStage } from '../operators/monitorStage.js';
import { pipelineStats } from '../operators/pipelineStats.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { stableGestures } from '../operators/stableGestures.js';
import type { GestureEvent, PipelineStats, PoseFrame, PoseWindow, Prediction, SourceFrame } from '../types.js';
import { createPipelineWorkers } from './createPipelineWorkers.js';
import { fromHandGestureSource } from './fromHandGestureSource.js';
import { resolveOptionUrls } from './resolveOptionUrls.js';
import type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus } from './pipelineTypes.js';

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * Starts the whole live pipeline in one call: source → hand estimator worker → sliding window → classifier worker
 * → stable gestures, plus stats.
 *
 * It is composed of the public pieces only (`fromCamera`/`fromVideoElement`, `estimateHands`, `slidingWindow`,
 * `classifyLatest`, `stableGestures`, `pipelineStats`, `createHandEstimatorWorker`, `createClassifierWorker`) and
 * starts at once: the camera is requested and both workers load while you subscribe to its hot Observables.
 * Defaults are the packaged models (`'full'` landmarker, `'default'` gesture model) run with
 * `DEFAULT_MODEL_PIPELINE`'s window and gesture settings; every asset and worker URL can be overridden (`assets`).
 * A fatal error (camera denied, a model or worker that fails to load, a stream error) is emitted on `errors$`,
 * sets `status` to `'error'` and releases the camera and both workers. `dispose()` stops everything, completes
 * every Observable, and is idempotent and safe at any time (before the camera has opened, during start-up).
 *
 * @example
 * ```ts
 * import { createHandGesturePipeline } from 'posestream';
 * const video = document.querySelector('video')!;
 * const pipeline = createHandGesturePipeline({ source: { camera: { video } } });
 * pipeline.gesture$.subscribe((g) => (document.title = g ? g.label : 'no gesture'));
 * pipeline.errors$.subscribe((e) => console.error(e.message));
 * // later: pipeline.dispose();
 * ```
 */
export function createHandGesturePipeline(given: HandGesturePipelineOptions = {}): HandGesturePipeline {
  // Workers cannot resolve a relative URL ('/models/x.task'): make every URL option absolute against the page.
  const options = typeof document === 'undefined' ? given : resolveOptionUrls(given, document.baseURI);
  const settings = DEFAULT_MODEL_PIPELINE;
  const frames = options.window?.frames ?? settings.window.frames;
  const durationMs = options.window?.durationMs ?? settings.window.durationMs;
  const status$ = new BehaviorSubject<HandGesturePipelineStatus>('starting');
  const errors$ = new Subject<Error>();
  const poses = new Subject<PoseFrame>();
  const predictions = new Subject<Prediction>();
  const gestures = new Subject<GestureEvent>();
  const gesture$ = new BehaviorSubject<GestureEvent | null>(null);
  const stats$ = new ReplaySubject<PipelineStats>(1);
  const monitor = createPipelineMonitor();
  const running = new Subscription();
  let released = false;

  const workers = createPipelineWorkers(options, frames, monitor);
  const release = (): void => {
    if (released) return;
    released = true;
    running.unsubscribe(); // stops the source first: camera tracks stop, no frame reaches a dying worker
    workers.dispose();
  };
  const fail = (error: unknown): void => {
    if (released) return;
    errors$.next(asError(error));
    status$.next('error');
    release();
  };
  const ready = workers.ready;
  ready.catch(fail);

  const poses$ = fromHandGestureSource(options.source ?? { camera: {} }).pipe(
    monitorStage(monitor, 'source'),
    estimateHands((frame: SourceFrame<ImageBitmap>) => workers.estimate(frame), { monitor }),
    share(),
  );
  const predictions$: Observable<Prediction> = poses$.pipe(
    slidingWindow(frames, {
      monitor,
      resample: { frames, durationMs },
      onMissingHand: options.window?.onMissingHand ?? settings.onMissingHand,
    }),
    classifyLatest(
      (window: PoseWindow) => (options.classifyWith ? options.classifyWith(window, workers.classifyWindow) : workers.classifyWindow(window)),
      { monitor, policy: options.policy ?? 'latest' },
    ),
    share(),
  );

  running.add(
    poses$.pipe(monitorStage(monitor, 'display')).subscribe({
      next: (frame) => {
        if (status$.value === 'starting') status$.next('running');
        poses.next(frame);
      },
      error: fail,
      complete: () => {
        if (!released) status$.next('ended');
      },
    }),
  );
  running.add(
    predictions$.subscribe({ next: (p) => predictions.next(p), error: () => undefined /* reported through poses$ or below */ }),
  );
  running.add(
    predictions$.pipe(stableGestures(options.gestures ?? settings.gestures)).subscribe({
      next: (event) => {
        gestures.next(event);
        gesture$.next(event.phase === 'start' ? event : null);
      },
      error: fail,
    }),
  );
  running.add(pipelineStats(monitor, { intervalMs: options.statsIntervalMs ?? 500 }).subscribe((s) => stats$.next(s)));

  let disposed = false;
  return {
    ready,
    gestures$: gestures.asObservable(),
    gesture$: gesture$.asObservable(),
    predictions$: predictions.asObservable(),
    poses$: poses.asObservable(),
    stats$: stats$.asObservable(),
    status$: status$.asObservable(),
    errors$: errors$.asObservable(),
    get status() {
      return status$.value;
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      release();
      status$.next('disposed');
      for (const subject of [poses, predictions, gestures, gesture$, stats$, errors$, status$]) subject.complete();
    },
  };
}
