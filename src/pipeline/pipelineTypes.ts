import type { Observable, ObservableInput } from 'rxjs';
import type { GestureTrackerOptions } from '../filters/handMathTypes.js';
import type { SwipeOptions } from '../filters/swipeTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { ClassifyPolicy, MissingHandPolicy } from '../operators/operatorTypes.js';
import type { FromCameraOptions } from '../streams/fromCamera.js';
import type { GestureEvent, Percentiles, PipelineStats, PoseFrame, PoseWindow, Prediction } from '../types.js';

/** Where the pipeline's per-frame work runs: `'workers'` (off the page's main thread) or `'main-thread'`. */
export type HandGesturePipelineRunsOn = 'workers' | 'main-thread';

/** `stats$`'s snapshots: {@link PipelineStats} plus the path the pipeline runs on and its main-thread cost. */
export interface HandGesturePipelineStats extends PipelineStats {
  /** The path the pipeline runs on. */
  runOn: HandGesturePipelineRunsOn;
  /**
   * posestream's own work on the page's main thread per pose frame that reached the page, ms (your subscribers
   * excluded), over the snapshot's window. On `'workers'` the page only unpacks the frame it draws and passes on
   * results; on `'main-thread'` it also grabs every frame and runs the window and the classifier calls.
   */
  mainThread: Percentiles;
  /**
   * How the workers' results reach the page. `'shared-memory'`: on `'workers'` in a cross-origin isolated page
   * (served with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`), the
   * latest pose frame and the predictions are read from memory shared with the workers, no message per frame
   * (the cheapest for the main thread); `'messages'`: everywhere else.
   */
  resultsVia: 'shared-memory' | 'messages';
  /**
   * What the pipeline fell back from or cannot do with this page and source, in words, each once, oldest first:
   * the classifier's TensorFlow.js backend fell back to cpu (`HandGesturePipelineInfo.backendFallback`), or the
   * video track has no frame counters (a `{ stream }` that is not a camera: `canvas.captureStream()`,
   * `MediaStreamTrackGenerator`, a WebRTC remote track), so camera frames the estimator never read are not counted
   * in `droppedFrames` and a stream that stalls is not started over (a hung or exited worker still is). Empty when
   * there is nothing to say.
   */
  warnings: readonly string[];
}

/**
 * Where the live pipeline's frames come from:
 * - `{ camera: options }`: `getUserMedia` (`fromCamera`); `options.video` is the element that plays it (show it);
 * - `{ video: element }`: a `<video>` you play yourself (`fromVideoElement`);
 * - `{ file: url | Blob }`: a video file, played in `video` (hidden when absent) at its own pace;
 * - `{ stream: mediaStream }`: a `MediaStream` you opened (its tracks stay yours: never stopped by the pipeline).
 */
export type HandGestureSource =
  | {
      /** `getUserMedia` constraints and the element that plays the camera (`fromCamera`'s options). */
      camera: FromCameraOptions;
    }
  | {
      /** A `<video>` you play yourself; frames are read from it as it plays. */
      video: HTMLVideoElement;
    }
  | {
      /** The video file: a URL or a `Blob` (e.g. a picked `File`). */
      file: string | Blob;
      /** The element that plays the file (show it to see the video). @default a hidden element the pipeline creates */
      video?: HTMLVideoElement;
      /** Whether the file starts over when it ends. @default false */
      loop?: boolean;
    }
  | {
      /** A `MediaStream` you opened; its tracks stay yours (never stopped by the pipeline). */
      stream: MediaStream;
      /** The element that plays the stream (show it to see the video). @default a hidden element the pipeline creates */
      video?: HTMLVideoElement;
    };

/** Where each asset and worker comes from; every field overrides one packaged default (self-hosting, a CDN, Angular). */
export interface HandGestureAssets {
  /**
   * Folder URL holding tasks-vision's `vision_wasm_module_internal.js` and `.wasm` (0.10.35).
   * @default the copies packaged in posestream (`dist/assets/mediapipe/`), emitted by your bundler
   */
  mediapipeWasmBase?: string;
  /**
   * Folder URL (ending in `/`) holding `tfjs-backend-wasm.wasm`, `-simd.wasm` and `-threaded-simd.wasm` (4.22.0).
   * @default the copies packaged in posestream (`dist/assets/tfjs/`), emitted by your bundler
   */
  tfjsWasmBase?: string;
  /**
   * The hand-landmarker worker: its script URL, or a function making the `Worker`.
   * @default posestream's `dist/workers/handLandmarker.worker.js` (one self-contained module), emitted by your bundler
   */
  handLandmarkerWorker?: string | URL | (() => Worker);
  /**
   * The classifier worker: its script URL, or a function making the `Worker`.
   * @default posestream's `dist/workers/classifierWorker.worker.js` (one self-contained module), emitted by your bundler
   */
  classifierWorker?: string | URL | (() => Worker);
}

