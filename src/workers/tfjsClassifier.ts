import { transfer } from 'comlink';
import * as tf from './tfjs.js';
import type { ClassifierInfo, ClassifierInputLayout, ClassifierWorkerApi, TfjsClassifierInit } from './classifierProtocol.js';
import { loadLabels, loadTfjsModel } from './loadTfjsModel.js';
import { selectTfjsBackend } from './tfjsBackend.js';
import { ClassifierError, ModelLoadError } from './workerErrors.js';
import { featureTransformFor, type FeatureTransform } from './modelFeatures.js';

const shapeText = (shape: readonly (number | null)[]): string => `[${shape.map((d) => (d === null ? 'null' : d)).join(', ')}]`;

/** Checks the model takes [null, N, 21, 3] or [null, N, 63] and gives one score per label. */
function checkModel(model: tf.LayersModel, source: string, labels: string[], windowSize?: number): ClassifierInfo {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new ModelLoadError(source, `model ${source} must have one input and one output (has ${model.inputs.length} and ${model.outputs.length})`);
  }
  const input = model.inputs[0]!.shape;
  const output = model.outputs[0]!.shape;
  const n = input[1];
  let layout: ClassifierInputLayout | undefined;
  if (input.length === 4 && input[0] === null && input[2] === 21 && input[3] === 3) layout = 'nx21x3';
  if (input.length === 3 && input[0] === null && input[2] === 63) layout = 'nx63';
  if (layout === undefined || typeof n !== 'number') {
    throw new ModelLoadError(source, `model ${source} has input shape ${shapeText(input)}; expected [null, N, 21, 3] or [null, N, 63]`);
  }
  if (windowSize !== undefined && n !== windowSize) {
    throw new ModelLoadError(source, `model ${source} takes windows of ${n} frames (input ${shapeText(input)}); windowSize is ${windowSize}`);
  }
  if (output.length !== 2 || output[1] !== labels.length) {
    throw new ModelLoadError(source, `model ${source} has output shape ${shapeText(output)}; expected [null, ${labels.length}] for ${labels.length} labels (${labels.join(', ')})`);
  }
  return { source, labels, windowSize: n, inputLayout: layout, backend: 'cpu' };
}

/**
 * The TensorFlow.js classifier a worker runs: loads a LayersModel (URL or Node path) on wasm (cpu fallback),
 * checks its shapes against the labels, and scores packed windows. The `classifierWorker` entry exposes it.
 *
 * Internal: the packaged worker entry runs it (no public entry exports it).
 *
 * @example
 * ```ts
 * import { exposeWorker } from 'posestream/workers';
 * import { createTfjsClassifierService } from '../tfjsClassifier.js'; // src/workers/entries/classifierWorker.ts
 * exposeWorker(createTfjsClassifierService());
 * ```
 * @internal
 */
export function createTfjsClassifierService(): ClassifierWorkerApi<TfjsClassifierInit> {
  let model: tf.LayersModel | undefined;
  let info: ClassifierInfo | undefined;
  let transform: FeatureTransform | undefined;
  return {
    async init(options) {
      const source = String(options.model);
      const backend = await selectTfjsBackend(options.backend ?? 'auto', options.wasmPaths);
      try {
        const loaded = await loadTfjsModel(source, options.weightUrls);
        try {
          const labels = options.labels ? [...options.labels] : await loadLabels(source, options.labelsUrl);
          info = { ...checkModel(loaded, source, labels, options.windowSize), backend };
          transform = featureTransformFor(loaded.getUserDefinedMetadata(), source);
        } catch (err) {
          loaded.dispose();
          throw err;
        }
        model?.dispose();
        model = loaded;
        return info;
      } catch (err) {
        if (err instanceof ModelLoadError && options.modelOption !== undefined) {
          throw new ModelLoadError(err.source, `${err.message} (model set by ${options.modelOption})`, { cause: err });
        }
        throw err;
      }
    },
    async classify(window, shape) {
      if (!model || !info) throw new Error('classifier worker: classify() before init()');
      const [n, landmarks, coords] = shape;
      if (n !== info.windowSize || landmarks !== 21 || coords !== 3 || window.length !== n * 63) {
        throw new ModelLoadError(info.source, `model ${info.source} takes [${info.windowSize}, 21, 3] windows; got shape [${shape.join(', ')}] with ${window.length} values`);
      }
      const dims = info.inputLayout === 'nx21x3' ? [1, n, 21, 3] : [1, n, 63];
      const m = model;
      const input = transform ? transform(window, n) : window;
      let scores: Float32Array;
      try {
        const out = tf.tidy(() => m.predict(tf.tensor(input, dims, 'float32')) as tf.Tensor);
        scores = new Float32Array(await out.data());
        out.dispose();
      } catch (err) {
        throw new ClassifierError(info.source, `model ${info.source} failed on a window of shape [${shape.join(', ')}]: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      return transfer(scores, [scores.buffer]);
    },
  };
}
