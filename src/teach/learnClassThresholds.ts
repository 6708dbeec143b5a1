import { learnRejectionThreshold } from '../filters/learnRejectionThreshold.js';
import type { SessionWindow } from './sessionWindows.js';

/** An example as the learner sees it: its label index, the window ending at its end, its template, its span. @internal */
export interface ExampleRecord {
  labelIndex: number;
  session: number;
  start: number;
  end: number;
  window: number;
  /** Index of its template in the distance matrix, or -1 when it was not kept as a template. */
  template: number;
  fold: number;
}

/** The distances and facts thresholds are learned from. @internal */
export interface ThresholdData {
  windows: readonly SessionWindow[];
  examples: readonly ExampleRecord[];
  /** Template index -> example index. */
  templateExample: readonly number[];
  /** windows x templates distances, row-major. */
  distances: Float64Array;
  /** windows x templates x 2: each match's first and last frame index in its window (what `Prediction.match` says). */
  matches?: Int16Array;
  /** Per session, per frame position: its fold. */
  frameFolds: readonly Int32Array[];
  labelCount: number;
  noneIndex: number;
  maxNegatives: number;
  falseAcceptCost: number;
}

/**
 * Per-label rejection thresholds learned from the examples outside `heldOut` (-1: none held out): positives are
 * each example's distance to its class's other templates (leave one out), negatives every window that overlaps no
 * example of the class (ordinary movement, `none`, other gestures, each class's share evenly spaced up to
 * `maxNegatives`), measured against the class's templates outside `heldOut`. @internal
 */
export function learnClassThresholds(data: ThresholdData, heldOut: number): Float64Array {
  const { windows, examples, templateExample, distances, frameFolds, labelCount, noneIndex } = data;
  const T = templateExample.length;
  const usable = (t: number): boolean => examples[templateExample[t]!]!.fold !== heldOut;
  const thresholds = new Float64Array(labelCount).fill(NaN);
  for (let c = 0; c < labelCount; c++) {
    if (c === noneIndex) continue;
    const own = [...Array(T).keys()].filter((t) => usable(t) && examples[templateExample[t]!]!.labelIndex === c);
    const nearest = (w: number, skip: number): number => {
      let d = Infinity;
      for (const t of own) if (t !== skip) d = Math.min(d, distances[w * T + t]!);
      return d;
    };
    const positives = examples.filter((e) => e.labelIndex === c && e.fold !== heldOut).map((e) => nearest(e.window, e.template));
    const spans = examples.filter((e) => e.labelIndex === c);
    const candidates: number[] = [];
    windows.forEach((w, i) => {
      if (frameFolds[w.session]![w.end] === heldOut) return;
      if (spans.some((e) => e.session === w.session && e.start <= w.end && e.end >= w.start)) return;
      candidates.push(i);
    });
    const step = Math.max(1, candidates.length / data.maxNegatives);
    const negatives: number[] = [];
    for (let k = 0; k < candidates.length; k += step) negatives.push(nearest(candidates[Math.floor(k)]!, -1));
    thresholds[c] = learnRejectionThreshold(positives, negatives, { falseAcceptCost: data.falseAcceptCost });
  }
  return thresholds;
}
