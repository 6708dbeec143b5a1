/**
 * `window.__posestream`: what the browser test (and a curious developer) reads from the running demo. Plain data,
 * updated in place.
 */
import type { HandGesturePipelineStats, Landmark, Percentiles, Stage } from 'posestream';
import type { LongTaskCount } from './longTasks.js';
import type { DemoRunOn, RunsOn } from './session.js';

/** The demo's live state, as exposed on `window.__posestream`. */
export interface DemoProbe {
  /** Current source: 'camera', a URL, or a file name; '' before the first one starts. */
  source: string;
  /** The latest `pipelineStats` snapshot of the current source. */
  stats: HandGesturePipelineStats | undefined;
  /** ms between successive `requestVideoFrameCallback` calls of the shown `<video>` (last 600, since the source started). */
  frameIntervals: number[];
  /** Frames the compositor presented that the callback did not see (sum of presentedFrames gaps). */
  missedCallbacks: number;
  /** Landmarks of the first hand of the latest pose frame, or null when it had no hand. */
  lastLandmarks: Landmark[] | null;
  /** Wrist x (normalised) of the first hand over time (performance.now() ms), last 600 frames with a hand. */
  wristTrack: { t: number; x: number }[];
  /** Pose frames received from the estimator, and with at least one hand. */
  poseFrames: number;
  handFrames: number;
  /** Pose frames whose index was not above the previous one's (the same frame delivered again, or out of order). */
  repeatedPoseFrames: number;
  estimator: 'idle' | 'loading' | 'ready' | 'error';
  model: { status: 'none' | 'loading' | 'loaded' | 'error'; source?: string; labels?: string[]; backend?: string };
  predictions: number;
  lastPrediction: { label: string; score: number } | null;
  /** stableGestures events, oldest first (bounded). */
  gestures: { label: string; phase: 'start' | 'end' }[];
  /** Duration of each classify call (artificial delay included), ms, last 600. */
  classifyMs: number[];
  delayMs: number;
  policy: 'latest' | 'drop';
  /** The pipeline path asked for (`?runOn=`, the *run on* select). */
  runOnRequested: DemoRunOn;
  /** The path the pipeline actually runs on (`pipeline.runsOn`); null before the first source starts. */
  runOn: RunsOn | null;
  /** Length of the busy loop run on the main thread every second, ms (0 = off). */
  longTaskMs: number;
  /** Busy loops run so far (page lifetime). */
  busyLoops: number;
  /** Long-task entries the browser reported (PerformanceObserver 'longtask'), page lifetime. */
  longTaskEntries: LongTaskCount;
  /**
   * `performance.now() - frame.capturedAt` at each `poses$` emission, i.e. when the drawing code gets the
   * landmarks, ms (last 600, since the source started).
   */
  landmarkLatencyMs: number[];
  /**
   * `performance.now() - event.endT` at each gesture start event, ms: capture of the newest frame of the window
   * that started it to the page hearing of it (camera only: a file's `endT` is media time). Last 600.
   */
  gestureLatencyMs: number[];
  /**
   * Two `performance.now()` reads back to back at each `poses$` emission, ms: what any per-frame wall-clock time on
   * this page measures for nothing at all (timer steps, the thread being descheduled), the floor under
   * `stats.mainThread`. Last 600.
   */
  clockFloorMs: number[];
  /**
   * Each stats snapshot's fps per stage, `mainThread` (posestream's own main-thread ms per pose frame; null when
   * the stats lack it) and `droppedFrames` (a running total), each over the snapshot's window (2 s). Last 600, since the source started.
   */
  statsSnapshots: { fps: Record<Stage, number>; mainThread: Percentiles | null; resultsVia: 'shared-memory' | 'messages' | null; droppedFrames: number }[];
  /** Errors shown on the page, oldest first. */
  errors: { name: string; message: string }[];
  /** The Teach panel's state. */
  teach: TeachProbe;
}

/** The Teach panel's state, as the probe shows it. */
export interface TeachProbe {
  /** Examples per label (`none` = "anything else"). */
  examples: Record<string, number>;
  /** Whether a training runs. */
  training: boolean;
  /** Each finished training: page wall time (click to model), the worker's own time, ms; held-out F1; labels; examples. */
  trainings: { wallMs: number; trainMs: number; score: number; labels: string[]; examples: number }[];
  /** The labels of the taught model in use, or null (the page's own model). */
  applied: string[] | null;
  /** The panel's last error message, or null. */
  error: string | null;
}

const LIMIT = 600;

/** Creates the probe and puts it on `window.__posestream`. */
export function createProbe(): DemoProbe {
  const probe: DemoProbe = {
    source: '',
    stats: undefined,
    frameIntervals: [],
    missedCallbacks: 0,
    lastLandmarks: null,
    wristTrack: [],
    poseFrames: 0,
    handFrames: 0,
    repeatedPoseFrames: 0,
    estimator: 'idle',
    model: { status: 'none' },
    predictions: 0,
    lastPrediction: null,
    gestures: [],
    classifyMs: [],
    delayMs: 0,
    policy: 'latest',
    runOnRequested: 'auto',
    runOn: null,
    longTaskMs: 0,
    busyLoops: 0,
    longTaskEntries: { supported: false, count: 0, totalMs: 0, maxMs: 0, recent: [] },
    landmarkLatencyMs: [],
    clockFloorMs: [],
    gestureLatencyMs: [],
    statsSnapshots: [],
    errors: [],
    teach: { examples: {}, training: false, trainings: [], applied: null, error: null },
  };
  (window as unknown as { __posestream: DemoProbe }).__posestream = probe;
  return probe;
}

/** Appends to a bounded list. */
export function pushBounded<T>(list: T[], value: T, limit = LIMIT): void {
  list.push(value);
  if (list.length > limit) list.splice(0, list.length - limit);
}

/**
 * Measures the shown video's frame callback intervals for the page's lifetime (independent of the pipeline):
 * `reset()` forgets them when the source changes. `onInterval` gets each one (for the HUD sparkline).
 */
export function watchFrameIntervals(
  video: HTMLVideoElement,
  probe: DemoProbe,
  onInterval: (ms: number) => void,
): { reset(): void } {
  let last: { now: number; presented: number } | undefined;
  const onFrame = (now: number, metadata: VideoFrameCallbackMetadata): void => {
    if (last !== undefined) {
      const interval = now - last.now;
      pushBounded(probe.frameIntervals, interval);
      probe.missedCallbacks += Math.max(0, metadata.presentedFrames - last.presented - 1);
      onInterval(interval);
    }
    last = { now, presented: metadata.presentedFrames };
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  return {
    reset() {
      last = undefined;
      probe.frameIntervals.length = 0;
      probe.missedCallbacks = 0;
    },
  };
}
