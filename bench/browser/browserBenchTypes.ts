/** The browser benchmark's output contract (`npm run bench:browser`): one JSON object per line. */

/** Scenarios: the estimator worker's round trip vs its in-worker detect time, and the demo's display smoothness. */
export type BrowserScenario = 'roundtrip' | 'display';

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

/** One line of `bench:browser` output. */
export type BrowserBenchRecord = RoundtripRecord | DisplayRecord;
