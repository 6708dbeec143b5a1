import { scoresFromDistances } from '../filters/classifyWithTemplates.js';
import type { Prediction } from '../types.js';
import type { HeldOutStream } from './chooseGestureSettings.js';
import type { TeachingSession } from './collectSessions.js';
import { learnClassThresholds, type ThresholdData } from './learnClassThresholds.js';

/**
 * The held-out predictions of every fold, as contiguous streams: for fold `k`, thresholds learned without it
 * (`learnClassThresholds`), each of its windows scored against the templates outside it (`scoresFromDistances`),
 * with where the winning template matched (`Prediction.match`, as the live classifier says) and the labelled spans
 * that end in each stretch. What the `stableGestures` settings are chosen on. @internal
 */
export function heldOutStreams(data: ThresholdData, sessions: readonly TeachingSession[], labels: readonly string[], folds: number): HeldOutStream[] {
  const { windows, examples, templateExample, distances, matches, frameFolds, noneIndex } = data;
  const T = templateExample.length;
  const d = new Float64Array(labels.length);
  const nearest = new Int32Array(labels.length);
  const predict = (w: number, thresholds: Float64Array, heldOut: number): Prediction => {
    d.fill(Infinity);
    nearest.fill(-1);
    for (let t = 0; t < T; t++) {
      const ex = examples[templateExample[t]!]!;
      if (ex.fold !== heldOut && distances[w * T + t]! < d[ex.labelIndex]!) {
        d[ex.labelIndex] = distances[w * T + t]!;
        nearest[ex.labelIndex] = t;
      }
    }
    const scores = scoresFromDistances(d, thresholds, noneIndex);
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
    const win = windows[w]!;
    const prediction: Prediction = { label: labels[best]!, score: scores[best]!, categories: [], windowEndTimestamp: win.endT, windowEndIndex: win.end, startedAt: 0, finishedAt: 0 };
    const t = nearest[best]!;
    if (matches !== undefined && best !== noneIndex && t >= 0 && matches[2 * (w * T + t)]! >= 0) {
      prediction.match = { startTimestamp: win.timeAt(matches[2 * (w * T + t)]!), endTimestamp: win.timeAt(matches[2 * (w * T + t) + 1]!) };
    }
    return prediction;
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
