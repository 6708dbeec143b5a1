import type { ObservableInput, OperatorFunction } from 'rxjs';
import type { ResampleSpec } from '../filters/createPoseWindow.js';
import type { GestureTrackerOptions } from '../filters/handMathTypes.js';
import type { GestureEndReason, HandSelector, PipelineMonitor, SourceFrame, Stage } from '../types.js';

/** Options of `estimateHands`. */
export interface EstimateHandsOptions<I = unknown> {
  /**
   * Where to report estimator `start` (with `waitMs`, the time the frame waited as pending), `end`, `emit`
   * (`captureT` = the frame's `capturedAt ?? timestamp`) and `drop` events.
   * @default undefined (nothing is recorded)
   */
  monitor?: PipelineMonitor;
  /**
   * Called each time a pending frame is replaced by a newer one, with that frame and the number dropped so far by
   * this subscription.
   * @default undefined
   */
  onDrop?: (frame: SourceFrame<I>, dropped: number) => void;
  /**
   * Close a dropped frame's image (`ImageBitmap`/`VideoFrame` hold GPU or decoder memory until closed) when it
   * has a `close()` method. Turn off when the images are used elsewhere after estimation.
   * @default true
   */
  closeDropped?: boolean;
  /**
   * Which inner errors lose only the value instead of ending the stream. When the call for a value errors and this
   * returns true, the value is counted as lost (a `'lost'` event with the error's message on the monitor) and the
   * operator carries on as if the call had completed: the pending value, if any, starts. The default skips the
   * errors of a worker that was restarted after a crash or timeout (`createClassifierWorker({ restart: true })`
   * rejects the lost call with an Error whose `recovered` is `true`); any other error still errors the stream.
   * @default (error) => error instanceof Error && error.recovered === true
   */
  skipError?: (error: unknown) => boolean;
}

/** What to do with a frame that has no selected hand. */
export type MissingHandPolicy = 'reset' | 'hold' | 'skip';

/** Options of `slidingWindow`. */
export interface SlidingWindowOptions {
  /**
   * Emit every `hop`-th full window (an integer >= 1), counting from the first full one, like `bufferCount(N, hop)`.
   * @default 1
   */
  hop?: number;
  /**
   * A frame with no selected hand: `'reset'` empties the window (the next window needs N new frames), `'hold'`
   * repeats the last selected hand for that frame (ignored until a hand has been seen), `'skip'` ignores the frame.
   * @default 'reset'
   */
  onMissingHand?: MissingHandPolicy;
  /**
   * With `'hold'` or `'skip'`: the longest time (ms, by frame timestamps, from the last frame with the selected hand)
   * that frames may come without it and the window still bridge the gap. A hand missing for longer empties the
   * window as `'reset'` would, so a hand that leaves and comes back elsewhere does not read as one motion between
   * the two places. Frames that all have the hand never count as a gap, however far apart. `Infinity` bridges any gap.
   * @default 500
   */
  maxGapMs?: number;
  /**
   * Which hand of each frame feeds the window.
   * @default 'first'
   */
  hand?: HandSelector;
  /**
   * Resample the window to `frames` evenly spaced instants over the last `durationMs` (linear interpolation by
   * timestamp). The window's `size` is then `frames` (the operator's `size` argument is ignored), and a window is
   * emitted only once the buffered frames cover `minDurationMs` (ms, default `durationMs`): with a shorter
   * `minDurationMs` the instants before the first buffered frame hold that frame, and the window's `coveredMs`
   * says how much of its span real frames cover (a recogniser of long movements can then see a hand that has just
   * appeared without waiting for a whole window of it).
   * @default undefined (no resampling: the window holds the last `size` frames as they came)
   */
  resample?: ResampleSpec;
  /**
   * Where to report window `emit` events (`captureT` = the window's `capturedAt`); its `now()` also stamps
   * `emittedAt`.
   * @default undefined (`emittedAt` from performance.now())
   */
  monitor?: PipelineMonitor;
}

/** How `classifyLatest` treats values that arrive while the classifier is busy. */
export type ClassifyPolicy = 'latest' | 'drop';

