/** A labelled or predicted gesture event, in frame indices of one stream (inclusive). */
export interface GestureSpan {
  /** The gesture. */
  label: string;
  /** Its first frame (`PoseFrame.index`). */
  startFrame: number;
  /** Its last frame (`PoseFrame.index`, inclusive). */
  endFrame: number;
}

/** What {@link matchGestureEvents} found: the counts, and the events behind the misses and the false ones. */
export interface GestureEventMatch extends EventCounts {
  /** The labelled events nothing matched. */
  missed: GestureSpan[];
  /** The predicted events that matched nothing. */
  falseEvents: GestureSpan[];
}

/** Event-level counts: matched, false (wrong, double or spurious) and missed events. */
export interface EventCounts {
  /** Predicted events that matched a labelled one. */
  truePositives: number;
  /** Predicted events that matched none (a wrong label, a double trigger, a gesture where there was none). */
  falsePositives: number;
  /** Labelled events nothing matched. */
  falseNegatives: number;
}

/**
 * Matches predicted gesture events to labelled ones (the rule of docs/evaluation.md): a predicted event is evidence
 * about the frames from `windowMs` before its first window end to its last window end; it matches the first unmatched
 * labelled event of the same label whose frames overlap those (one-to-one, in time order). Every other predicted event
 * is a false positive (a wrong label, a double trigger, a gesture where there was none); every unmatched labelled one
 * is missed. Labelled `none` spans are never matched (an event there is a false positive).
 *
 * @example
 * ```ts
 * import { matchGestureEvents } from 'posestream';
 * const counts = matchGestureEvents(predicted, labelled, (frame) => timestamps[frame], 2000);
 * ```
 */
export function matchGestureEvents(
  predicted: readonly GestureSpan[],
  labelled: readonly GestureSpan[],
  timeOf: (frame: number) => number,
  windowMs: number,
): GestureEventMatch {
  const gestures = labelled.filter((l) => l.label !== 'none');
  const used = new Uint8Array(gestures.length);
  const falseEvents: GestureSpan[] = [];
  let tp = 0;
  for (const event of [...predicted].sort((a, b) => a.startFrame - b.startFrame)) {
    const from = timeOf(event.startFrame) - windowMs;
    const to = timeOf(event.endFrame);
    const hit = gestures.findIndex((l, i) => used[i] === 0 && l.label === event.label && timeOf(l.startFrame) <= to && timeOf(l.endFrame) >= from);
    if (hit >= 0) {
      used[hit] = 1;
      tp++;
    } else falseEvents.push(event);
  }
  const missed = gestures.filter((_, i) => used[i] === 0);
  return { truePositives: tp, falsePositives: falseEvents.length, falseNegatives: missed.length, missed, falseEvents };
}
