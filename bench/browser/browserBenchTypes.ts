/** The browser benchmark's output contract (`npm run bench:browser`): one JSON object per line. */

/**
 * Scenarios: the estimator worker's round trip vs its in-worker detect time, the demo's display smoothness, and the
 * demo's recognition under main-thread long tasks on each pipeline path.
 */
export type BrowserScenario = 'roundtrip' | 'display' | 'longtasks' | 'teach';

/** The live pipeline's path (`createHandGesturePipeline`'s `runOn`, `pipeline.runsOn`). */
export type PipelinePath = 'workers' | 'main-thread';

/** The classifier policy of a display row (the demo's "while busy" switch). */
export type DisplayPolicy = 'drop' | 'latest';

/** The hand-landmarker model variant. */
export type LandmarkerVariant = 'full' | 'lite';

/**
 * A `roundtrip` row (`row` = the model variant): per-frame timings of `createHandEstimatorWorker` over real
 * 640x480 video frames (ImageBitmaps transferred), warm-up frames left out.
 */
export interface RoundtripRecord {
  scenario: 'roundtrip';
  row: LandmarkerVariant;
  width: number;
  height: number;
  /** Frames measured (after the warm-up). */
  frames: number;
  warmupFrames: number;
  /** Measured frames in which the landmarker found a hand (proves the frames were real hands). */
  handFrames: number;
  detectP50Ms: number | null;
  detectP95Ms: number | null;
  roundTripP50Ms: number | null;
  roundTripP95Ms: number | null;
  /** Per-frame round trip minus detect (transfer, messaging, result cloning), ms. */
  overheadP50Ms: number | null;
  overheadP95Ms: number | null;
  /** roundTripP50Ms / detectP50Ms (target <= 1.1). */
  roundTripRatio: number | null;
  /** Frames per second the worker sustains fed back to back: 1000 / mean round trip. */
  estimatorFps: number | null;
  /** 1-minute load average of the machine when the row finished. */
  loadAvg1m: number;
}

/**
 * A `display` row (`row` = `<policy>-<classifierDelayMs>`, e.g. `drop-0`, `latest-500`): the demo on the fake
 * camera, measured over `seconds` on the page's main thread.
 */
export interface DisplayRecord {
  scenario: 'display';
  row: string;
  policy: DisplayPolicy;
  classifierDelayMs: number;
  landmarker: LandmarkerVariant;
  /** The fake camera's nominal frame interval, ms (30 fps). */
  cameraIntervalMs: number;
  /** Measured time, s (page clock). */
  seconds: number;
  /** requestVideoFrameCallback intervals of the shown `<video>`. */
  intervals: number;
  displayP50Ms: number | null;
  displayP95Ms: number | null;
  displayP99Ms: number | null;
  displayMaxMs: number | null;
  /** Frames the compositor presented that the callback did not see. */
  missedCallbacks: number;
  /** Pose frames out of the estimator per second. */
  estimatorFps: number;
  /** Predictions out of the classifier per second. */
  classifierFps: number;
  /** Duration of the classify calls (artificial delay included), ms. */
  classifyP50Ms: number | null;
  /** Windows the classifier stage dropped while busy, during the measurement. */
  droppedWindows: number;
  loadAvg1m: number;
}

/**
 * A `longtasks` row (`row` = `<path>-<longTaskMs>`, e.g. `workers-500`): the demo on the fake camera playing a real
 * swipe video, asked to run on `path`, with a synchronous busy loop of `longTaskMs` on the page's main thread every
 * second, measured over `seconds` after settling.
 */