/** Options of `createHandGesturePipeline`. */
export interface HandGesturePipelineOptions {
  /** Where frames come from. @default { camera: {} } */
  source?: HandGestureSource;
  /** Hand landmarker: a packaged variant or the URL of a `hand_landmarker.task` bundle. @default 'full' */
  handModel?: 'full' | 'lite' | string | URL;
  /** Hands to detect per frame. @default 1 */
  numHands?: number;
  /**
   * Gesture model: `'swipes'` (the swipe recogniser: the four swipes of anyone, by their physical definition, no
   * model file; tune it with `swipes`), `'default'` (the TensorFlow.js model packaged in posestream, learned from
   * one person: swipes, come, away, spin), the URL of a TensorFlow.js model.json (labels.json beside it), or a taught
   * gesture model (`createGestureTrainer`, `posestream train --kind templates`): the object itself (e.g. from
   * `loadGestureModel`), or the URL of its JSON (read on the page first, told apart by its `format`).
   *
   * A taught model runs with its own window (`window.frames`, `durationMs`, `minDurationMs`, `onMissingHand`,
   * `maxGapMs`) and `stableGestures` settings, the ones it was taught with; a `window.frames` or `window.durationMs`
   * option other than its own is a `TaughtModelError` naming both (thrown by `createHandGesturePipeline` for the
   * object; for a URL, `ready` rejects with it and it is on `errors$`). `gestureLabels` is not given with one.
   * @default 'swipes'
   */
  gestureModel?: 'swipes' | 'default' | string | URL | TaughtGestureModel;
  /**
   * The swipe recogniser's parameters, with `gestureModel: 'swipes'` (each documented with its unit and default).
   * @default DEFAULT_SWIPE_OPTIONS
   */
  swipes?: SwipeOptions;
  /** Labels of `gestureModel`, in output order. @default read from labels.json beside model.json */
  gestureLabels?: readonly string[];
  /**
   * Wraps each classifier call, e.g. to log, to add latency in a demo, or to combine with your own logic:
   * receives the window and the worker's `classifyWindow`, returns the prediction (a Promise or Observable).
   * @default (window, classify) => classify(window)
   */
  classifyWith?: (window: PoseWindow, classify: (window: PoseWindow) => Promise<Prediction>) => ObservableInput<Prediction>;
  /**
   * Window settings: frames per window, resampled over `durationMs`, what a frame without a hand does and the
   * longest gap `'hold'` / `'skip'` bridge (`slidingWindow`'s options of the same names).
   * @default the gesture model's: DEFAULT_SWIPE_SETTINGS's for `'swipes'` (61 frames over 3000 ms, from 300 ms of hand on), else DEFAULT_MODEL_SETTINGS's (30 frames over 966.7 ms, the span of 30 frames at 30 fps); frames without a hand skipped for up to 500 ms
   */
  window?: {
    /** Instants per window (the window's `size`). */
    frames?: number;
    /** The span the window's instants cover, ms. */
    durationMs?: number;
    /** The least span real frames must cover before a first window is emitted, ms (`slidingWindow`'s `resample.minDurationMs`). */
    minDurationMs?: number;
    /** What a frame without a hand does to the window (`slidingWindow`'s `onMissingHand`). */
    onMissingHand?: MissingHandPolicy;
    /** The longest gap without a hand `'hold'` / `'skip'` bridge, ms (`slidingWindow`'s `maxGapMs`). */
    maxGapMs?: number;
  };
  /** `stableGestures` settings. @default the gesture model's (DEFAULT_SWIPE_SETTINGS.gestures for `'swipes'`, else DEFAULT_MODEL_SETTINGS.gestures) */
  gestures?: GestureTrackerOptions;
  /** `classifyLatest` policy. @default 'latest' */
  policy?: ClassifyPolicy;
  /** How often `stats$` emits, ms. @default 500 */
  statsIntervalMs?: number;
  /**
   * Where the per-frame work runs. `'workers'`: the camera's frames go straight from a `MediaStreamTrackProcessor`
   * to the hand-landmarker worker, landmarks straight to the classifier worker (which also runs the window and
   * `stableGestures`); the page only receives gestures, predictions, stats and, for drawing, the latest pose frame
   * at most once per animation frame, so a busy page does not slow recognition. Needs a live source (camera or
   * `MediaStream`), `MediaStreamTrackProcessor` (Chromium) and no `classifyWith`. `'main-thread'`: the page grabs
   * every frame and runs the window (every browser). `'auto'` picks `'workers'` wherever it can.
   * @default 'auto'
   */
  runOn?: 'auto' | HandGesturePipelineRunsOn;
  /** Asset and worker URL overrides. @default {} (everything packaged) */
  assets?: HandGestureAssets;
}

/**
 * The pipeline's life: `'starting'` (source and models loading), `'running'` (first pose frame seen),
 * `'ended'` (the source ended, e.g. a video file played to its end; what was emitted stays),
 * `'error'` (a fatal error: see `errors$`; resources are released), `'disposed'`.
 */
export type HandGesturePipelineStatus = 'starting' | 'running' | 'ended' | 'error' | 'disposed';

