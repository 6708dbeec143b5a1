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
  /** The frame stream, or a function making it (called once the worker is initialised, just before the transfer). */
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

/** What the classifier worker's `streamGestures` resolves to when its stream ends. */
export interface GestureStreamSummary {
  /** Predictions made (windows classified). */
  predictions: number;
  /** Gesture events posted (starts and ends). */
  gestures: number;
}

/** What the page sends the classifier worker's `streamGestures`. */
export interface GestureStreamRequest {
  /** From the hand-landmarker worker: packed pose frames and monitor events, then `{ type: 'end' }`. */
  poses: MessagePort;
  /** To the page: predictions, gesture events, stats snapshots, then `{ type: 'end' }`. */
  page: MessagePort;
  /** The page's `performance.timeOrigin`: predictions, events and stats are stamped on the page's clock. */
  pageTimeOrigin: number;
  /** `slidingWindow`'s frames per window, resampling, missing-hand policy and longest bridged gap. */
  window: {
    /** Instants per window. */
    frames: number;
    /** The span the instants cover, ms. */
    durationMs: number;
    /** The least span real frames must cover before a first window, ms. @default durationMs */
    minDurationMs?: number;
    /** What a frame without a hand does to the window. */
    onMissingHand: MissingHandPolicy;
    /** The longest gap without a hand `'hold'` / `'skip'` bridge, ms. */
    maxGapMs: number;
  };
  /** `stableGestures` settings. */
  gestures: GestureTrackerOptions;
  /** `classifyLatest` policy. */
  policy: ClassifyPolicy;
  /** `pipelineStats` of the worker's monitor (source, estimator, window, classifier): how often, over how long, ms. */
  stats: {
    /** How often a snapshot is posted, ms. */
    intervalMs: number;
    /** The span each snapshot measures, ms. */
    windowMs: number;
  };
  /**
   * The page's shared results (cross-origin isolated pages): predictions are written into its ring and the doorbell
   * rung, not posted. @default undefined (a `prediction` message each)
   */
  shared?: SharedResults;
}

/** A message on the pose channel (estimator → gesture worker). */
export type PoseChannelMessage =
  | {
      /** A pose frame. */
      type: 'pose';
      /** The pose frame, packed (transferred). */
      data: Float64Array;
      /** The estimator's monitor events since the last message, when there are any. */
      events?: StageEvent[];
    }
  | {
      /** Monitor events only (no pose frame came with them). */
      type: 'events';
      /** The estimator's monitor events since the last message. */
      events: StageEvent[];
    }
  | {
      /** The frame stream ended; nothing follows. */
      type: 'end';
    };

/** A message from the hand-landmarker worker to the page. */
export type HandStreamMessage = {
  /** The latest pose frame. */
  type: 'pose';
  /** The pose frame, packed (transferred). */
  data: Float64Array;
};

/**
 * A message from the gesture worker to the page (`'end'` last, once the pose channel ended and all is sent). With
 * shared results, `predictions` on `gesture` and `end` are those the full ring kept back: they come after what the
 * ring holds and before the event.
 */
export type GestureStreamMessage =
  | {
      /** One prediction (without shared results). */
      type: 'prediction';
      /** The prediction. */
      prediction: Prediction;
    }
  | {
      /** A gesture event. */
      type: 'gesture';
      /** The event. */
      event: GestureEvent;
      /** Predictions the full shared ring kept back, which come before the event. */
      predictions?: Prediction[];
    }
  | {
      /** A stats snapshot of the worker's monitor. */
      type: 'stats';
      /** The snapshot. */
      stats: PipelineStats;
    }
  | {
      /** The stream ended; nothing follows. */
      type: 'end';
      /** Predictions the full shared ring kept back, which come before the end. */
      predictions?: Prediction[];
    };
