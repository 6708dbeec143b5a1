import { resolveSwipeOptions } from '../filters/resolveSwipeOptions.js';
import { subsequenceDtwEnds } from '../filters/subsequenceDtwEnds.js';
import { SWIPE_LABELS } from '../filters/swipeTypes.js';
import { DEFAULT_TEMPLATE_FEATURE_WEIGHTS, TEMPLATE_FEATURE_DIMS } from '../filters/templateFeatures.js';
import { TEMPLATE_MODEL_FORMAT, type TaughtGestureModel } from '../filters/templateTypes.js';
import { chooseGestureSettings, compareKeys, f1Of, precisionOf, type ChosenGestureSettings } from './chooseGestureSettings.js';
import { collectSessions } from './collectSessions.js';
import { foldUnits } from './foldUnits.js';
import { heldOutStreams } from './heldOutStreams.js';
import type { EventCounts } from './matchGestureEvents.js';
import { learnClassThresholds, type ExampleRecord, type ThresholdData } from './learnClassThresholds.js';
import { sessionWindows, type SessionWindow, type WindowSettings } from './sessionWindows.js';
import { TeachingError } from './TeachingError.js';
import type { TeachDone, TeachingInput, TeachOptions, TeachProgress } from './teachTypes.js';

/** The end slacks (ms) and false-accept costs the folds choose from, unless the options fix them. */
const END_SLACKS_MS = [300, 500, 800];
const FALSE_ACCEPT_COSTS = [0.5, 1, 2];

const round = (v: number): number => Math.round(v * 1e4) / 1e4 || 0; // no -0: the JSON round-trips exactly