/** What the loaded models say about themselves (`HandGesturePipeline.ready`). */
export interface HandGesturePipelineInfo {
  /** The gesture model's labels, in output order. */
  labels: readonly string[];
  /** Frames per window the gesture model takes. */
  windowSize: number;
  /** The TensorFlow.js backend the classifier runs on. */
  backend: string;
  /**
   * Why the classifier does not run on the wasm backend, when it does not (it fell back to cpu: the message names
   * the wasm URL and `assets.tfjsWasmBase`, and for your own URL what the server answered). Also logged with
   * `console.warn` and listed in `stats$`'s `warnings`. Absent otherwise.
   */
  backendFallback?: string;
}

/** What `createHandGesturePipeline` returns: hot Observables over one running pipeline, and `dispose()`. */
export interface HandGesturePipeline {
  /**
   * Resolves once both models are loaded; rejects with the error that stopped the pipeline before that (a load
   * error, a `CameraError`, ...: the one on `errors$`), or a `PipelineDisposedError` after an early `dispose()`.
   * Never an unhandled rejection when you ignore it.
   */
  readonly ready: Promise<HandGesturePipelineInfo>;
  /**
   * Gesture start/end events (`stableGestures`). Every `start` is followed by exactly one `end`: the one its
   * predictions make, or one cut short (`reason: 'restart'` when a worker fault is noticed, `'error'` on a fatal
   * error, `'disposed'` on `dispose()`; see `GestureEvent`).
   */
  readonly gestures$: Observable<GestureEvent>;
  /**
   * The gesture being held now (its start event), or null (again with its `end`, whatever ended it); replays the
   * current value to new subscribers.
   */
  readonly gesture$: Observable<GestureEvent | null>;
  /** Every classifier prediction. */
  readonly predictions$: Observable<Prediction>;
  /**
   * Pose frames (landmarks for drawing), `capturedAt` on the page's `performance.now()` clock: every estimated
   * frame on `'main-thread'`; on `'workers'` the latest one, at most once per animation frame.
   */
  readonly poses$: Observable<PoseFrame>;
  /** Pipeline statistics every `statsIntervalMs`; replays the latest. */
  readonly stats$: Observable<HandGesturePipelineStats>;
  /** The path the pipeline runs on (`runOn` resolved), known at once. */
  readonly runsOn: HandGesturePipelineRunsOn;
  /** The pipeline's status; replays the current value. */
  readonly status$: Observable<HandGesturePipelineStatus>;
  /**
   * Fatal errors, typed (`CameraError`, `ModelLoadError`, `WorkerError`, ...): each also rejects `ready` (if still
   * pending) and sets status `'error'`. Worker faults the pipeline recovers from are in `stats$` instead.
   */
  readonly errors$: Observable<Error>;
  /** The current status (synchronously). */
  readonly status: HandGesturePipelineStatus;
  /**
   * Stops everything: a gesture still held ends (`reason: 'disposed'`), the source stops (camera tracks stopped),
   * both workers are terminated, every Observable completes. Idempotent; safe at any time, including before the
   * camera has opened.
   */
  dispose(): void;
  /**
   * Switches the running pipeline to another gesture model — a taught one (`createGestureTrainer`'s
   * `TaughtGestureModel`, e.g. `JSON.parse` of a saved one) or back to `'swipes'` — without restarting the camera or
   * the hand estimator (its worker and loaded model stay; no camera permission prompt, no landmarker load).
   *
   * A new classifier worker loads the model first, while the old one keeps recognising; once it is ready the
   * gesture stage starts over with the model's own window (`window.frames`, `durationMs`, `minDurationMs`,
   * `onMissingHand`, `maxGapMs`) and `stableGestures` settings (`'swipes'`: DEFAULT_SWIPE_SETTINGS's, or the
   * pipeline's `window` / `gestures` options when given), and the old worker is terminated. A gesture held at that
   * moment ends with `reason: 'restart'`. On `'workers'` the classifier worker's stream is started over (the page
   * hands the camera track's frames to the same, still loaded, hand-landmarker worker again; the camera stays open);
   * on `'main-thread'` the window, classifier calls and tracker after the (unchanged) pose stream are.
   * Resolves with the new model's info (`labels`, `windowSize`, `backend`).
   *
   * Rejects, leaving the current model running, with a `TaughtModelError` when the pipeline was created with a
   * `window.frames` or `window.durationMs` other than the taught model's (the message names both), with a
   * `ModelLoadError` for a malformed model, and with a `PipelineDisposedError` once disposed.
   *
   * @example
   * ```ts
   * import { createHandGesturePipeline } from 'posestream';
   * const pipeline = createHandGesturePipeline({ source: { camera: {} } });
   * const info = await pipeline.useGestureModel(JSON.parse(localStorage.getItem('my-gestures')!));
   * console.log(info.labels); // later: await pipeline.useGestureModel('swipes');
   * ```
   */
  useGestureModel(model: TaughtGestureModel | 'swipes'): Promise<HandGesturePipelineInfo>;
}
