import { scoresFromDistances } from '../filters/classifyWithTemplates.js';
import { subsequenceDtw } from '../filters/subsequenceDtw.js';
import { DEFAULT_TEMPLATE_FEATURE_WEIGHTS, TEMPLATE_FEATURE_DIMS } from '../filters/templateFeatures.js';
import { TEMPLATE_MODEL_FORMAT, type TaughtGestureModel } from '../filters/templateTypes.js';
import type { Prediction } from '../types.js';
import { chooseGestureSettings, f1Of, type HeldOutStream } from './chooseGestureSettings.js';
import { collectSessions } from './collectSessions.js';
import { foldUnits } from './foldUnits.js';
import { learnClassThresholds, type ExampleRecord, type ThresholdData } from './learnClassThresholds.js';
import { sessionWindows, type SessionWindow, type WindowSettings } from './sessionWindows.js';
import { TeachingError } from './TeachingError.js';
import type { TeachDone, TeachingInput, TeachOptions, TeachProgress } from './teachTypes.js';

const round = (v: number): number => Math.round(v * 1e4) / 1e4 || 0; // no -0: the JSON round-trips exactly

/**
 * Teaches a template gesture model from labelled examples, on the calling thread (`createGestureTrainer` runs this
 * in a worker; call it directly in Node tools and tests).
 *
 * Checks the input first (a `TeachingError` names a gesture with too few examples, a single class, or an example
 * without the hand in most frames). Then: every window `slidingWindow` cuts with the model's settings becomes
 * features (`templateFeatures`); each example's template is the part of the window ending at its last frame that its
 * span covers (so a short gesture gives a short template); every window is matched against every template by
 * subsequence DTW once. Per-class rejection thresholds are learned from leave-one-out distances of the examples and
 * from every window that overlaps no example of the class (ordinary movement, `none`, other gestures), with classes
 * and negatives weighed as rates (balanced, whatever their counts). The `stableGestures` settings are chosen on
 * held-out folds (examples dealt into folds per class in time order; thresholds learned without the fold, the
 * fold's windows scored and tracked, event-level F1). The final model keeps at most `templatesPerClass` templates a
 * gesture and thresholds learned from everything. `onProgress` hears each step (with the time left).
 *
 * @example
 * ```ts
 * import { readRecording, teachGestureModel } from 'posestream';
 * const { frames, labels } = await readRecording(text);
 * const { model, score } = await teachGestureModel({ recordings: [{ frames, labels }] });
 * ```
 */
