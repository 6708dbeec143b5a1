import { createGestureTracker } from '../filters/gestureTracker.js';
import type { GestureEvent, Prediction } from '../types.js';
import { matchGestureEvents, type EventCounts, type GestureSpan } from './matchGestureEvents.js';

/** Held-out predictions of one contiguous stretch of windows, with the labelled spans and frame times it covers. @internal */
export interface HeldOutStream {
  predictions: Prediction[];
  /** Labelled spans (frame positions of the stream's session) whose end lies in the stretch. */
  spans: GestureSpan[];
  timeOf: (frame: number) => number;
}

/** The `stableGestures` settings a taught model comes with. */
export type ChosenGestureSettings = { threshold: number; minConsecutive: number; cooldownMs: number; splitRepeats: boolean };

const THRESHOLDS = [0.5, 0.55, 0.6, 0.7, 0.8];
const CONSECUTIVE = [1, 2, 3, 4, 6];
const COOLDOWNS = [0, 500, 1000, 1500];

/** Event counts of one set of settings over held-out streams. @internal */
export function scoreGestureSettings(streams: readonly HeldOutStream[], settings: ChosenGestureSettings, windowMs: number): EventCounts {
  const total: EventCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const stream of streams) {
    const tracker = createGestureTracker(settings);
    const ends: GestureEvent[] = [];
    for (const p of stream.predictions) for (const e of tracker.push(p)) if (e.phase === 'end') ends.push(e);
    for (const e of tracker.flush()) ends.push(e);
    const m = matchGestureEvents(ends, stream.spans, stream.timeOf, windowMs);
    total.truePositives += m.truePositives;
    total.falsePositives += m.falsePositives;
    total.falseNegatives += m.falseNegatives;
  }
  return total;
}

/** F1 of event counts (1 when there was nothing to find and nothing fired). @internal */
export function f1Of(c: EventCounts): number {
  const denominator = 2 * c.truePositives + c.falsePositives + c.falseNegatives;
  return denominator === 0 ? 1 : (2 * c.truePositives) / denominator;
}

/**
 * Chooses `threshold`, `minConsecutive`, `cooldownMs` and `splitRepeats` for `stableGestures` on held-out
 * predictions: every combination of a small grid (thresholds 0.5-0.8 on the template score, 1-6 predictions, 0-1.5 s,
 * repeats split or not) is run over the streams and scored by event-level F1 (`matchGestureEvents`); ties go to the
 * higher precision, then to the more sensitive setting (fewer predictions, lower threshold), then to splitting. The
 * folds of a few isolated examples tie often (every setting finds them all and fires on none), and a live stream
 * gives a gesture fewer clean windows than an isolated example: the per-class thresholds, learned against every
 * window that is not the gesture, are what reject ordinary movement, so a tie is not a reason to ask for more.
 * @internal
 */
export function chooseGestureSettings(streams: readonly HeldOutStream[], windowMs: number): { settings: ChosenGestureSettings; counts: EventCounts } {
  let best: { settings: ChosenGestureSettings; counts: EventCounts; key: number[] } | undefined;
  for (const splitRepeats of [true, false]) {
    for (const threshold of THRESHOLDS) {
      for (const minConsecutive of CONSECUTIVE) {
        for (const cooldownMs of COOLDOWNS) {
          const settings = { threshold, minConsecutive, cooldownMs, splitRepeats };
          const counts = scoreGestureSettings(streams, settings, windowMs);
          const fired = counts.truePositives + counts.falsePositives;
          const key = [f1Of(counts), fired === 0 ? 0 : counts.truePositives / fired, -minConsecutive, -threshold];
          if (best === undefined || compareKeys(key, best.key) > 0) best = { settings, counts, key };
        }
      }
    }
  }
  return { settings: best!.settings, counts: best!.counts };
}

/** Precision of event counts (1 when nothing fired). @internal */
export function precisionOf(c: EventCounts): number {
  const fired = c.truePositives + c.falsePositives;
  return fired === 0 ? 1 : c.truePositives / fired;
}

/** Lexicographic comparison of score keys (positive: `a` is better), equal within 1e-12. @internal */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 1e-12) return a[i]! - b[i]!;
  return 0;
}
