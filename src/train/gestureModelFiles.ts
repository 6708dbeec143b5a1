import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from './trainingTfjs.js';
import type { GestureReport } from './trainTypes.js';
import { ModelShapeError } from './trainErrors.js';
import { FEATURE_TRANSFORMS } from '../workers/modelFeatures.js';

/** What posestream stores in model.json's `userDefinedMetadata.posestream`. */
export interface GestureModelMetadata {
  /** The feature transform the model expects its input to have been through (see `windowFeatures`). */
  features: string;
  /** Frames per window. */
  frames: number;
  /** The frame rate windows were sampled at in training, frames per second. */
  fps: number;
  /** The time the N frames cover, ms, when windows are resampled over a fixed duration (`frames / fps` s otherwise). */
  durationMs?: number;
  /** The model's labels, in output order. */
  labels: string[];
}

/** What {@link loadTrainedModel} resolves to. */
export interface LoadedGestureModel {
  /** The TensorFlow.js model. */
  model: tf.LayersModel;
  /** Its labels (labels.json), in output order. */
  labels: string[];
  /** Frames per window its input takes (N). */
  frames: number;
  /** The posestream metadata saved in model.json (`userDefinedMetadata.posestream`), when it has any. */
  metadata: GestureModelMetadata | undefined;
  /** report.json, when the directory has one. */
  report: GestureReport | undefined;
}

/**
 * Writes a gesture model directory: `model.json` + `weights.bin` (a tfjs LayersModel, loadable by the classifier
 * worker), `labels.json` (a JSON array of strings, model output order) and, when given, `report.json`.
 * Works in Node without tfjs-node.
 *
 * @example
 * ```ts
 * import { saveTrainedModel } from 'posestream/train';
 * await saveTrainedModel('models/mine', model, { features: 'wrist-trajectory-v1', frames: 30, fps: 30, labels }, report);
 * ```
 */
export async function saveTrainedModel(dir: string, model: tf.LayersModel, meta: GestureModelMetadata, report?: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const bytes = data === undefined ? new Uint8Array(0) : new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
      const json = {
        format: 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        userDefinedMetadata: { posestream: meta },
      };
      await writeFile(join(dir, 'model.json'), `${JSON.stringify(json)}\n`);
      await writeFile(join(dir, 'weights.bin'), bytes);
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON', weightDataBytes: bytes.byteLength } };
    }),
  );
  await writeFile(join(dir, 'labels.json'), `${JSON.stringify(meta.labels)}\n`);
  if (report !== undefined) await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Loads a gesture model directory written by {@link saveTrainedModel} (or any tfjs LayersModel dir with
 * labels.json) and checks it: the input must be [null, N, 21, 3] or [null, N, 63] and the output one score per
 * label, else {@link ModelShapeError} naming model.json and the shape found.
 *
 * @example
 * ```ts
 * import { loadTrainedModel } from 'posestream/train';
 * const { model, labels, frames } = await loadTrainedModel('models/default');
 * ```
 */
export async function loadTrainedModel(
  dir: string,
): Promise<LoadedGestureModel> {
  const path = join(dir, 'model.json');
  const json = JSON.parse(await readFile(path, 'utf8')) as tf.io.ModelJSON;
  const labels = JSON.parse(await readFile(join(dir, 'labels.json'), 'utf8')) as unknown;
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new ModelShapeError(join(dir, 'labels.json'), 'labels.json must be a JSON array of strings');
  }
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const parts = await Promise.all(manifest.flatMap((group) => group.paths.map((p) => readFile(join(dir, p)))));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((offset, p) => (bytes.set(p, offset), offset + p.byteLength), 0);
    return [specs, bytes.buffer];
  });
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const input = model.inputs[0]?.shape ?? [];
  const ok4 = input.length === 4 && input[2] === 21 && input[3] === 3;
  const ok3 = input.length === 3 && input[2] === 63;
  const frames = input[1];
  if ((!ok4 && !ok3) || typeof frames !== 'number') {
    model.dispose();
    throw new ModelShapeError(path, `model input is [${input.map(String).join(', ')}]; a gesture model takes [null, N, 21, 3] or [null, N, 63]`);
  }
  const output = model.outputs[0]?.shape ?? [];
  if (output.length !== 2 || output[1] !== labels.length) {
    model.dispose();
    throw new ModelShapeError(path, `model output is [${output.map(String).join(', ')}] but labels.json has ${labels.length} labels`);
  }
  const metadata = (json.userDefinedMetadata as { posestream?: GestureModelMetadata } | undefined)?.posestream;
  if (metadata !== undefined && !(metadata.features in FEATURE_TRANSFORMS)) {
    model.dispose();
    throw new ModelShapeError(path, `model expects features '${metadata.features}', this version computes ${Object.keys(FEATURE_TRANSFORMS).join(', ')}`);
  }
  const report = await readFile(join(dir, 'report.json'), 'utf8').then((t) => JSON.parse(t) as GestureReport, () => undefined);
  return { model, labels: labels as string[], frames, metadata, report };
}
