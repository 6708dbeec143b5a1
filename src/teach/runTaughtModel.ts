import { from } from 'rxjs';
import { prepareTemplateModel } from '../filters/classifyWithTemplates.js';
import { classifyTaughtModel, taughtModelLabels } from '../filters/classifyTaughtModel.js';
import { createGestureTracker } from '../filters/gestureTracker.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import type { GestureEvent, PoseFrame, Prediction, WindowContext } from '../types.js';

/**
 * Runs a taught model over pose frames on the calling thread, as the live pipeline would with it (its own
 * `slidingWindow` settings, every window classified, its own `stableGestures` settings, the match's place in the window
 * as `Prediction.match`) and returns the gesture
 * events (`start` and `end`). For evaluation and tests; the live pipeline runs the model in its classifier worker.
 *
 * @example
 * ```ts
 * import { runTaughtModel } from 'posestream';
 * const ends = runTaughtModel(model, frames).filter((e) => e.phase === 'end');
 * ```
 */
export function runTaughtModel(model: TaughtGestureModel, frames: readonly PoseFrame[], options: { hand?: 'first' | 'Left' | 'Right' | 'largest' } = {}): GestureEvent[] {
  const prepared = prepareTemplateModel(model);
  const labels = taughtModelLabels(model);
  const tracker = createGestureTracker(model.gestures);
  const events: GestureEvent[] = [];
  from(frames)
    .pipe(slidingWindow(model.window.frames, { resample: model.window, onMissingHand: model.onMissingHand, maxGapMs: model.maxGapMs, hand: options.hand ?? 'first' }))
    .subscribe((w) => {
      const newest = w.frames[w.frames.length - 1]!;
      const aspect = newest.width !== undefined && newest.height !== undefined && newest.height > 0 ? newest.width / newest.height : 1;
      const context: WindowContext = { aspect, spanMs: w.span, coveredMs: w.coveredMs ?? w.span };
      const { scores, match } = classifyTaughtModel(prepared, w.pack(), w.size, context);
      let best = 0;
      for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
      const prediction: Prediction = { label: labels[best]!, score: scores[best]!, categories: [], windowEndTimestamp: w.endTimestamp, windowEndIndex: w.endIndex, startedAt: 0, finishedAt: 0 };
      if (match !== undefined) prediction.match = { startTimestamp: w.frames[match.start]!.timestamp, endTimestamp: w.frames[match.end]!.timestamp };
      events.push(...tracker.push(prediction));
    });
  events.push(...tracker.flush());
  return events;
}
