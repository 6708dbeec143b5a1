/**
 * The shapes every posestream stage shares. They mirror MediaPipe's HandLandmarker results
 * (`NormalizedLandmark`, `Category`) so a tasks-vision result maps onto them without renaming.
 */

/** One landmark. `x` and `y` are normalised to the image width/height (0..1); `z` is relative depth, wrist origin. */
export interface Landmark {
  /** Horizontal position as a fraction of the image width (0 left edge .. 1 right edge; a little outside when the hand is cut off). */
  x: number;
  /** Vertical position as a fraction of the image height (0 top edge .. 1 bottom edge). */
  y: number;
  /** Depth relative to the wrist, about the scale of `x` (smaller is nearer the camera); world landmarks: metres. */
  z: number;
}

/** Which hand, as the estimator reports it for the image it saw (tasks-vision's convention). */
export type Handedness = 'Left' | 'Right';

/** One detected hand: handedness with its score, 21 image landmarks and, when the estimator gives them, 21 world landmarks (metres). */
export interface Hand {
  /** `'Left'` or `'Right'`, as the estimator labels the hand in the image it saw. */
  handedness: Handedness;
  /** Handedness/presence score, 0..1. */
  score: number;
  /** Exactly 21 landmarks, in MediaPipe's order (0 wrist, 4 thumb tip, 8 index tip, ...). */
  landmarks: Landmark[];
  /** The same 21 points in metres around the hand's centre, when the estimator gives them (MediaPipe's world landmarks). */
  worldLandmarks?: Landmark[];
}

/** All hands seen in one video frame. */
export interface PoseFrame {
  /** Frame index in its source, 0-based. */
  index: number;
  /** Capture timestamp in milliseconds (source clock). */
  timestamp: number;
  /** Every hand seen in the frame, possibly none (in the estimator's order, at most `numHands`). */
  hands: Hand[];
  /** Width of the image the landmarks were estimated on, in pixels. */
  width?: number;
  /** Height of the image the landmarks were estimated on, in pixels. */
  height?: number;
  /**
   * When the frame was captured on the pipeline's monitor clock (performance.now() in a page, the scheduler's
   * clock under TestScheduler). Latency/staleness figures use it; absent, `timestamp` stands in.
   */
  capturedAt?: number;
}

/** A video frame entering the pipeline, before estimation. `I` is the image (ImageBitmap, VideoFrame, ...). */
export interface SourceFrame<I = unknown> {
  /** Frame index in its source, 0-based. */
  index: number;
  /** Media timestamp, ms (strictly increasing within a source). */
  timestamp: number;
  /** Capture time on the monitor clock (see PoseFrame.capturedAt). */
  capturedAt?: number;
  /** The picture itself (owned by the pipeline from here on: the estimator closes it). */
  image: I;
  /** Width of `image`, pixels. */
  width: number;
  /** Height of `image`, pixels. */
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
  /** Timestamp of the oldest frame, ms (source clock). */
  startTimestamp: number;
  /** Timestamp of the newest frame, ms (source clock). */
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
  /** The class's label, e.g. `'swipe_left'`. */
  categoryName: string;
  /** The class's score, 0..1 (scores of one prediction need not sum to 1). */
  score: number;
  /** Position of the class in the model's label order, 0-based. */
  index: number;
}

