import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import { readTaughtModelSource } from '../workers/templateClassifier.js';
import { gestureModelSettings, type GestureStageSettings } from './gestureModelSettings.js';
import type { HandGesturePipelineOptions } from './pipelineTypes.js';

/** The gesture model the classifier worker starts with, and the window and gesture settings it runs with. @internal */
export interface ResolvedGestureModel {
  /** `'swipes'`, `'default'`, a TensorFlow.js model.json URL, or a taught model (given, or read from its URL). */
  model: 'swipes' | 'default' | string | URL | TaughtGestureModel;
  /** The window and `stableGestures` settings: a taught model's own, else `initial`. */
  stage: GestureStageSettings;
}

/** A taught model's settings (its window checked against the pipeline's `window` option), or why not. */
function taughtStage(model: TaughtGestureModel, options: HandGesturePipelineOptions, initial: GestureStageSettings, source?: string): ResolvedGestureModel {
  return { model, stage: gestureModelSettings(model, options, initial, source) };
}

/**
 * The pipeline's `gestureModel` option resolved to what the classifier worker loads and the settings it runs with:
 * at once for `'swipes'`, `'default'` and a taught model given as the object (checked by `checkPipelineOptions`; its
 * own window and `stableGestures` settings); for a URL, a Promise: its JSON is read on the page first, and when it
 * is a taught model (`"format": "posestream-templates/v1"`) it is checked and handed to the worker as the object,
 * run with its own settings; anything else (a TensorFlow.js model.json, a URL that cannot be read) stays the URL,
 * for the TensorFlow.js loader to load or to report. Throws (rejects, for a URL) with a `TaughtModelError` naming
 * the model (its URL) for a malformed taught model or one whose window does not fit the pipeline's `window.frames` /
 * `window.durationMs` (both named), and an `InvalidOptionError` for `gestureLabels` given with a taught model.
 * @internal
 */
export function resolveGestureModel(options: HandGesturePipelineOptions, initial: GestureStageSettings): ResolvedGestureModel | Promise<ResolvedGestureModel> {
  const model = options.gestureModel ?? 'swipes';
  if (model === 'swipes' || model === 'default') return { model, stage: initial };
  if (typeof model === 'object' && !(model instanceof URL)) return taughtStage(model, options, initial);
  const href = model instanceof URL ? model.href : model;
  return readTaughtModelSource(href).then((json) => {
    if (json === undefined) return { model, stage: initial };
    const taught = parseTaughtModel(json, href);
    if (options.gestureLabels !== undefined) {
      throw new InvalidOptionError('createHandGesturePipeline', 'gestureLabels', `left out with a taught gestureModel (${href} has its own labels)`, `an array of ${options.gestureLabels.length}`);
    }
    return taughtStage(taught, options, initial, href);
  });
}
