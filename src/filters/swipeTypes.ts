/** Option and result shapes of the swipe recogniser (`recogniseSwipe`, the `'swipes'` gesture model). */
export type { WindowContext } from '../types.js';

/** The four swipes and `none`, in the order the swipe recogniser scores them. */
export const SWIPE_LABELS = Object.freeze(['swipe_left', 'swipe_right', 'swipe_up', 'swipe_down', 'none'] as const);

/** One of {@link SWIPE_LABELS}. */
export type SwipeLabel = (typeof SWIPE_LABELS)[number];

/**
 * The physical definition of a swipe: an open hand whose palm centre travels along one image axis by a few of its
 * own palm lengths within a bounded time, then stops or turns back. Distances are in **palm lengths** (wrist to
 * middle-finger knuckle, landmarks 0 and 9, in the image plane after the aspect correction, the median over the
 * window), so they hold at any distance from
 * the camera; times are in **ms** of the frames' own timestamps, so they hold at any frame rate. The defaults were
 * set from the definition (and the stroke sizes of 28 people's swipes: 1.1-3.1 palm lengths, 10th-90th percentile)
 * and then checked on the tuning sources named in `docs/evaluation.md`, never on the sources reported there.
 */
export interface SwipeOptions {
  /**
   * Travel along the swipe's axis, palm lengths, between the stroke's extremes. A swipe travels one palm length and
   * more (28 people's: 1.1-3.1, 10th-90th percentile); below it a hand that merely shifts or drops would count.
   * @default 1
   */
  minTravel?: number;
  /**
   * Largest drift across the swipe's axis, as a fraction of the travel along it (0..1). 0.5 allows a stroke up to
   * about 27 degrees off its axis; a diagonal (1) is no swipe.
   * @default 0.5
   */
  maxCrossRatio?: number;
  /**
   * Largest path length of the palm centre over the straight distance (>= 1): 1 is a straight line. Circles, waves
   * and fidgeting make long paths for their net travel.
   * @default 1.6
   */
  maxPathRatio?: number;
  /**
   * Shortest stroke, ms (start of motion to the stop). Faster strokes are tracking jumps, not hands.
   * @default 120
   */
  minDurationMs?: number;
  /**
   * Longest stroke, ms. Slower hands are repositioning, not swiping (a deliberate swipe takes 0.25-2.5 s).
   * @default 2500
   */
  maxDurationMs?: number;
  /**
   * How long the hand must have stopped (or turned back) after the stroke before it counts, ms: the latency of a
   * swipe, and the time in which a backswing shows it was one.
   * @default 150
   */
  settleMs?: number;
  /**
   * For how long after its stop a stroke keeps being reported, ms (windows that see it predict it; `stableGestures`
   * makes one event of them).
   * @default 600
   */
  reportMs?: number;
  /**
   * A stroke that starts less than this after the hand stopped from an opposite stroke at least `returnRatio` of
   * its size is that stroke's return, ms.
   * @default 400
   */
  returnGapMs?: number;
  /**
   * See `returnGapMs`: the size of the opposite stroke before, as a fraction of this stroke's travel (0..2).
   * @default 0.6
   */
  returnRatio?: number;
  /**
   * A stroke followed, before it is reported, by an opposite movement of at least this fraction of its travel was
   * a backswing (the real swipe goes the other way), 0..2.
   * @default 0.9
   */
  backswingRatio?: number;
  /**
   * Largest change of the hand's size during the stroke (largest / smallest palm length, >= 1): a hand moving
   * towards or away from the camera (reaching, raising a hand to the camera) grows or shrinks.
   * @default 1.5
   */
  maxScaleChange?: number;
  /**
   * How long the hand must have been seen before its stroke starts, ms: a hand that enters the frame already
   * moving (raised into view, coming in from a side) is no swipe. Measured to the stroke's 10 % point: a hand seen
   * for less than this before it moves cannot be told from one that came in moving.
   * @default 100
   */
  minLeadMs?: number;
  /**
   * Fingers (of index, middle, ring and little) that must be extended — tip farther from the wrist than the middle
   * joint — for the hand to be open, 0..4. 0 accepts any hand shape; 2 accepts the two- and three-finger swipes
   * people make (ai-forever's `swipe2` / `swipe3`) and rejects a fist or a pointing finger being moved.
   * @default 2
   */
  minOpenFingers?: number;
  /**
   * Fraction of the stroke's instants at which the hand must be open (0..1); motion blur bends fingers in a few.
   * @default 0.5
   */
  minOpenFraction?: number;
}

/** What `recogniseSwipe` found in one window. */
export interface SwipeVerdict {
  /** The swipe reported by this window, or `'none'`. */
  label: SwipeLabel;
  /** One score per {@link SWIPE_LABELS} entry, 0..1 (1 for the reported swipe, else 1 for `none`). */
  scores: Float32Array;
  /**
   * The strongest stroke seen (whether reported or not), for diagnostics: travel and drift in palm lengths,
   * duration and age (its stop to the window's end) in ms, and why it was not reported (`undefined` when it was).
   */
  stroke?: SwipeStroke;
  /** The stroke along each direction that moved at all, for diagnostics. */
  strokes: SwipeStroke[];
}

/**
 * A stroke along one direction: travel and drift across it in palm lengths, duration (its 10 % to 90 % points) and
 * age (its stop to the window's end) in ms, and the first check it failed (`undefined`: it is a swipe).
 */
export interface SwipeStroke {
  /** The direction of the stroke, as the swipe it would be. */
  label: Exclude<SwipeLabel, 'none'>;
  /** How far the palm centre moved along the direction, palm lengths. */
  travel: number;
  /** How far it drifted across the direction meanwhile, palm lengths. */
  cross: number;
  /** The stroke's duration from its 10 % to its 90 % point of travel, ms. */
  durationMs: number;
  /** Time from the stroke's stop to the window's newest instant, ms. */
  ageMs: number;
  /** The first check the stroke failed (`'short'`, `'off axis'`, `'backswing'`, `'closed hand'`, ...); `undefined` when it is a swipe. */
  rejected?: string;
}