/** Options of `classifyLatest`. */
export interface ClassifyLatestOptions<W = unknown> {
  /**
   * `'latest'` keeps the newest value that arrived while busy and classifies it as soon as the classifier frees
   * (so the last window of a stream is never lost); `'drop'` drops every value that arrives while busy
   * (`exhaustMap`).
   * @default 'latest'
   */
  policy?: ClassifyPolicy;
  /**
   * Where to report classifier `start` (`waitMs` = now - window.emittedAt when the value has one, `captureT` =
   * window.capturedAt), `emit` (per result), `end` and `drop` events.
   * @default undefined (nothing is recorded)
   */
  monitor?: PipelineMonitor;
  /**
   * Called with each dropped value and the number dropped so far by this subscription.
   * @default undefined
   */
  onDrop?: (value: W, dropped: number) => void;
  /**
   * Which inner errors lose only the value instead of ending the stream. When the call for a value errors and this
   * returns true, the value is counted as lost (a `'lost'` event with the error's message on the monitor) and the
   * operator carries on as if the call had completed: the pending value, if any, starts. The default skips the
   * errors of a worker that was restarted after a crash or timeout (`createClassifierWorker({ restart: true })`
   * rejects the lost call with an Error whose `recovered` is `true`); any other error still errors the stream.
   * @default (error) => error instanceof Error && error.recovered === true
   */
  skipError?: (error: unknown) => boolean;
}

/** Options of `exhaustLatest`. */
export interface ExhaustLatestOptions<T = unknown> {
  /**
   * `'latest'` keeps the newest value that arrived while busy and starts it as soon as the inner completes;
   * `'drop'` drops every value that arrives while busy (`exhaustMap`).
   * @default 'latest'
   */
  policy?: ClassifyPolicy;
  /**
   * Where to report `start` (with `waitMs`), `emit` (per inner value), `end` and `drop` events.
   * @default undefined (nothing is recorded)
   */
  monitor?: PipelineMonitor;
  /**
   * The stage the events are reported under.
   * @default 'classifier'
   */
  stage?: Stage;
  /**
   * Called with each dropped value and the number dropped so far by this subscription.
   * @default undefined
   */
  onDrop?: (value: T, dropped: number) => void;
  /**
   * Called with the pending value when the subscription ends before it could start (unsubscribe, or an error of
   * the source or of an inner), so a value holding memory (an `ImageBitmap`) can be freed.
   * @default undefined
   */
  onDiscard?: (value: T) => void;
  /**
   * Which inner errors lose only the value instead of ending the stream: when the inner for a value errors and
   * this returns true, the value is counted as lost (a `'lost'` event with the error's message on the monitor)
   * and the operator carries on as if the inner had completed (the pending value, if any, starts).
   * @default undefined (every inner error errors the stream)
   */
  skipError?: (error: unknown) => boolean;
  /**
   * The capture time of a value (monitor clock), reported as `captureT`.
   * @default the value's `capturedAt`, else its `timestamp`
   */
  captureT?: (value: T) => number | undefined;
  /**
   * When a value became ready, for `waitMs` on `start`.
   * @default when it arrived (a value started at once waited 0 ms)
   */
  readySince?: (value: T) => number | undefined;
}

/** An operator that also counts what it dropped, summed over all its subscriptions. */
export type CountingOperator<T, R> = OperatorFunction<T, R> & {
  /** Values dropped so far, over every subscription of this operator. */
  readonly dropped: number;
};

/** Options of `stableGestures`: the gesture tracker's, plus a way to cut the gesture in progress short. */
export interface StableGesturesOptions extends GestureTrackerOptions {
  /**
   * Each value cuts the gesture in progress short: its `end` comes at once with that `reason`, and the tracker
   * starts afresh (wire it to a worker's `onRestart`: the predictions that would have ended the gesture are gone).
   * Subscribed with the source, unsubscribed with it; an error of it errors the stream.
   * @default undefined (never)
   */
  cancel?: ObservableInput<GestureEndReason>;
}