/**
 * Teaches a template gesture model from labelled examples, on the calling thread (`createGestureTrainer` runs this
 * in a worker; call it directly in Node tools and tests).
 *
 * Checks the input first (a `TeachingError` names a gesture with too few examples, a single class, or an example
 * without the hand in most frames). Then: every window `slidingWindow` cuts with the model's settings becomes
 * features (`templateFeatures`); each example's template is the part of the window ending at its last frame that its
 * span covers (so a short gesture gives a short template); every window is matched against every template by
 * subsequence DTW once, keeping the cost of every match end near the window's end (`subsequenceDtwEnds`), so
 * several end slacks cost one matching pass. Per-class rejection thresholds are learned from leave-one-out distances
 * of the examples and from every window that overlaps no example of the class (ordinary movement, `none`, other
 * gestures), with classes and negatives weighed as rates (balanced, whatever their counts). The end slack (300, 500
 * or 800 ms), the thresholds' false-accept cost (0.5, 1 or 2) and the `stableGestures` settings are chosen jointly on
 * held-out folds (each class's examples in contiguous blocks in time order, so repeats back to back are held out
 * together; thresholds learned without the fold, the fold's windows scored and tracked, event-level F1; ties to the
 * higher precision, then the longer slack, then the lower cost); `endSlackMs` or `falseAcceptCost` given fix
 * them. The final model keeps at most `templatesPerClass` templates a
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
  const clash = options.swipes === undefined ? undefined : labels.find((l) => (SWIPE_LABELS as readonly string[]).includes(l));
  if (clash !== undefined) throw new TeachingError('bad-example', `"${clash}" is taught and kept as a swipe (options.swipes): rename the gesture`, { label: clash });
  if (options.swipes !== undefined) resolveSwipeOptions(options.swipes, 'teachGestureModel', 'swipes.');
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
  const cap = options.templatesPerClass ?? 16;
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
  const slacks = (options.endSlackMs !== undefined ? [options.endSlackMs] : END_SLACKS_MS).map((ms) => Math.min(window.frames - 1, Math.round(ms / dtMs)));
  const costs = options.falseAcceptCost !== undefined ? [options.falseAcceptCost] : FALSE_ACCEPT_COSTS;
  const skipPenalty = options.skipPenalty ?? 0.5;
  const tail = Math.max(...slacks) + 1;
  const ends = new Float32Array(windows.length * T * tail); // per window and template: the best cost ending within k frames of the end
  const spans = new Int16Array(windows.length * T * tail * 2); // ... and that match's first and last frame in the window
  const scratch = new Float64Array(tail);
  const starts = new Int32Array(tail);
  const matchStart = performance.now();
  windows.forEach((win, w) => {
    for (let t = 0; t < T; t++) {
      const tpl = templateData[t]!;
      subsequenceDtwEnds(tpl, tpl.length / dims, win.features, window.frames, dims, tail, skipPenalty, scratch, starts);
      const o = (w * T + t) * tail;
      let best = Infinity;
      let start = -1;
      let end = -1;
      for (let k = 0; k < tail; k++) {
        if (scratch[k]! < best) {
          best = scratch[k]!;
          start = starts[k]!;
          end = window.frames - 1 - k;
        }
        ends[o + k] = best;
        spans[2 * (o + k)] = start;
        spans[2 * (o + k) + 1] = end;
      }
    }
    if (w % 200 === 199 || w === windows.length - 1) {
      const elapsed = performance.now() - matchStart;
      report({ step: 'matching', done: w + 1, total: windows.length, timeLeftMs: (elapsed / (w + 1)) * (windows.length - w - 1) });
    }
  });
  const distancesAt = (slack: number): Float64Array => Float64Array.from({ length: windows.length * T }, (_, i) => ends[i * tail + slack]!);
  const matchesAt = (slack: number): Int16Array => Int16Array.from({ length: windows.length * T * 2 }, (_, i) => spans[2 * ((i >> 1) * tail + slack) + (i & 1)]!);

  const base = { windows, examples, templateExample, frameFolds, labelCount: labels.length, noneIndex, maxNegatives: options.maxNoneWindows ?? 600 };
  let chosen: { settings: ChosenGestureSettings; counts: EventCounts; slack: number; cost: number; key: number[] } | undefined;
  const combos = slacks.length * costs.length;
  let done = 0;
  for (const slack of slacks) {
    const distances = distancesAt(slack);
    const matches = matchesAt(slack);
    for (const cost of costs) {
      const streams = folds > 1 ? heldOutStreams({ ...base, distances, matches, falseAcceptCost: cost }, sessions, labels, folds) : [];
      const pick = folds > 1 ? chooseGestureSettings(streams, window.durationMs) : { settings: { threshold: 0.5, minConsecutive: 2, cooldownMs: 500, splitRepeats: true }, counts: { truePositives: 0, falsePositives: 0, falseNegatives: 0 } };
      const key = [f1Of(pick.counts), precisionOf(pick.counts), slack, -cost];
      if (chosen === undefined || compareKeys(key, chosen.key) > 0) chosen = { ...pick, slack, cost, key };
      report({ step: 'folds', done: ++done, total: combos, score: chosen.key[0] });
    }
  }
  const score = f1Of(chosen!.counts);
  report({ step: 'settings', done: 1, total: 1, score });
  const matching = { endSlackFrames: chosen!.slack, skipPenalty };
  const data: ThresholdData = { ...base, distances: distancesAt(chosen!.slack), falseAcceptCost: chosen!.cost };
  const final = learnClassThresholds(data, -1);
  const c = chosen!.counts;
  const trainMs = performance.now() - started;
  const model: TaughtGestureModel = {
    format: TEMPLATE_MODEL_FORMAT,
    labels,
    window: { ...window },
    onMissingHand: settings.onMissingHand,
    maxGapMs: settings.maxGapMs,
    gestures: chosen!.settings,
    features: { dims, weights: { ...settings.weights } },
    matching,
    thresholds: Object.fromEntries(labels.slice(0, -1).map((l, i) => [l, round(final[i]!)])),
    templates: templateData.map((d, t) => ({ label: labels[examples[templateExample[t]!]!.labelIndex]!, frames: d.length / dims, data: Array.from(d, round) })),
    ...(options.swipes !== undefined ? { swipes: { ...options.swipes } } : {}),
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
