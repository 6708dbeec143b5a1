/**
 * The messages of the off-main-thread pipeline: what the page sends its two workers to start streaming, and what
 * crosses the three `MessagePort`s (estimator → gesture worker, estimator → page, gesture worker → page).
 * Landmarks always cross as transferred `Float64Array`s (`packPoseFrame`); predictions and gesture events are a
 * few numbers each and are cloned.
 */
import type { GestureTrackerOptions } from '../filters/handMathTypes.js';
import type { ClassifyPolicy, MissingHandPolicy } from '../operators/operatorTypes.js';
import type { GestureEvent, PipelineStats, Prediction, StageEvent } from '../types.js';
import type { SharedResults } from './sharedResults.js';

/** What the page sends the hand-landmarker worker's `streamHands`. */
export interface HandStreamRequest {
  /** A `MediaStreamTrackProcessor`'s `readable`, transferred. */
  frames: ReadableStream<VideoFrame>;
  /** To the gesture worker: every pose frame, packed and transferred, and monitor events; then `{ type: 'end' }`. */
  poses: MessagePort;
  /** To the page: the latest pose frame, each time the page asks (`{ type: 'next' }`). */
  page: MessagePort;
  /** The page's `performance.timeOrigin`: capture times and events are stamped on the page's clock. */
  pageTimeOrigin: number;
  /** `fromVideoFrameStream`'s clock for `timestamp`. @default 'capture' */
  clock?: 'media' | 'capture';
  /**
   * The page's shared results (cross-origin isolated pages): the latest pose frame is written there, at most once
   * per animation frame, and the doorbell rung; the page never asks. @default undefined (messages on `page`)
   */
  shared?: SharedResults;
}

/**
 * What the page passes `createHandEstimatorWorker`'s `streamHands`: a `HandStreamRequest` whose `frames` may be a
 * function making the stream, called once the worker is initialised, just before the transfer.
 */
export type HandStreamClientRequest = Omit<HandStreamRequest, 'frames'> & {
  frames: ReadableStream<VideoFrame> | (() => ReadableStream<VideoFrame>);
};

/** What `streamHands` resolves to when the frame stream ends (or `stopHands()` stopped it). */
export interface HandStreamSummary {
  /** Frames read from the stream. */
  frames: number;
  /** Pose frames estimated. */
  poses: number;
  /** Frames dropped because the estimator was busy (closed, never estimated). */
  dropped: number;
}

/** What the page sends the classifier worker's `streamGestures`. */
export interface GestureStreamRequest {
  /** From the hand-landmarker worker: packed pose frames and monitor events, then `{ type: 'end' }`. */
  poses: MessagePort;
  /** To the page: predictions, gesture events, stats snapshots, then `{ type: 'end' }`. */
  page: MessagePort;
  pageTimeOrigin: number;
  /** `slidingWindow`'s frames per window, resampling, missing-hand policy and longest bridged gap. */
  window: { frames: number; durationMs: number; minDurationMs?: number; onMissingHand: MissingHandPolicy; maxGapMs: number };
  /** `stableGestures` settings. */
  gestures: GestureTrackerOptions;
  /** `classifyLatest` policy. */
  policy: ClassifyPolicy;
  /** `pipelineStats` of the worker's monitor (source, estimator, window, classifier): how often, over how long, ms. */
  stats: { intervalMs: number; windowMs: number };
  /**
   * The page's shared results (cross-origin isolated pages): predictions are written into its ring and the doorbell
   * rung, not posted. @default undefined (a `prediction` message each)
   */
  shared?: SharedResults;
}

/** A message on the pose channel (estimator → gesture worker). */
export type PoseChannelMessage =
  | { type: 'pose'; data: Float64Array; events?: StageEvent[] }
  | { type: 'events'; events: StageEvent[] }
  | { type: 'end' };

/** A message from the hand-landmarker worker to the page. */
export type HandStreamMessage = { type: 'pose'; data: Float64Array };

/**
 * A message from the gesture worker to the page (`'end'` last, once the pose channel ended and all is sent). With
 * shared results, `predictions` on `gesture` and `end` are those the full ring kept back: they come after what the
 * ring holds and before the event.
 */
export type GestureStreamMessage =
  | { type: 'prediction'; prediction: Prediction }
  | { type: 'gesture'; event: GestureEvent; predictions?: Prediction[] }
  | { type: 'stats'; stats: PipelineStats }
  | { type: 'end'; predictions?: Prediction[] };
