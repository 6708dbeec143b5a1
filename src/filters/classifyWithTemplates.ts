import type { WindowContext } from '../types.js';
import { resolveSwipeOptions } from './resolveSwipeOptions.js';
import { subsequenceDtwEnds } from './subsequenceDtwEnds.js';
import { templateFeatures } from './templateFeatures.js';
import type { PreparedTemplates, TaughtGestureModel } from './templateTypes.js';

/**
 * Prepares a taught model for {@link classifyWithTemplates}: its templates as typed arrays, labels as indices (do it
 * once per model, not per window).
 *
 * @example
 * ```ts
 * import { prepareTemplateModel } from './classifyWithTemplates.js';
 * const prepared = prepareTemplateModel(JSON.parse(text));
 * ```
 * @internal
 */
export function prepareTemplateModel(model: TaughtGestureModel): PreparedTemplates {
  const noneIndex = model.labels.indexOf('none');
  const thresholds = Float64Array.from(model.labels, (l) => (l === 'none' ? NaN : (model.thresholds[l] ?? 0)));
  const templates = model.templates.map((t) => ({ labelIndex: model.labels.indexOf(t.label), frames: t.frames, data: Float32Array.from(t.data) }));
  const prepared: PreparedTemplates = { model, noneIndex, templates, thresholds };
  if (model.swipes !== undefined) prepared.swipes = resolveSwipeOptions(model.swipes, 'swipes');
  return prepared;
}

/**
 * Distances of one window to each label's nearest template (label order; `none`'s entry is its nearest `none`
 * template, Infinity without one). With `matches` (2 values a label), where that nearest template's match lies in the
 * window: its first and last frame index (-1 where there is none). @internal
 */
export function templateDistances(prepared: PreparedTemplates, features: Float32Array, frames: number, only?: (templateIndex: number) => boolean, matches?: Int32Array): Float64Array {
  const { model } = prepared;
  const out = new Float64Array(model.labels.length).fill(Infinity);
  matches?.fill(-1);
  const slack = Math.min(frames - 1, Math.max(0, Math.floor(model.matching.endSlackFrames)));
  const costs = new Float64Array(slack + 1);
  const starts = new Int32Array(slack + 1);
  prepared.templates.forEach((t, i) => {
    if (t.labelIndex < 0 || (only !== undefined && !only(i)) || frames <= 0) return;
    subsequenceDtwEnds(t.data, t.frames, features, frames, model.features.dims, slack + 1, model.matching.skipPenalty, costs, starts);
    for (let k = 0; k <= slack; k++) {
      if (!(costs[k]! < out[t.labelIndex]!)) continue;
      out[t.labelIndex] = costs[k]!;
      if (matches !== undefined) {
        matches[2 * t.labelIndex] = starts[k]!;
        matches[2 * t.labelIndex + 1] = frames - 1 - k;
      }
    }
  });
  return out;
}

/**
 * Scores from template distances, with rejection: a gesture's ratio is `r = max(d / threshold, d / dNone)` (its
 * distance over its learned threshold, and over the nearest `none` template's), its score `2^(-r^2)` (0.5 at the
 * threshold); `none` scores `1 -` the best gesture's score, so `none` wins whenever no gesture is under its
 * threshold and nearer than every `none` template. @internal
 */
export function scoresFromDistances(distances: Float64Array, thresholds: Float64Array, noneIndex: number): Float32Array {
  const scores = new Float32Array(distances.length);
  const dNone = noneIndex >= 0 ? distances[noneIndex]! : Infinity;
  let best = 0;
  for (let i = 0; i < distances.length; i++) {
    if (i === noneIndex) continue;
    const d = distances[i]!;
    const tau = thresholds[i]!;
    const r = Math.max(tau > 0 ? d / tau : Infinity, dNone > 0 ? d / dNone : Infinity);
    const score = Number.isFinite(r) ? Math.pow(2, -r * r) : 0;
    scores[i] = score;
    if (score > best) best = score;
  }
  if (noneIndex >= 0) scores[noneIndex] = 1 - best;
  return scores;
}

/** What {@link classifyWithTemplates} finds in one window. @internal */
export interface TemplateVerdict {
  /** One score per label of `model.labels`, 0..1. */
  scores: Float32Array;
  /** Where the best label's nearest template matched: the window's frame indices of its first and last frame (absent when `none` wins). */
  match?: { start: number; end: number };
}

/**
 * Classifies one packed window with a taught template model: one score per label of `model.labels` (the taught
 * gestures then `none`), 0..1, and where in the window the winning gesture was found.
 *
 * The window's features ({@link templateFeatures}) are matched against every template by subsequence DTW
 * ({@link subsequenceDtwEnds}: the template may match any stretch that ends within the window's last
 * `matching.endSlackFrames` frames, so a short gesture is found at the end of a long window). Each gesture's
 * nearest distance is divided by its learned threshold (and by the nearest `none` template's distance): under 1 is
 * a score above 0.5 (`2^(-r^2)`), and `none` scores 1 minus the best gesture's score, so what is not close to a
 * taught gesture is `none` rather than the least bad class. The match's frames let `stableGestures` tell a repeat
 * of a held gesture from the same performance seen again. About 1 ms for 25 templates on a 30-frame window.
 *
 * @example
 * ```ts
 * import { classifyWithTemplates, prepareTemplateModel } from './classifyWithTemplates.js';
 * const { scores, match } = classifyWithTemplates(prepareTemplateModel(taught), window.pack(), window.size, { aspect: 4 / 3, spanMs: window.span, coveredMs: window.span });
 * ```
 * @internal
 */
export function classifyWithTemplates(prepared: PreparedTemplates, window: Float32Array, frames: number, context: WindowContext): TemplateVerdict {
  const { data } = templateFeatures(window, frames, context, prepared.model.features.weights);
  const matches = new Int32Array(2 * prepared.model.labels.length);
  const scores = scoresFromDistances(templateDistances(prepared, data, frames, undefined, matches), prepared.thresholds, prepared.noneIndex);
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  const start = matches[2 * best]!;
  return best === prepared.noneIndex || start < 0 ? { scores } : { scores, match: { start, end: matches[2 * best + 1]! } };
}