/** A classifier's verdict on one window. */
export interface Prediction {
  /** Best label (the classifier's "nothing" class, e.g. `'none'`, when no gesture wins). */
  label: string;
  /** Score of `label`, 0..1. */
  score: number;
  /** Every class, in the model's label order. */
  categories: Category[];
  /** Timestamp of the classified window's newest frame, ms (source clock). */
  windowEndTimestamp: number;
  /** Index of the classified window's newest frame. */
  windowEndIndex: number;
  /** When classification started, ms (clock of the thread that called the classifier). */
  startedAt: number;
  /** When classification finished, ms (same clock as `startedAt`). */
  finishedAt: number;
  /**
   * Where in the window the classifier found `label`, when it says (a taught template model does; absent otherwise
   * and for the "nothing" class): the timestamps of the first and last frame of the matched stretch, ms (source
   * clock). `stableGestures` uses it to tell a second performance of a held gesture from the same one seen again.
   */
  match?: {
    /** Timestamp of the matched stretch's first frame, ms (source clock). */
    startTimestamp: number;
    /** Timestamp of the matched stretch's last frame, ms (source clock). */
    endTimestamp: number;
  };
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
  /** Always `'gesture'` (tells these events apart in a merged stream). */
  type: 'gesture';
  /** `'start'` when the gesture becomes stable, `'end'` when it stops (every `start` gets one `end`). */
  phase: 'start' | 'end';
  /** The gesture's label, e.g. `'swipe_right'`; an `end` has the label of its `start`. */
  label: string;
  /** Mean score (0..1) of the agreeing predictions so far. */
  score: number;
  /** Index of the newest frame of the first agreeing prediction's window. */
  startFrame: number;
  /** Index of the newest frame of the latest agreeing prediction's window (on `start`: the one that made it stable). */
  endFrame: number;
  /** Timestamp of the frame `startFrame`, ms (source clock). */
  startT: number;
  /** Timestamp of the frame `endFrame`, ms (source clock). */
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
  /** The class labels, in the order of the scores `classify` returns. */
  labels: readonly string[];
  /**
   * Scores one packed window (`shape` = [frames, 21, 3]): one score per label, 0..1, in `labels` order (with
   * `reportsMatch`, followed by the two frame indices of the match).
   */
  classify(window: Float32Array, shape: readonly [number, number, number], context?: WindowContext): Promise<Float32Array | number[]>;
  /**
   * Whether `classify` returns two more values after the scores: the first and last frame index (0-based, in the
   * window) of the stretch where the best label was found, -1 and -1 when it found none; they become
   * {@link Prediction.match}.
   * @default false
   */
  reportsMatch?: boolean;
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
  /** The stage it happened at. */
  stage: Stage;
  /** What happened (see the list above). */
  kind: StageEventKind;
  /** When it happened (the monitor's clock, ms). */
  t: number;
  /** On `emit` and `start`: capture time of the newest frame the value carries, ms (monitor clock). */
  captureT?: number;
  /** On `start`: how long the value waited after it became available, ms. */
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
  /** Median, ms. */
  p50: number;
  /** 95th percentile, ms. */
  p95: number;
  /** 99th percentile, ms. */
  p99: number;
  /** Largest value, ms. */
  max: number;
  /** How many values were measured (0: every figure is 0). */
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
  /** Windows left unclassified since the monitor was created: the classifier was busy and a newer one replaced them. */
  droppedWindows: number;
  /**
   * Values lost to a failed worker call (`lost` events) at the frame stages ('source', 'estimator', 'display') and
   * at the window stages ('window', 'classifier'), and worker restarts at any stage: totals since the monitor was
   * created in `pipelineStats`, counts in the range in `summarizeStats`.
   */
  lostFrames: number;
  /** Windows lost to a failed classifier call (see `lostFrames`). */
  lostWindows: number;
  /** Worker restarts at any stage (see `lostFrames`). */
  restarts: number;
  /** The message of the latest `lost` or `restart` event, when there was one. */
  lastError?: string;
  /** Fraction (0..1) of the measurement window the classifier spent working. */
  classifierBusy: number;
  /** Capture of a frame to its landmarks arriving (estimator `emit`), ms. */
  landmarkAge: Percentiles;
  /** How long a window waited between leaving the sliding window and its classification starting, ms. */
  windowWait: Percentiles;
  /** Capture of a window's newest frame to its classification starting, ms. */
  captureToStart: Percentiles;
  /** Capture of a window's newest frame to its prediction arriving, ms. */
  captureToResult: Percentiles;
}
