/**
 * Event-level matching of predicted gestures against hand-made labels (pure, no RxJS, no model).
 *
 * Rule (docs/evaluation.md): a predicted event is the run of agreeing predictions `stableGestures` reports, from
 * its first to its last window-end frame. The frames it is evidence about are the frames its windows saw: from
 * `windowMs` before its first window end to its last window end. It matches a labelled event when the labels are
 * equal and these frames overlap the labelled span [startFrame, endFrame] (inclusive, at least one frame). Matching
 * is one-to-one, in time order: each labelled event is matched by at most one predicted event; a second predicted
 * event for the same labelled event is a false positive (a double trigger). Only predicted events whose label is
 * in `labels` (the evaluated classes, e.g. the four swipes) are scored; the others are returned as `other` so a
 * report can show them (and `strict` precision counts them as false positives).
 */

import { EvalLabelsError } from './EvalLabelsError.js';

/** A labelled or predicted event, in source frame indices (inclusive). */
export interface FrameEvent {
  label: string;
  startFrame: number;
  endFrame: number;
  /** Mean score of the predictions (predicted events only). */
  score?: number;
}

/** Options of {@link matchSwipeEvents}. */
export interface MatchOptions {
  /** The evaluated labels: predicted events with another label are `other`, not scored. */
  labels: readonly string[];
  /** Timestamp (ms) of each source frame index: `timestamps[i]` is frame i's time. */
  timestamps: readonly number[];
  /** How far back a window reaches from its end frame, ms (the window duration). */
  windowMs: number;
}

/** The outcome for one clip (or a sum of clips). */
export interface EventScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Predicted events outside `labels` (come/away/spin...). */
  otherEvents: number;
  /** tp / (tp + fp); 1 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was labelled. */
  recall: number;
  /** tp / (tp + fp + other): precision when every non-swipe event during the clip counts as a false positive. */
  strictPrecision: number;
}

/** The matching itself: which predicted event matched which labelled one. */
export interface EventMatch extends EventScore {
  matches: Array<{ predicted: FrameEvent; labelled: FrameEvent }>;
  falsePositiveEvents: FrameEvent[];
  missed: FrameEvent[];
  other: FrameEvent[];
}

/** Precision/recall from counts (1 for an empty denominator). */
export function scoreCounts(tp: number, fp: number, fn: number, other: number): EventScore {
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    otherEvents: other,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    strictPrecision: ratio(tp, tp + fp + other),
  };
}

/** Sums several clips' scores (micro-average). */
export function sumScores(scores: readonly EventScore[]): EventScore {
  const sum = (k: 'truePositives' | 'falsePositives' | 'falseNegatives' | 'otherEvents'): number => scores.reduce((a, s) => a + s[k], 0);
  return scoreCounts(sum('truePositives'), sum('falsePositives'), sum('falseNegatives'), sum('otherEvents'));
}

/**
 * Matches predicted events to labelled events with the rule above and scores them.
 *
 * @example
 * ```ts
 * const m = matchSwipeEvents(predicted, labelled, { labels: ['swipe_left'], timestamps, windowMs: 1000 });
 * console.log(m.precision, m.recall);
 * ```
 */
export function matchSwipeEvents(predicted: readonly FrameEvent[], labelled: readonly FrameEvent[], options: MatchOptions): EventMatch {
  const { timestamps, windowMs } = options;
  const evaluated = new Set(options.labels);
  const timeOf = (frame: number): number => {
    const t = timestamps[frame];
    if (t === undefined) throw new EvalLabelsError('matchSwipeEvents', `frame ${frame} is outside the clip's ${timestamps.length} frames`);
    return t;
  };
  const used = new Set<number>();
  const matches: EventMatch['matches'] = [];
  const falsePositiveEvents: FrameEvent[] = [];
  const other: FrameEvent[] = [];
  const sorted = [...predicted].sort((a, b) => a.startFrame - b.startFrame);
  for (const event of sorted) {
    if (!evaluated.has(event.label)) {
      other.push(event);
      continue;
    }
    const from = timeOf(event.startFrame) - windowMs;
    const to = timeOf(event.endFrame);
    let hit = -1;
    for (let i = 0; i < labelled.length && hit < 0; i++) {
      const l = labelled[i] as FrameEvent;
      if (used.has(i) || l.label !== event.label) continue;
      if (timeOf(l.startFrame) <= to && timeOf(l.endFrame) >= from) hit = i;
    }
    if (hit >= 0) {
      used.add(hit);
      matches.push({ predicted: event, labelled: labelled[hit] as FrameEvent });
    } else falsePositiveEvents.push(event);
  }
  const missed = labelled.filter((_, i) => !used.has(i));
  return {
    ...scoreCounts(matches.length, falsePositiveEvents.length, missed.length, other.length),
    matches,
    falsePositiveEvents,
    missed,
    other,
  };
}
