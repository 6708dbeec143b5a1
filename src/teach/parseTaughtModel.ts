import { resolveSwipeOptions } from '../filters/resolveSwipeOptions.js';
import { SWIPE_LABELS, type SwipeOptions } from '../filters/swipeTypes.js';
import { TEMPLATE_FEATURE_DIMS } from '../filters/templateFeatures.js';
import { TEMPLATE_MODEL_FORMAT, type TaughtGestureModel } from '../filters/templateTypes.js';
import { TaughtModelError } from './TaughtModelError.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Checks a taught gesture model's JSON (as `JSON.parse` gives it) and returns it typed: the format, labels (ending in
 * `none`), window settings, gesture settings, thresholds, every template's shape and numbers, and `swipes` (valid swipe
 * recogniser options, no taught label that is one of its swipes). Throws a
 * {@link TaughtModelError} naming `source` and the first field that is wrong.
 *
 * @example
 * ```ts
 * import { parseTaughtModel } from 'posestream';
 * const model = parseTaughtModel(JSON.parse(text), 'gestures.json');
 * ```
 */
export function parseTaughtModel(json: unknown, source: string): TaughtGestureModel {
  const fail = (detail: string): never => {
    throw new TaughtModelError(source, detail);
  };
  if (!isObject(json)) return fail('not a JSON object');
  if (json['format'] !== TEMPLATE_MODEL_FORMAT) fail(`format is ${JSON.stringify(json['format'])}, expected "${TEMPLATE_MODEL_FORMAT}"`);
  const labels = json['labels'];
  if (!Array.isArray(labels) || labels.length < 2 || labels.some((l) => typeof l !== 'string' || l === '') || labels[labels.length - 1] !== 'none') {
    fail('labels must be an array of at least 2 non-empty strings ending in "none"');
  }
  const window = json['window'];
  if (!isObject(window) || !Number.isInteger(window['frames']) || (window['frames'] as number) < 3 || !positive(window['durationMs'])) {
    fail('window must be { frames: an integer >= 3, durationMs: > 0 }');
  }
  const features = json['features'];
  if (!isObject(features) || features['dims'] !== TEMPLATE_FEATURE_DIMS || !isObject(features['weights'])) fail(`features.dims must be ${TEMPLATE_FEATURE_DIMS}, with weights`);
  const gestures = json['gestures'];
  if (!isObject(gestures) || typeof gestures['threshold'] !== 'number' || !Number.isInteger(gestures['minConsecutive'])) fail('gestures must hold threshold and minConsecutive');
  const split = (gestures as Record<string, unknown>)['splitRepeats'];
  if (split !== undefined && typeof split !== 'boolean') fail('gestures.splitRepeats must be true or false');
  const matching = json['matching'];
  if (!isObject(matching) || !Number.isInteger(matching['endSlackFrames']) || typeof matching['skipPenalty'] !== 'number') fail('matching must hold endSlackFrames and skipPenalty');
  const thresholds = json['thresholds'];
  if (!isObject(thresholds)) return fail('thresholds must be an object');
  for (const label of (labels as string[]).slice(0, -1)) {
    if (typeof thresholds[label] !== 'number' || !Number.isFinite(thresholds[label] as number)) fail(`thresholds["${label}"] must be a finite number`);
  }
  const templates = json['templates'];
  if (!Array.isArray(templates) || templates.length === 0) return fail('templates must be a non-empty array');
  templates.forEach((t: unknown, i) => {
    if (!isObject(t) || !(labels as string[]).includes(t['label'] as string)) return fail(`templates[${i}].label is not one of the labels`);
    const frames = t['frames'];
    const data = t['data'];
    if (!Number.isInteger(frames) || (frames as number) < 1 || !Array.isArray(data) || data.length !== (frames as number) * TEMPLATE_FEATURE_DIMS) {
      return fail(`templates[${i}] must have frames x ${TEMPLATE_FEATURE_DIMS} numbers in data`);
    }
    if (data.some((v) => typeof v !== 'number' || !Number.isFinite(v))) fail(`templates[${i}].data holds a non-finite value`);
    return undefined;
  });
  const swipes = json['swipes'];
  if (swipes !== undefined) {
    if (!isObject(swipes)) fail('swipes must be an object of swipe recogniser options ({} for its defaults)');
    const clash = (labels as string[]).find((l) => (SWIPE_LABELS as readonly string[]).includes(l) && l !== 'none');
    if (clash !== undefined) fail(`swipes: "${clash}" is a taught label and one of the swipe recogniser's`);
    try {
      resolveSwipeOptions(swipes as SwipeOptions, 'swipes');
    } catch (err) {
      fail((err as Error).message);
    }
  }
  return json as unknown as TaughtGestureModel;
}
