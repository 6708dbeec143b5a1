import { from } from 'rxjs';
import { slidingWindow } from '../operators/slidingWindow.js';
import { templateFeatures, type TemplateFeatureWeights } from '../filters/templateFeatures.js';
import type { MissingHandPolicy } from '../operators/operatorTypes.js';
import type { WindowContext } from '../types.js';
import type { TeachingSession } from './collectSessions.js';

/** One window of a session, as the model will see it: its features, its first and last frame and end time. @internal */
export interface SessionWindow {
  session: number;
  /** Positions (frame indices within the session) of the window's oldest and newest frame. */
  start: number;
  end: number;
  endT: number;
  /** Timestamp of the window's oldest instant, ms. */
  startT: number;
  /** The timestamp of the window's frame `i` (0: oldest), ms. */
  timeAt(i: number): number;
  features: Float32Array;
}

/** The window settings windows are cut with. @internal */
export interface WindowSettings {
  window: { frames: number; durationMs: number; minDurationMs?: number };
  onMissingHand: MissingHandPolicy;
  maxGapMs: number;
  hand: 'first' | 'Left' | 'Right' | 'largest';
  weights: TemplateFeatureWeights;
}

/**
 * Every window `slidingWindow` cuts from a session with the model's settings (hop 1), as features: the same
 * windows and the same {@link WindowContext} (aspect of the newest frame, span, covered span) the classifier gets
 * live. @internal
 */
export function sessionWindows(session: TeachingSession, sessionIndex: number, settings: WindowSettings): SessionWindow[] {
  const out: SessionWindow[] = [];
  from(session.frames)
    .pipe(slidingWindow(settings.window.frames, { resample: settings.window, onMissingHand: settings.onMissingHand, maxGapMs: settings.maxGapMs, hand: settings.hand }))
    .subscribe((w) => {
      const newest = w.frames[w.frames.length - 1]!;
      const aspect = newest.width !== undefined && newest.height !== undefined && newest.height > 0 ? newest.width / newest.height : 1;
      const context: WindowContext = { aspect, spanMs: w.span, coveredMs: w.coveredMs ?? w.span };
      const { data } = templateFeatures(w.pack(), w.size, context, settings.weights);
      const times = Float64Array.from(w.frames, (f) => f.timestamp);
      out.push({ session: sessionIndex, start: w.frames[0]!.index, end: newest.index, startT: w.startTimestamp, endT: w.endTimestamp, timeAt: (i) => times[i]!, features: data });
    });
  return out;
}
