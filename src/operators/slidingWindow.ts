import { Observable, type OperatorFunction } from 'rxjs';
import { subscribeLinked } from './subscribeLinked.js';
import { InvalidPoseError } from '../errors.js';
import { createPoseWindow, type WindowEntry } from '../filters/createPoseWindow.js';
import { checkNumberOption, InvalidOptionError } from '../filters/InvalidOptionError.js';
import { createRingBuffer } from '../filters/ringBuffer.js';
import { selectHand } from '../filters/selectHand.js';
import { validateHand, validatePoseFrame } from '../filters/validateHand.js';
import type { PoseFrame, PoseWindow } from '../types.js';
import type { SlidingWindowOptions } from './operatorTypes.js';

const WHERE = 'slidingWindow';

// Without a monitor, `emittedAt` is performance.now() read once per synchronous turn: a clock read can cost more
// than everything else slidingWindow does per frame (a syscall on some VMs), and windows emitted in one synchronous
// burst (a replay) are emitted at the same moment as far as any consumer can tell. The cache clears in a microtask.
let turnNow: number | undefined;
const endTurn = (): void => {
  turnNow = undefined;
};
function nowThisTurn(): number {
  if (turnNow === undefined) {
    turnNow = performance.now();
    queueMicrotask(endTurn);
  }
  return turnNow;
}

/**
 * Turns pose frames into overlapping windows of the last N hand frames, `bufferCount(N, 1)` style, in O(1) per frame.
 *
 * Frames are kept in a ring buffer whose snapshots are free, and each window builds its `frames`, `hands` and
 * `pack()` only when read, so windows dropped downstream (by `classifyLatest`) cost O(1) whatever N. A window is
 * emitted once N frames are buffered, then every `hop`-th frame; no partial window is emitted on completion.
 * Frames whose selected hand is missing follow `onMissingHand`; `'hold'` and `'skip'` bridge a missing hand for at
 * most `maxGapMs`, a longer gap empties the window. With `resample`, windows hold N evenly spaced
 * instants over the last `durationMs` (linear interpolation by timestamp; timestamps must then never decrease, and of
 * frames with equal timestamps the later one counts, as a recording allows) and start
 * once the buffered frames cover `minDurationMs` (default `durationMs`; see `coveredMs`). Each frame is validated (21 finite landmarks per hand) and a bad one
 * errors the stream with an `InvalidPoseError` naming the frame. `emittedAt` comes from `monitor.now()`, else from
 * `performance.now()` read once per synchronous turn (windows of one synchronous burst share it); a monitor also
 * gets a window `emit` event per window. Like `bufferCount`, it is linked to its subscriber before subscribing to
 * the source, so `take(n)` after it stops a synchronous source after the frames that n windows need.
 *
 * @param size Frames per window, an integer >= 1 (ignored when `options.resample` is set). @default 30
 * @example
 * ```ts
 * import { slidingWindow } from 'posestream';
 * const windows$ = poses$.pipe(slidingWindow(30, { hand: 'Right', onMissingHand: 'hold' }));
 * windows$.subscribe((w) => console.log(w.endIndex, w.pack().length)); // 30 * 21 * 3
 * ```
 */
export function slidingWindow(size = 30, options: SlidingWindowOptions = {}): OperatorFunction<PoseFrame, PoseWindow> {
  const { hop = 1, onMissingHand = 'reset', maxGapMs = 500, hand: selector = 'first', resample, monitor } = options;
  checkNumberOption(WHERE, 'hop', hop, { min: 1, integer: true });
  if (maxGapMs !== Infinity) checkNumberOption(WHERE, 'maxGapMs', maxGapMs, { min: 0 });
  if (onMissingHand !== 'reset' && onMissingHand !== 'hold' && onMissingHand !== 'skip') {
    throw new InvalidOptionError(WHERE, 'onMissingHand', "'reset', 'hold' or 'skip'", onMissingHand);
  }
  if (resample) {
    checkNumberOption(WHERE, 'resample.frames', resample.frames, { min: 1, integer: true });
    checkNumberOption(WHERE, 'resample.durationMs', resample.durationMs, { min: 0, exclusiveMin: true });
    if (resample.minDurationMs !== undefined) {
      checkNumberOption(WHERE, 'resample.minDurationMs', resample.minDurationMs, { min: 0, max: resample.durationMs });
    }
  } else {
    checkNumberOption(WHERE, 'size', size, { min: 1, integer: true });
  }
  const minCover = resample?.minDurationMs ?? resample?.durationMs ?? 0;
  const spec = resample ? { frames: resample.frames, durationMs: resample.durationMs, minDurationMs: minCover } : undefined;
  const customSelector = typeof selector === 'function';

  return (source) =>
    new Observable<PoseWindow>((subscriber) => {
      const ring = createRingBuffer<WindowEntry>(spec ? Infinity : size);
      let lastHand: WindowEntry['hand'] | undefined;
      // timestamp of the last frame that had the selected hand, and whether a frame without it came since (maxGapMs)
      let lastSeenAt: number | undefined;
      let missing = false;
      let full = 0;
      const empty = (): undefined => {
        ring.clear();
        full = 0;
        lastHand = undefined;
        lastSeenAt = undefined;
        missing = false;
        return undefined;
      };
      const gapOver = (timestamp: number): boolean => lastSeenAt !== undefined && timestamp - lastSeenAt > maxGapMs;

      // Buffers one frame; returns the window to emit, if any.
      const onFrame = (frame: PoseFrame): PoseWindow | undefined => {
        validatePoseFrame(frame, WHERE);
        let hand = selectHand(frame, selector);
        if (hand !== undefined && customSelector) validateHand(hand, frame.index, frame.hands.indexOf(hand), WHERE);
        if (hand === undefined) {
          if (onMissingHand === 'reset' || gapOver(frame.timestamp)) return empty();
          missing = true;
          if (onMissingHand === 'skip' || lastHand === undefined) return undefined;
          hand = lastHand;
        } else {
          if (missing && gapOver(frame.timestamp)) empty(); // a slow stream whose every frame has the hand has no gap
          missing = false;
          lastSeenAt = frame.timestamp;
        }
        lastHand = hand;
        if (spec) {
          if (ring.length > 0) {
            const previous = ring.at(ring.length - 1).frame;
            if (frame.timestamp < previous.timestamp) {
              throw new InvalidPoseError(
                `${WHERE}: frame ${frame.index}: timestamp ${frame.timestamp} is before frame ${previous.index}'s ${previous.timestamp} (resample needs timestamps that never decrease)`,
                frame.index,
              );
            }
          }
          ring.push({ frame, hand });
          const windowStart = frame.timestamp - spec.durationMs;
          while (ring.length >= 2 && ring.at(1).frame.timestamp <= windowStart) ring.dropOldest();
          if (ring.at(0).frame.timestamp > frame.timestamp - minCover) return undefined;
        } else {
          ring.push({ frame, hand });
          if (ring.length < size) return undefined;
        }
        full++;
        if ((full - 1) % hop !== 0) return undefined;
        const emittedAt = monitor ? monitor.now() : nowThisTurn();
        const window = createPoseWindow(ring.snapshot(), emittedAt, spec);
        monitor?.record({ stage: 'window', kind: 'emit', t: emittedAt, captureT: window.capturedAt });
        return window;
      };

      subscribeLinked(source, subscriber, {
        next: (frame) => {
          let window: PoseWindow | undefined;
          try {
            window = onFrame(frame);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          if (window) subscriber.next(window);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        empty();
      };
    });
}