export async function teachGestureModel(input: TeachingInput, options: TeachOptions = {}, onProgress?: (p: TeachProgress) => void): Promise<TeachDone> {
  const started = performance.now();
  const report = (p: Omit<TeachProgress, 'type'>): void => onProgress?.({ type: 'progress', ...p });
  const window = options.window ?? { frames: 30, durationMs: 2000, minDurationMs: 1000 };
  const settings: WindowSettings = {
    window,
    onMissingHand: options.onMissingHand ?? 'skip',
    maxGapMs: options.maxGapMs ?? 500,
    hand: options.hand ?? 'first',
    weights: options.featureWeights ?? DEFAULT_TEMPLATE_FEATURE_WEIGHTS,
  };
  report({ step: 'checking', done: 0, total: 1 });
  const { sessions, counts } = collectSessions(input, { durationMs: window.durationMs, hand: settings.hand, minExamples: options.minExamples ?? 3 });
  const labels = [...counts.keys()].filter((l) => l !== 'none');
  labels.push('none');
  const noneIndex = labels.length - 1;
  const taughtCounts = labels.slice(0, -1).map((l) => counts.get(l)!);
  const folds = Math.max(1, Math.min(options.folds ?? 5, ...taughtCounts));
  const dtMs = window.durationMs / (window.frames - 1);
  const frameFolds = foldUnits(sessions, folds, Math.max(1, Math.round((3 * window.durationMs) / dtMs)));

  report({ step: 'features', done: 0, total: sessions.length });
  const windows: SessionWindow[] = [];
  sessions.forEach((s, i) => {
    windows.push(...sessionWindows(s, i, settings));
    report({ step: 'features', done: i + 1, total: sessions.length });
  });
  const dims = TEMPLATE_FEATURE_DIMS;
  const examples: ExampleRecord[] = [];
  const templateData: Float32Array[] = [];
  const templateExample: number[] = [];
  const perClass = new Map<number, number[]>();
  sessions.forEach((s, si) => {
    for (const span of s.spans) {
      let w = -1;
      windows.forEach((win, i) => {
        if (win.session === si && win.end >= span.start && win.end <= span.end) w = i;
      });
      if (w < 0) throw new TeachingError('bad-example', `${span.where}: no window of ${window.frames} frames over ${window.durationMs} ms ends inside it (the hand is missing, or it begins too soon after the hand appears)`, { label: span.label });
      const labelIndex = labels.indexOf(span.label);
      const e = examples.push({ labelIndex, session: si, start: span.start, end: span.end, window: w, template: -1, fold: frameFolds[si]![span.end]! }) - 1;
      perClass.set(labelIndex, [...(perClass.get(labelIndex) ?? []), e]);
    }
  });
  const cap = options.templatesPerClass ?? 8;
  for (const [, list] of perClass) {
    const keep = list.length <= cap ? list : Array.from({ length: cap }, (_, k) => list[Math.floor((k * list.length) / cap)]!);
    for (const e of keep) {
      const ex = examples[e]!;
      const win = windows[ex.window]!;
      const spanMs = sessions[ex.session]!.frames[ex.end]!.timestamp - sessions[ex.session]!.frames[ex.start]!.timestamp;
      const length = Math.min(window.frames, Math.max(3, Math.round(spanMs / dtMs) + 1));
      ex.template = templateData.push(win.features.slice((window.frames - length) * dims)) - 1;
      templateExample.push(e);
    }
  }

  const T = templateData.length;
  const matching = { endSlackFrames: Math.round((options.endSlackMs ?? 300) / dtMs), skipPenalty: options.skipPenalty ?? 0.5 };
  const distances = new Float64Array(windows.length * T);
  const matchStart = performance.now();
  windows.forEach((win, w) => {
    for (let t = 0; t < T; t++) {
      const tpl = templateData[t]!;
      distances[w * T + t] = subsequenceDtw(tpl, tpl.length / dims, win.features, window.frames, dims, { endSlack: matching.endSlackFrames, skipPenalty: matching.skipPenalty });
    }
    if (w % 200 === 199 || w === windows.length - 1) {
      const elapsed = performance.now() - matchStart;
      report({ step: 'matching', done: w + 1, total: windows.length, timeLeftMs: (elapsed / (w + 1)) * (windows.length - w - 1) });
    }
  });

  const data: ThresholdData = {
    windows, examples, templateExample, distances, frameFolds, labelCount: labels.length, noneIndex,
    maxNegatives: options.maxNoneWindows ?? 600, falseAcceptCost: options.falseAcceptCost ?? 2,
  };
  const predict = (w: number, thresholds: Float64Array, heldOut: number): Prediction => {
    const d = new Float64Array(labels.length).fill(Infinity);
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
    report({ step: 'folds', done: k + 1, total: folds });
  }
  const chosen = folds > 1 ? chooseGestureSettings(streams, window.durationMs) : { settings: { threshold: 0.5, minConsecutive: 2, cooldownMs: 500 }, counts: { truePositives: 0, falsePositives: 0, falseNegatives: 0 } };
  const score = f1Of(chosen.counts);
  report({ step: 'settings', done: 1, total: 1, score });
  const final = learnClassThresholds(data, -1);
  const c = chosen.counts;
  const trainMs = performance.now() - started;
  const model: TaughtGestureModel = {
    format: TEMPLATE_MODEL_FORMAT,
    labels,
    window: { ...window },
    onMissingHand: settings.onMissingHand,
    maxGapMs: settings.maxGapMs,
    gestures: chosen.settings,
    features: { dims, weights: { ...settings.weights } },
    matching,
    thresholds: Object.fromEntries(labels.slice(0, -1).map((l, i) => [l, round(final[i]!)])),
    templates: templateData.map((d, t) => ({ label: labels[examples[templateExample[t]!]!.labelIndex]!, frames: d.length / dims, data: Array.from(d, round) })),
    taught: {
      examples: Object.fromEntries(counts),
      folds,
      precision: c.truePositives + c.falsePositives === 0 ? 1 : c.truePositives / (c.truePositives + c.falsePositives),
      recall: c.truePositives + c.falseNegatives === 0 ? 1 : c.truePositives / (c.truePositives + c.falseNegatives),
      trainMs: Math.round(trainMs),
    },
  };
  return { type: 'done', model, score, trainMs };
}
