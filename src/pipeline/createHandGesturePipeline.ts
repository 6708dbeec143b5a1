import { BehaviorSubject, defer, from, map, of, retry, ReplaySubject, startWith, Subject, Subscription, switchMap, throwError, type Observable } from 'rxjs';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SWIPE_SETTINGS } from '../defaultModelSettings.js';
import { createPipelineMonitor } from '../monitor/createPipelineMonitor.js';
import { isRecoveredError } from '../operators/isRecoveredError.js';
import { pipelineStats } from '../operators/pipelineStats.js';
import type { GestureEndReason, GestureEvent, PipelineStats, PoseFrame, Prediction } from '../types.js';
import { canShareResults } from '../workers/sharedResults.js';
import { checkPipelineOptions, isTaughtModelObject } from './checkPipelineOptions.js';
import { resolveGestureModel, type ResolvedGestureModel } from './resolveGestureModel.js';
import { chooseRunOn } from './chooseRunOn.js';
import { createHeldGesture } from './createHeldGesture.js';
import { createMainThreadTimer } from './createMainThreadTimer.js';
import { createPipelineWorkers } from './createPipelineWorkers.js';
import { fromLiveTrack } from './fromLiveTrack.js';
import { carryTotals, mergeStats, NO_TOTALS } from './mergeStats.js';
import { PipelineDisposedError } from './PipelineDisposedError.js';
import { resolveOptionUrls } from './resolveOptionUrls.js';
import { runOnMainThread } from './runOnMainThread.js';
import { runOnWorkers, type WorkerPathOutput } from './runOnWorkers.js';
import { watchRestarts } from './watchRestarts.js';
import { gestureModelSettings } from './gestureModelSettings.js';
import type { HandGesturePipeline, HandGesturePipelineInfo, HandGesturePipelineOptions, HandGesturePipelineStats, HandGesturePipelineStatus } from './pipelineTypes.js';

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * Starts the whole live pipeline in one call: source → hand estimator worker → sliding window → classifier worker
 * → stable gestures, plus stats.
 *
 * It is composed of the public pieces only (sources, `estimateHands`, `slidingWindow`, `classifyLatest`,
 * `stableGestures`, `pipelineStats`, the worker factories) and starts at once: the camera is requested and both
 * workers load while you subscribe to its hot Observables. Where it can (`runOn: 'auto'`: Chromium, a camera or
 * `MediaStream` source, no `classifyWith`) it runs off the page's main thread: the camera's frames go straight
 * to the hand-landmarker worker and its landmarks straight to the classifier worker, which also runs the window
 * and `stableGestures`, so a busy page (a long render, a long task) does not slow recognition; the page gets the
 * results, stats and the latest pose frame for drawing, at most once per animation frame. Elsewhere the same
 * operators run on the main thread. `runsOn` and every `stats$` snapshot say which path runs.
 * Defaults are the packaged models (`'full'` landmarker, `'default'` gesture model) run with
 * `DEFAULT_MODEL_SETTINGS`'s window and gesture settings; every asset and worker URL can be overridden (`assets`).
 * A crashed, hung or silently exited worker is restarted (a hang or a silent exit is found within about 3 s) and the
 * pipeline carries on (counted in `stats$`). A gesture held when a worker fault is noticed ends at once with
 * `reason: 'restart'` (the `GestureEvent` contract: every `start` gets its `end`). A fatal error (camera denied, a
 * model or worker that fails to load, a stream error) ends a held gesture with `reason: 'error'`, rejects `ready`
 * with that error, is emitted on `errors$`, sets `status` to `'error'` and releases the camera and both workers.
 * `dispose()` ends a held gesture with `reason: 'disposed'`, stops everything, completes every Observable, and is
 * idempotent and safe at any time (before the camera has opened, during start-up; `ready` then rejects with a
 * `PipelineDisposedError`). `docs/errors-and-restarts.md` is the guide.
 *
 * @throws InvalidOptionError for an option that is wrong (checked before anything starts: the message names the
 *   option as you wrote it, e.g. `numHands` or `window.frames`, what it takes and what it got), or a `runOn` this
 *   browser, source or `classifyWith` rules out (the message says why).
 * @throws TaughtModelError for a taught `gestureModel` object whose window does not fit the `window` option (both
 *   named; for a taught model's URL, `ready` rejects with it).
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
  checkPipelineOptions(given); // before any worker, model or camera is touched
  // Workers cannot resolve a relative URL ('/models/x.task'): make every URL option absolute against the page.
  const options = typeof document === 'undefined' ? given : resolveOptionUrls(given, document.baseURI);
  const runsOn = chooseRunOn(options);
  const resultsVia = runsOn === 'workers' && canShareResults() ? 'shared-memory' : 'messages';
  const named = options.gestureModel ?? 'swipes';
  const defaults = named === 'swipes' || isTaughtModelObject(named) ? DEFAULT_SWIPE_SETTINGS : DEFAULT_MODEL_SETTINGS;
  const frames = options.window?.frames ?? defaults.window.frames;
  const durationMs = options.window?.durationMs ?? defaults.window.durationMs;
  const settings = {
    window: {
      frames,
      durationMs,
      minDurationMs: Math.min(durationMs, options.window?.minDurationMs ?? defaults.window.minDurationMs ?? durationMs),
      onMissingHand: options.window?.onMissingHand ?? defaults.onMissingHand,
      maxGapMs: options.window?.maxGapMs ?? defaults.maxGapMs,
    },
    gestures: options.gestures ?? defaults.gestures,
    policy: options.policy ?? 'latest',
    stats: { intervalMs: options.statsIntervalMs ?? 500, windowMs: 2000 },
    maxHands: options.numHands ?? 1,
  };
  // A taught model runs with its own window and gesture settings (a URL's JSON is read first: then the classifier
  // and the gesture stage wait for it). A taught model whose window does not fit `window` throws here.
  const resolving = resolveGestureModel(options, settings);
  const useStage = (r: ResolvedGestureModel): ResolvedGestureModel => {
    settings.window = r.stage.window;
    settings.gestures = r.stage.gestures;
    return r;
  };
  const resolved = resolving instanceof Promise ? resolving.then(useStage) : Promise.resolve(useStage(resolving));
  resolved.catch(() => undefined); // reported through `ready` and `errors$`
  const source = options.source ?? { camera: {} };
  const status$ = new BehaviorSubject<HandGesturePipelineStatus>('starting');
  const errors$ = new Subject<Error>();
  const poses = new Subject<PoseFrame>();
  const predictions = new Subject<Prediction>();
  const gestures = new Subject<GestureEvent>();
  const gesture$ = new BehaviorSubject<GestureEvent | null>(null);
  // The page's side of the gesture contract: one end per start, a cut-short one when the tracker cannot send it.
  const held = createHeldGesture(settings.gestures, (event) =>
    timer.exclude(() => {
      gestures.next(event);
      gesture$.next(event.phase === 'start' ? event : null);
    }),
  );
  // A worker restart (or a stream started over) noticed: on the main thread the tracker cuts its gesture short (it
  // lives on, with predictions of the restarted worker to come); on 'workers' its worker's tracker is gone.
  const faults = new Subject<GestureEndReason>();
  // useGestureModel: the new classifier and settings are put in place as the gesture stage starts over.
  const modelChanged = new Subject<() => void>();
  let pendingChange: Promise<unknown> = Promise.resolve(); // (after the first model is resolved: set below)
  const stats$ = new ReplaySubject<HandGesturePipelineStats>(1);
  const monitor = createPipelineMonitor();
  const timer = createMainThreadTimer();
  const running = new Subscription();
  let released = false;
  // On 'workers' the page's monitor only sees 'display' and restarts; the gesture worker sends the rest.
  let workerStats: PipelineStats | undefined;
  let carried = NO_TOTALS; // the totals of the workers' streams before they were last started over
  const warnings: string[] = [];
  // Each said once: in stats$ and on the console (a fallback is never silent).
  const warn = (message: string): void => {
    if (warnings.includes(message)) return;
    warnings.push(message);
    console.warn(`posestream: ${message}`);
  };

  // Every restart the workers or the streams record goes through here first: it cuts the held gesture short.
  const watched = watchRestarts(monitor, () => {
    const holding = held.current;
    faults.next('restart');
    held.cut('restart');
    return holding === null ? undefined : `the gesture '${holding.label}' held since frame ${holding.startFrame} ended with reason 'restart'`;
  });
  const workers = createPipelineWorkers(
    options,
    resolving instanceof Promise ? resolved.then((r) => ({ model: r.model, frames: r.stage.window.frames })) : { model: resolving.model, frames: settings.window.frames },
    watched,
  );
  const release = (): void => {
    if (released) return;
    released = true;
    running.unsubscribe(); // stops the source first: camera tracks stop, no frame reaches a dying worker
    workers.dispose();
  };
  let rejectReady = (_error: Error): void => undefined;
  const ready = new Promise<HandGesturePipelineInfo>((resolve, reject) => {
    rejectReady = reject;
    workers.ready.then((info) => {
      if (info.backendFallback !== undefined) warn(info.backendFallback);
      resolve(info);
    }, (error: unknown) => fail(error));
  });
  ready.catch(() => undefined); // reported through `ready` and `errors$`: never an unhandled rejection
  const fail = (error: unknown): void => {
    if (released) return;
    const e = asError(error);
    held.cut('error');
    rejectReady(e); // the error that stopped the pipeline (a no-op once the models were loaded)
    errors$.next(e);
    status$.next('error');
    release();
  };

  // Results, from either path; what is not posestream's (your subscribers) is left out of the main-thread time.
  const deliver = (out: WorkerPathOutput): void => {
    if (out.type === 'pose') {
      if (status$.value === 'starting') status$.next('running');
      timer.exclude(() => poses.next(out.frame));
      if (runsOn === 'main-thread') timer.endFrame();
    } else if (out.type === 'prediction') {
      held.observe(out.prediction);
      timer.exclude(() => predictions.next(out.prediction));
    } else if (out.type === 'stats') {
      workerStats = out.stats;
    } else if (out.type === 'warning') {
      warn(out.message);
    } else {
      held.pass(out.event);
    }
  };
  // The workers path starts its streams over after a recovered fault: the new streams' worker monitor counts from 0.
  const startOver = (error: unknown): Observable<number> => {
    if (!isRecoveredError(error)) return throwError(() => error);
    held.cut('restart'); // (cut already when the restart was recorded)
    carried = carryTotals(carried, workerStats);
    workerStats = undefined;
    return of(0);
  };
  const path$: Observable<WorkerPathOutput> =
    runsOn === 'workers'
      ? fromLiveTrack(source).pipe(
          // After a worker crash (restarted by spawnWorker, which bounds the restarts) the streams start over, and
          // after a model change (the old run stopped first, then the new classifier and settings put in place).
          // The workers path hands its results to `deliver` directly, not through these operators.
          switchMap((track) =>
            modelChanged.pipe(
              startWith(undefined),
              switchMap((apply) =>
                defer(() => {
                  apply?.();
                  return runOnWorkers(track, workers, settings, watched, timer, deliver).pipe(retry({ delay: startOver }));
                }),
              ),
            ),
          ),
        )
      : runOnMainThread(source, workers, settings, options.classifyWith, watched, timer, faults, modelChanged.pipe(map((apply) => apply())));
  // The source opens once the gesture stage's settings are known (a taught model's URL read).
  const output$ = resolving instanceof Promise ? from(resolved).pipe(switchMap(() => path$)) : path$;

  running.add(
    output$.subscribe({
      next: deliver,
      error: fail,
      complete: () => {
        if (!released) status$.next('ended');
      },
    }),
  );
  running.add(
    pipelineStats(monitor, settings.stats)
      .pipe(map((s): HandGesturePipelineStats => ({ ...mergeStats(workerStats, s, carried), runOn: runsOn, resultsVia, mainThread: timer.since(monitor.now() - s.windowMs), warnings: [...warnings] })))
      .subscribe((s) => stats$.next(s)),
  );

  pendingChange = resolved.catch(() => undefined);
  let disposed = false;
  const useGestureModel = (model: Parameters<HandGesturePipeline['useGestureModel']>[0]): Promise<HandGesturePipelineInfo> => {
    const change = pendingChange.then(async () => {
      if (disposed || released) throw new PipelineDisposedError();
      const next = gestureModelSettings(model, options, settings);
      const loaded = await workers.loadClassifier(model, next.window.frames);
      if (disposed || released) throw new PipelineDisposedError();
      modelChanged.next(() => {
        held.cut('restart');
        if (runsOn === 'workers') carried = carryTotals(carried, workerStats);
        workerStats = undefined;
        settings.window = next.window;
        settings.gestures = next.gestures;
        loaded.use();
      });
      return loaded.info;
    });
    pendingChange = change.catch(() => undefined);
    return change;
  };
  return {
    useGestureModel,
    ready,
    runsOn,
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
      if (!released) held.cut('disposed');
      rejectReady(new PipelineDisposedError()); // (a no-op once the models were loaded or the pipeline failed)
      release();
      status$.next('disposed');
      faults.complete();
      modelChanged.complete();
      for (const subject of [poses, predictions, gestures, gesture$, stats$, errors$, status$]) subject.complete();
    },
  };
}
