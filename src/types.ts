/**
 * The shapes every posestream stage shares. They mirror MediaPipe's HandLandmarker results
 * (`NormalizedLandmark`, `Category`) so a tasks-vision result maps onto them without renaming.
 */

/** One landmark. `x` and `y` are normalised to the image width/height (0..1); `z` is relative depth, wrist origin. */
export interface Landmark {
  x: number;
  y: number;
  z: number;
}

/** Which hand, as the estimator reports it for the image it saw (tasks-vision's convention). */
export type Handedness = 'Left' | 'Right';

/** One detected hand: handedness with its score, 21 image landmarks and, when the estimator gives them, 21 world landmarks (metres). */
export interface Hand {
  handedness: Handedness;
  /** Handedness/presence score, 0..1. */
  score: number;
  /** Exactly 21 landmarks, in MediaPipe's order (0 wrist, 4 thumb tip, 8 index tip, ...). */
  landmarks: Landmark[];
  worldLandmarks?: Landmark[];
}

/** All hands seen in one video frame. */
export interface PoseFrame {
  /** Frame index in its source, 0-based. */
  index: number;
  /** Capture timestamp in milliseconds (source clock). */
  timestamp: number;
  hands: Hand[];
  /** Size of the image the landmarks were estimated on, in pixels. */
  width?: number;
  height?: number;
  /**
   * When the frame was captured on the pipeline's monitor clock (performance.now() in a page, the scheduler's
   * clock under TestScheduler). Latency/staleness figures use it; absent, `timestamp` stands in.
   */
  capturedAt?: number;
}

/** A video frame entering the pipeline, before estimation. `I` is the image (ImageBitmap, VideoFrame, ...). */
export interface SourceFrame<I = unknown> {
  index: number;
  /** Media timestamp, ms (strictly increasing within a source). */
  timestamp: number;
  /** Capture time on the monitor clock (see PoseFrame.capturedAt). */
  capturedAt?: number;
  image: I;
  width: number;
  height: number;
}

/** Which hand feeds a window. */
export type HandSelector = 'first' | 'Left' | 'Right' | 'largest' | ((frame: PoseFrame) => Hand | undefined);

/**
 * The last N hand frames, as `slidingWindow` emits them. `frames` is a fresh array each emission (no copy of
 * the landmarks themselves); `pack()` builds the N x 21 x 3 `Float32Array` only when called, so windows that
 * are dropped never pay for it.
 */
export interface PoseWindow {
  /** Number of frames (N). */
  size: number;
  /** The frames, oldest first. */
  frames: readonly PoseFrame[];
  /** The hand of each frame that fed the window (same order as `frames`). */
  hands: readonly Hand[];
  /** Timestamp of the oldest and newest frame, ms. */
  startTimestamp: number;
  endTimestamp: number;
  /** endTimestamp - startTimestamp, ms: dropped frames stretch a window in time. */
  span: number;
  /**
   * How much of `span` real frames cover, ms: `span` except in a resampled window that `resample.minDurationMs`
   * let start early, whose instants before its first frame hold that frame. Absent (a window built by hand): `span`.
   */
  coveredMs?: number;
  /** Index of the newest frame. */
  endIndex: number;
  /** Capture time of the newest frame on the monitor clock (its capturedAt, else its timestamp). */
  capturedAt: number;
  /** When this window left the sliding window (performance.now() clock of the emitting thread, or the scheduler's clock). */
  emittedAt: number;
  /** Packs the window into a new N*21*3 Float32Array (frame-major, then landmark, then x,y,z). */
  pack(): Float32Array;
}

/** One class score, like MediaPipe's `Category`. */
export interface Category {
  categoryName: string;
  score: number;
  index: number;
}

/** A classifier's verdict on one window. */
export interface Prediction {
  /** Best label and its score. */
  label: string;
  score: number;
  /** Every class, in the model's label order. */
  categories: Category[];
  /** The classified window's newest frame: its timestamp and index. */
  windowEndTimestamp: number;
  windowEndIndex: number;
  /** When classification started and finished (clock of the thread that called the classifier). */
  startedAt: number;
  finishedAt: number;
}

/**
 * Why a gesture was cut short (`GestureEvent.reason`, on an `end` only):
 * - `'restart'`: a worker of the pipeline crashed, exited or hung and is being restarted (or its stream was started
 *   over): the predictions that would have ended the gesture are gone with it;
 * - `'disposed'`: the pipeline was disposed while the gesture was held;
 * - `'error'`: the stream stopped with an error (the pipeline's status is then `'error'`).
 */
export type GestureEndReason = 'restart' | 'disposed' | 'error';

/**
 * A gesture held stable over several predictions. `phase: 'start'` when it begins, `'end'` when it stops.
 *
 * The contract (as DOM pointer events promise a `pointerup` or a `pointercancel` after every `pointerdown`): every
 * `start` is followed by exactly one `end` of the same label, and no other event comes in between. An `end` without
 * `reason` is one the predictions made (they stopped agreeing, or the source ended); an `end` with `reason` says the
 * gesture was cut short (see {@link GestureEndReason}) and comes as soon as the fault is noticed: in
 * `createHandGesturePipeline` on both paths, for either worker, for a crash, a silent exit or a hang (noticed within
 * about 3 s), and on `dispose()`. The pipeline's `gesture$` is `null` again with that `end`. A cut-short `end`
 * carries what was known of the gesture: its label, mean score and start, and the last prediction that agreed.
 * After it the gesture tracker starts afresh: a gesture still held after a restart starts again once enough new
 * predictions agree.
 */
