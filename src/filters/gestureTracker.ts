import type { GestureEvent, Prediction } from '../types.js';
import type { GestureTracker, GestureTrackerOptions } from './handMathTypes.js';
import { checkNumberOption } from './InvalidOptionError.js';

interface Run {
  label: string;
  startFrame: number;
  startT: number;
  endFrame: number;
  endT: number;
  scoreSum: number;
  count: number;
  /** Where the match of the run's first prediction ended (`Prediction.match`), ms; -Infinity without one. */
  matchEnd: number;
}

function runOf(p: Prediction): Run {
  const t = p.windowEndTimestamp;
  const matchEnd = p.match?.endTimestamp ?? -Infinity;
  return { label: p.label, startFrame: p.windowEndIndex, startT: t, endFrame: p.windowEndIndex, endT: t, scoreSum: p.score, count: 1, matchEnd };
}

function extend(run: Run, p: Prediction): void {
  run.endFrame = p.windowEndIndex;
  run.endT = p.windowEndTimestamp;
  run.scoreSum += p.score;
  run.count++;
}

/**
 * A prediction of the run's label found entirely after the match that began the run: the gesture performed again.
 * (Not after the latest match: a hand held still after a gesture stretches each later match over the still frames,
 * so the latest end keeps up with any repeat.)
 */
function isRepeat(run: Run, p: Prediction): boolean {
  return p.match !== undefined && run.matchEnd > -Infinity && p.match.startTimestamp > run.matchEnd;
}

function eventOf(run: Run, phase: GestureEvent['phase']): GestureEvent {
  const { label, startFrame, endFrame, startT, endT } = run;
  return { type: 'gesture', phase, label, score: run.scoreSum / run.count, startFrame, endFrame, startT, endT };
}

/**
 * The state machine under `stableGestures`, for predictions you push yourself (no stream): creates it.
 *
 * A prediction *agrees* with its label when `score >= threshold`. A label that is not in `ignore` starts a
 * gesture after `minConsecutive` agreeing predictions in a row (the `start` event carries the run so far:
 * startFrame/startT of its first prediction, endFrame/endT of the current one, the mean score). The gesture
 * goes on while predictions agree with it; it ends when `minConsecutive` predictions in a row do not (another
 * label, an ignored label or a low score), or on {@link GestureTracker.flush}. The `end` event spans the
 * first to the last agreeing prediction and carries their mean score. {@link GestureTracker.cancel} cuts the
 * gesture short (an `end` with a `reason`) and starts afresh. With `cooldownMs > 0`, the predictions
 * up to the one that caused an end, and those whose `windowEndTimestamp` is less than `cooldownMs` after it,
 * do not count towards a new gesture. With `cooldownMs: 0` there is no cooldown: a label that took over ends
 * the old gesture and, having agreed `minConsecutive` times already, starts at the same prediction. With
 * `splitRepeats` (the default), a prediction of the held label whose `match` begins after the match of the gesture's
 * first prediction ended is the gesture performed again: the held one ends there and the repeat counts as a new run (a
 * gesture repeated back to back is two events, not one held for both).
 *
 * @throws InvalidOptionError for a threshold outside 0..1, a minConsecutive below 1 or a negative cooldown.
 * @example
 * ```ts
 * import { createGestureTracker } from 'posestream';
 * const tracker = createGestureTracker({ threshold: 0.8, minConsecutive: 3 });
 * for (const p of predictions) for (const e of tracker.push(p)) console.log(e.phase, e.label);
 * tracker.flush();
 * ```
 */
export function createGestureTracker(options: GestureTrackerOptions = {}): GestureTracker {
  const where = 'stableGestures';
  const threshold = checkNumberOption(where, 'threshold', options.threshold ?? 0.8, { min: 0, max: 1 });
  const minConsecutive = checkNumberOption(where, 'minConsecutive', options.minConsecutive ?? 3, { min: 1, integer: true });
  const cooldownMs = checkNumberOption(where, 'cooldownMs', options.cooldownMs ?? 500, { min: 0 });
  const ignore = new Set(options.ignore ?? ['none']);
  const splitRepeats = options.splitRepeats ?? true;

  let active: Run | undefined;
  let others = 0; // predictions in a row that did not agree with the active gesture
  let candidate: Run | undefined; // current run of a label that could start a gesture
  let cooldownUntil = -Infinity;

  return {
    get active() {
      return active?.label;
    },
    push(p) {
      const events: GestureEvent[] = [];
      const t = p.windowEndTimestamp;
      const agreeing = p.score >= threshold ? p.label : undefined;

      if (agreeing !== undefined && !ignore.has(agreeing) && agreeing !== active?.label && t >= cooldownUntil) {
        if (candidate?.label === agreeing) extend(candidate, p);
        else candidate = runOf(p);
      } else {
        candidate = undefined;
      }

      if (active) {
        if (agreeing === active.label && splitRepeats && isRepeat(active, p)) {
          events.push(eventOf(active, 'end'));
          active = undefined;
          others = 0;
          cooldownUntil = t + cooldownMs;
          candidate = cooldownMs > 0 ? undefined : runOf(p);
        } else if (agreeing === active.label) {
          extend(active, p);
          others = 0;
        } else if (++others >= minConsecutive) {
          events.push(eventOf(active, 'end'));
          active = undefined;
          cooldownUntil = t + cooldownMs;
          if (cooldownMs > 0) candidate = undefined;
        }
      }

      if (!active && candidate && candidate.count >= minConsecutive) {
        active = candidate;
        candidate = undefined;
        others = 0;
        events.push(eventOf(active, 'start'));
      }
      return events;
    },
    flush() {
      if (!active) return [];
      const end = eventOf(active, 'end');
      active = undefined;
      candidate = undefined;
      others = 0;
      return [end];
    },
    cancel(reason) {
      const end = active && { ...eventOf(active, 'end'), reason };
      active = undefined;
      candidate = undefined;
      others = 0;
      cooldownUntil = -Infinity;
      return end ? [end] : [];
    },
  };
}
