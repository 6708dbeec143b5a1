import { transfer } from 'comlink';
import { prepareTemplateModel } from '../filters/classifyWithTemplates.js';
import { classifyTaughtModel, taughtModelLabels } from '../filters/classifyTaughtModel.js';
import type { PreparedTemplates, TaughtGestureModel } from '../filters/templateTypes.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import type { ClassifierInfo, ClassifierWorkerApi, TemplateClassifierInit } from './classifierProtocol.js';
import { localPath, nodeFiles } from './nodeFiles.js';
import { ModelLoadError } from './workerErrors.js';

/** The name a taught model given as an object goes by where a URL would stand. */
export const TAUGHT_MODEL_SOURCE = 'a taught gesture model (object)';

/**
 * Reads a taught template model from a URL or (Node) path: its parsed JSON when it is one (`format`
 * `posestream-templates/v1`), undefined for anything else (a TensorFlow.js model.json) or when it cannot be read
 * (the TensorFlow.js loader then reports the problem). @internal
 */
export async function readTaughtModelSource(source: string): Promise<unknown> {
  try {
    const path = localPath(source);
    const text = path !== undefined ? await nodeFiles()!.fs.readFile(path, 'utf8') : await (await fetch(source)).text();
    if (!text.includes('posestream-templates/')) return undefined;
    const json = JSON.parse(text) as { format?: unknown };
    return typeof json.format === 'string' && json.format.startsWith('posestream-templates/') ? json : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A taught template model as a classifier worker service: no TensorFlow.js, `classifyTaughtModel` on each window
 * (scores in `taughtModelLabels` order: the taught gestures, the swipes when the model runs them beside, then `none`; then the match's first and last frame, as
 * `reportsMatch` says). The model comes in the init message, as the
 * object or as a URL/path read here; a malformed one, or a `windowSize` other than the model's, rejects with a
 * `ModelLoadError` naming it.
 *
 * @internal
 */
export function createTemplateClassifierService(): ClassifierWorkerApi<TemplateClassifierInit> {
  let prepared: PreparedTemplates | undefined;
  return {
    async init(init) {
      const source = typeof init.model === 'string' ? init.model : TAUGHT_MODEL_SOURCE;
      const json = typeof init.model === 'string' ? await readTaughtModelSource(init.model) : init.model;
      if (json === undefined) throw new ModelLoadError(source, `${source}: not a taught gesture model (no "format": "posestream-templates/v1"), or it could not be read`);
      let model: TaughtGestureModel;
      try {
        model = parseTaughtModel(json, source);
      } catch (err) {
        throw new ModelLoadError(source, (err as Error).message, { cause: err });
      }
      if (init.windowSize !== undefined && init.windowSize !== model.window.frames) {
        throw new ModelLoadError(source, `${source}: the model was taught on windows of ${model.window.frames} frames; windowSize is ${init.windowSize}`);
      }
      prepared = prepareTemplateModel(model);
      const info: ClassifierInfo = { source, labels: taughtModelLabels(model), windowSize: model.window.frames, inputLayout: 'nx21x3', backend: 'templates', reportsMatch: true };
      return info;
    },
    async classify(window, shape, context) {
      if (prepared === undefined) throw new Error('template classifier: classify() before init()');
      const [n] = shape;
      const span = context?.spanMs ?? prepared.model.window.durationMs;
      const { scores, match } = classifyTaughtModel(prepared, window, n, context ?? { aspect: 1, spanMs: span, coveredMs: span });
      const out = new Float32Array(scores.length + 2);
      out.set(scores);
      out[scores.length] = match?.start ?? -1;
      out[scores.length + 1] = match?.end ?? -1;
      return transfer(out, [out.buffer]);
    },
  };
}
