import { scoresFromDistances } from '../filters/classifyWithTemplates.js';
import type { Prediction } from '../types.js';
import type { HeldOutStream } from './chooseGestureSettings.js';
import type { TeachingSession } from './collectSessions.js';
import { learnClassThresholds, type ThresholdData } from './learnClassThresholds.js';

/**
 * The held-out predictions of every fold, as contiguous streams: for fold `k`, thresholds learned without it
 * (`learnClassThresholds`), each of its windows scored against the templates outside it (`scoresFromDistances`),
 * with the labelled spans that end in each stretch. What the `stableGestures` settings are chosen on. @internal
 */
export function heldOutStreams(data: ThresholdData, sessions: readonly TeachingSession[], labels: readonly string[], folds: number): HeldOutStream[] {
  const { windows, examples, templateExample, distances, frameFolds, noneIndex } = data;
  const T = templateExample.length;
  const d = new Float64Array(labels.length);
  const predict = (w: number, thresholds: Float64Array, heldOut: number): Prediction => {
    d.fill(Infinity);
    for (let t = 0; t < T; t++) {
      const ex = examples[templateExample[t]!]!;
      if (ex.fold !== heldOut) d[ex.labelIndex] = Math.min(d[ex.labelIndex]!, distances[w * T + t]!);
    }
    const scores = scoresFromDistances(d, thresholds, noneIndex);
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
    const win = windows[w]!;
    return { label: labels[best]!, score: scores[best]!, categories: [], windowEndTimestamp: win.endT, windowEndIndex: win.end, startedAt: 0, finishedAt: 0 };
  };
  const streams: HeldOutStream[] = [];
  for (let k = 0; folds > 1 && k < folds; k++) {
    const thresholds = learnClassThresholds(data, k);
    let current: HeldOutStream | undefined;
    windows.forEach((win, w) => {
      if (frameFolds[win.session]![win.end] !== k) return (current = undefined);
      const previous = windows[w - 1];
      if (current === undefined || previous === undefined || previous.session !== win.session || frameFolds[win.session]![previous.end] !== k) {
        const frames = sessions[win.session]!.frames;
        current = { predictions: [], spans: [], timeOf: (f) => frames[Math.min(frames.length - 1, Math.max(0, f))]!.timestamp };
        streams.push(current);
      }
      current.predictions.push(predict(w, thresholds, k));
      for (const e of examples) if (e.session === win.session && e.end === win.end) current.spans.push({ label: labels[e.labelIndex]!, startFrame: e.start, endFrame: e.end });
      return undefined;
    });
  }
  return streams;
}
