import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '../../src/train/trainingTfjs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { packWindow } from '../../src/filters/packWindow.js';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import { windowFeatures } from '../../src/filters/windowFeatures.js';
import { loadTrainedModel } from '../../src/train/gestureModelFiles.js';
import { featureTransformFor } from '../../src/workers/modelFeatures.js';
import { palmMotionFeatures } from '../../src/train/palmMotionFeatures.js';
import { createTfjsClassifierService } from '../../src/workers/tfjsClassifier.js';
import { ModelLoadError } from '../../src/workers/workerErrors.js';
import { saveTfjsModel } from '../fixtures/workers/saveTfjsModel.js';

const kairessDir = resolve('../shared/data/landmarks/kairess-gesture-recognition');
const defaultModel = resolve('models/default');
let dir: string;

beforeAll(async () => {
  await initTfBackend('wasm');
  dir = await mkdtemp(join(tmpdir(), 'posestream-features-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('model input features', () => {
  it('the classifier service applies the transform the shipped model declares (same scores as training code)', async () => {
    const [take] = await loadKairess(kairessDir);
    const frames = take!.frames.slice(100, 130);
    const packed = packWindow(frames.map((f) => f.hands[0]!));
    const { model, labels } = await loadTrainedModel(defaultModel);
    const expected = (model.predict(tf.tensor(windowFeatures(packed, 30), [1, 30, 21, 3])) as tf.Tensor).dataSync();
    const raw = (model.predict(tf.tensor(packed, [1, 30, 21, 3])) as tf.Tensor).dataSync();
    const service = createTfjsClassifierService();
    const info = await service.init({ model: join(defaultModel, 'model.json'), backend: 'wasm' });
    expect(info.labels).toEqual(labels);
    const scores = await service.classify(packed.slice(), [30, 21, 3]);
    expect(Array.from(scores).map((v) => +v.toFixed(4))).toEqual(Array.from(expected).map((v) => +v.toFixed(4)));
    // and the transform matters: raw windows would score differently
    expect(Math.max(...Array.from(scores, (v, i) => Math.abs(v - (raw[i] as number))))).toBeGreaterThan(1e-3);
    model.dispose();
  });

  it('refuses a model that names an unknown transform, naming the model', async () => {
    const m = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [30, 21, 3] }), tf.layers.dense({ units: 2 })] });
    m.setUserDefinedMetadata({ posestream: { features: 'elbow-v9' } });
    const path = await saveTfjsModel(m, join(dir, 'unknown'), ['a', 'b']);
    const service = createTfjsClassifierService();
    const error = await service.init({ model: path, backend: 'wasm' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect(String((error as Error).message)).toContain(path);
    expect(String((error as Error).message)).toContain('elbow-v9');
    expect(featureTransformFor(undefined, 'x')).toBeUndefined();
    // the training-side loader refuses it too, naming the file
    await expect(loadTrainedModel(join(dir, 'unknown'))).rejects.toThrow(/unknown.*elbow-v9/s);
  });

  it('knows the palm-motion-v1 transform a real-data model declares', async () => {
    expect(featureTransformFor({ posestream: { features: 'palm-motion-v1' } }, 'm')).toBe(palmMotionFeatures);
    const m = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [30, 21, 3] }), tf.layers.dense({ units: 2, activation: 'softmax' })] });
    m.setUserDefinedMetadata({ posestream: { features: 'palm-motion-v1' } });
    const path = await saveTfjsModel(m, join(dir, 'palm'), ['a', 'b']);
    const [take] = await loadKairess(kairessDir);
    const packed = packWindow(take!.frames.slice(100, 130).map((f) => f.hands[0]!));
    const expected = (m.predict(tf.tensor(palmMotionFeatures(packed, 30), [1, 30, 21, 3])) as tf.Tensor).dataSync();
    const service = createTfjsClassifierService();
    await service.init({ model: path, backend: 'wasm' });
    const scores = await service.classify(packed.slice(), [30, 21, 3]);
    expect(Array.from(scores).map((v) => +v.toFixed(4))).toEqual(Array.from(expected).map((v) => +v.toFixed(4)));
    const loaded = await loadTrainedModel(join(dir, 'palm'));
    expect(loaded.metadata?.features).toBe('palm-motion-v1');
    loaded.model.dispose();
  });
});