export interface LongTaskRecord {
  scenario: 'longtasks';
  row: string;
  /** The path asked for (the demo's `runOn`). */
  path: PipelinePath;
  /** The path the pipeline reported running on (`pipeline.runsOn`); differs from `path` on builds without it. */
  runsOn: PipelinePath | null;
  /** Busy loop on the main thread every second, ms. */
  longTaskMs: number;
  landmarker: LandmarkerVariant;
  /** Measured time, s (page clock). */
  seconds: number;
  /**
   * Frames the estimator turned into landmarks per second: the mean of the stats snapshots' `fps.estimator` during
   * the measurement (each over its last 2 s); null without snapshots.
   */
  estimatorFps: number | null;
  /** Pose frames reaching the page (`poses$`) per second: on the workers path at most one per animation frame. */
  posesToPageFps: number;
  /** Predictions reaching the page per second. */
  predictionsPerS: number;
  /** `estimatorFps` / `predictionsPerS` as % of the same path's 0 ms row of this run (null without that row). */
  estimatorKeptPct: number | null;
  predictionsKeptPct: number | null;
  /** Gesture start events during the measurement, and their labels in order. */
  gestures: number;
  gestureLabels: string[];
  /** Capture of the newest frame of the window that started a gesture to the page hearing of it, ms. */
  gestureLatencyP50Ms: number | null;
  gestureLatencyP95Ms: number | null;
  /** Capture of a frame to its landmarks reaching the demo's drawing code (`poses$` emission), ms. */
  landmarkLatencyP50Ms: number | null;
  landmarkLatencyP95Ms: number | null;
  /**
   * posestream's own main-thread time per pose frame reaching the page (`stats.mainThread`, wall-clock ms), from the
   * stats snapshots of the measurement (each over its last 2 s): the median of their p50s and of their p95s, and the
   * largest p95 (the worst 2 s; an upper bound of the whole measurement's p95). Null when the stats lack it.
   */
  mainThreadP50Ms: number | null;
  mainThreadP95Ms: number | null;
  mainThreadWorstP95Ms: number | null;
  /**
   * Two `performance.now()` reads back to back at each pose frame on the demo page (`clockFloorMs`), ms: what a
   * wall-clock time per frame measures for no work at all on this page at that moment (timer steps, the thread
   * descheduled). The floor under `mainThread*`. Null without values.
   */
  clockFloorP50Ms: number | null;
  clockFloorP95Ms: number | null;
  /** `stats.droppedFrames` gained per second of the measurement (estimator drops; on the workers path also frames the processor dropped unread). */
  droppedFramesPerS: number | null;
  /** How results reached the page (`stats$`'s `resultsVia`, last snapshot); null without snapshots. */
  resultsVia: 'shared-memory' | 'messages' | null;
  /** Long-task entries (PerformanceObserver 'longtask', any task over 50 ms) seen, and their total duration, ms. */
  longTaskEntries: number;
  longTaskTotalMs: number;
  /** Busy loops the demo ran during the measurement. */
  busyLoops: number;
  loadAvg1m: number;
}

/**
 * A `teach` row (`row` = `untouched`, or `training-<gestures>x<examplesPerClass>`): the demo on the fake camera
 * playing the real swipe video (workers path), untouched or while its Teach panel trains back to back in its worker.
 */
export interface TeachRecord {
  scenario: 'teach';
  row: string;
  landmarker: LandmarkerVariant;
  /** Measured time, s (page clock). */
  seconds: number;
  /** Mean of the stats snapshots' `fps.estimator` during the row; null without snapshots. */
  estimatorFps: number | null;
  /** `estimatorFps` as % of the untouched row of this run. */
  estimatorKeptPct: number | null;
  /** Pose frames reaching the page per second. */
  posesToPageFps: number;
  /** Gestures taught (0 = untouched), takes of each and of `none`. */
  gestures: number;
  examplesPerClass: number;
  /** What the examples were: `synthetic` (a real hand moved along paths), or `none` (untouched). */
  examples: 'synthetic' | 'none';
  /** Trainings finished during the row, their wall times (click to model on the page) and the worker's own times, ms. */
  trainings: number;
  trainWallMs: number[];
  trainWorkerMs: number[];
  /** The first training's held-out event-level F1. */
  heldOutF1: number | null;
  /** Long-task entries (any task over 50 ms on the page) during the row: count, total and longest, ms. */
  longTaskEntries: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  loadAvg1m: number;
}

/** One line of `bench:browser` output. */
export type BrowserBenchRecord = RoundtripRecord | DisplayRecord | LongTaskRecord | TeachRecord;
