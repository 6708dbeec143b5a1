import type { GestureTrackerOptions } from '../filters/handMathTypes.js';
import type { GestureEndReason, GestureEvent, Prediction } from '../types.js';

/** The gesture the page's `gesture$` holds, and the one place that can cut it short. @internal */
export interface HeldGesture {
  /** The gesture held now (its `start`), or null. */
  readonly current: GestureEvent | null;
  /**
   * Passes one event of a gesture tracker on to `emit`. An `end` that matches no held `start` (the gesture was cut
   * short already, and its tracker's own `end` came after) is left out: one `end` per `start`.
   */
  pass(event: GestureEvent): void;
  /** Follows the predictions: one that agrees with the held gesture extends what a cut-short `end` reports. */
  observe(prediction: Prediction): void;
  /** Ends the held gesture, if any, with `reason` (emitted at once); returns whether there was one. */
  cut(reason: GestureEndReason): boolean;
}

/**
 * Keeps the page's side of the `GestureEvent` contract whichever path produced the events: every `start` passed on
 * is followed by exactly one `end`, the tracker's or, when the tracker cannot send it any more (its worker died, the
 * pipeline failed or was disposed), a cut-short one made here. A cut-short `end` carries the `start`'s label and run,
 * extended by the predictions seen since that agreed with it (`score >= threshold`): its `endFrame` / `endT` are the
 * last such prediction's and its score the mean of the run (the `start`'s mean counted `minConsecutive` times).
 * @internal
 */
export function createHeldGesture(settings: GestureTrackerOptions, emit: (event: GestureEvent) => void): HeldGesture {
  const threshold = settings.threshold ?? 0.8;
  const startCount = settings.minConsecutive ?? 3;
  let held: { start: GestureEvent; end: GestureEvent; sum: number; count: number } | undefined;
  return {
    get current() {
      return held?.start ?? null;
    },
    pass(event) {
      if (event.phase === 'start') {
        held = { start: event, end: { ...event, phase: 'end' }, sum: event.score * startCount, count: startCount };
      } else {
        if (held === undefined || held.start.label !== event.label || held.start.startFrame !== event.startFrame) return;
        held = undefined;
      }
      emit(event);
    },
    observe(prediction) {
      if (held === undefined || prediction.label !== held.start.label || prediction.score < threshold) return;
      if (prediction.windowEndTimestamp <= held.end.endT) return; // the run's own predictions, already in its start
      held.sum += prediction.score;
      held.count += 1;
      held.end = { ...held.end, endFrame: prediction.windowEndIndex, endT: prediction.windowEndTimestamp, score: held.sum / held.count };
    },
    cut(reason) {
      if (held === undefined) return false;
      const end: GestureEvent = { ...held.end, reason };
      held = undefined;
      emit(end);
      return true;
    },
  };
}