export interface GestureEvent {
  type: 'gesture';
  phase: 'start' | 'end';
  label: string;
  score: number;
  startFrame: number;
  endFrame: number;
  startT: number;
  endT: number;
  /** On an `end` that cut the gesture short only: why. Absent on every `start` and on the ends the predictions made. */
  reason?: GestureEndReason;
}

/** What a classifier is told about a window besides its landmarks (a recogniser in physical units needs it). */
export interface WindowContext {
  /** Image width / height of the window's newest frame (1 when the frame does not say). */
  aspect: number;
  /** The window's span, ms (a resampled window's instants are evenly spaced over it). */
  spanMs: number;
  /**
   * How much of the span real frames cover, ms: less than `spanMs` when `resample.minDurationMs` let the window
   * start before the hand had been seen for its whole span (the instants before hold the first frame).
   */
  coveredMs: number;
}

/** Something that turns a packed window into class scores (one per label, model order). */
export interface WindowClassifier {
  labels: readonly string[];
  classify(window: Float32Array, shape: readonly [number, number, number], context?: WindowContext): Promise<Float32Array | number[]>;
}

/** The pipeline stages that `pipelineStats` reports on. */
export type Stage = 'source' | 'estimator' | 'window' | 'classifier' | 'display';

/**
 * One thing that happened at a stage, as operators report it to a {@link PipelineMonitor}.
 * - `emit`: the stage produced a value (`captureT` = capture timestamp of the newest frame it carries).
 * - `drop`: the stage dropped a value (a replaced pending frame, a window that arrived while busy).
 * - `start` / `end`: the stage began / finished work on one value (`waitMs` on `start` = how long the value
 *   waited after it became available; `captureT` = capture time of its newest frame).
 * - `lost`: the work on one value failed and the stage carried on without it (a worker call lost to a crash or a
 *   timeout); it ends that value's `start` like an `end` does. `message` says why.
 * - `restart`: a worker of the stage was restarted (`message`: why). The pipeline factory records it from the
 *   worker's `onRestart`; anyone may record it through {@link PipelineMonitor.record}.
 */
export interface StageEvent {
  stage: Stage;
  kind: StageEventKind;
  /** When it happened (the monitor's clock, ms). */
  t: number;
  captureT?: number;
  waitMs?: number;
  /** For `lost` and `restart`: the error's message. */
  message?: string;
}

/** What a {@link StageEvent} says happened. */
export type StageEventKind = 'emit' | 'drop' | 'start' | 'end' | 'lost' | 'restart';

/** Where operators report what they do. `createPipelineMonitor()` makes one; `pipelineStats` reads it. */
export interface PipelineMonitor {
  /** The clock every stage uses, ms (performance.now() by default; a scheduler's now() in tests). */
  now(): number;
  /**
   * Records one event, stamped with `now()` unless it carries `t`. Public on purpose: code outside the operators
   * reports what only it sees, e.g. `monitor.record({ stage: 'classifier', kind: 'restart', message: error.message })`
   * from a worker's `onRestart`.
   */
  record(event: Omit<StageEvent, 't'> & { t?: number }): void;
}

/** Percentiles of a set of durations, ms. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/** A snapshot of the pipeline, emitted by `pipelineStats`. */
export interface PipelineStats {
  /** Length of the measurement window this snapshot covers, ms. */
  windowMs: number;
  /** Values emitted per second, per stage. */
  fps: Record<Stage, number>;
  /**
   * Totals since the monitor was created. `droppedFrames` counts frames left out at the frame stages: by the
   * estimator while busy (`estimateHands`), and on the off-main-thread path also camera frames the estimator never
   * read (dropped inside the browser's `MediaStreamTrackProcessor`, as `'source'` drops).
   */
  droppedFrames: number;
  droppedWindows: number;
  /**
   * Values lost to a failed worker call (`lost` events) at the frame stages ('source', 'estimator', 'display') and
   * at the window stages ('window', 'classifier'), and worker restarts at any stage: totals since the monitor was
   * created in `pipelineStats`, counts in the range in `summarizeStats`.
   */
  lostFrames: number;
  lostWindows: number;
  restarts: number;
  /** The message of the latest `lost` or `restart` event, when there was one. */
  lastError?: string;
  /** Fraction (0..1) of the measurement window the classifier spent working. */
  classifierBusy: number;
  /** Capture of a frame to its landmarks arriving (estimator `emit`), ms. */
  landmarkAge: Percentiles;
  /** How long a window waited between leaving the sliding window and its classification starting, ms. */
  windowWait: Percentiles;
  /** Capture of a window's newest frame to its classification starting / its result arriving, ms. */
  captureToStart: Percentiles;
  captureToResult: Percentiles;
}
