import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/train/trainingTfjs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import type { ClassifierWorker } from '../../src/workers/classifierClient.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import { ModelLoadError } from '../../src/workers/workerErrors.js';
import type { TfjsClassifierInit } from '../../src/workers/classifierProtocol.js';
import { createTfjsClassifierService } from '../../src/workers/tfjsClassifier.js';
import { saveTfjsModel } from '../fixtures/workers/saveTfjsModel.js';

const labels = ['come', 'away', 'spin'];
let dir: string;
let goodModel: tf.LayersModel;
let goodPath: string;
let server: Server;
let base: string;

beforeAll(async () => {
  await initTfBackend('wasm');
  dir = await mkdtemp(join(tmpdir(), 'posestream-clf-'));
  goodModel = tf.sequential({
    layers: [
      tf.layers.gru({ inputShape: [30, 63], units: 8 }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  goodPath = await saveTfjsModel(goodModel, join(dir, 'good'), labels);
  const flat = tf.sequential({ layers: [tf.layers.dense({ inputShape: [63], units: 3 })] });
  await saveTfjsModel(flat, join(dir, 'wrong-input'), labels);
  const twoOut = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [30, 21, 3] }), tf.layers.dense({ units: 2 })] });
  await saveTfjsModel(twoOut, join(dir, 'wrong-output'), labels);
  await saveTfjsModel(goodModel, join(dir, 'corrupt-json'), labels);
  await writeFile(join(dir, 'corrupt-json', 'model.json'), '{"modelTopology": {"class_name": ');
  await saveTfjsModel(goodModel, join(dir, 'corrupt-weights'), labels);
  const weights = await readFile(join(dir, 'corrupt-weights', 'weights.bin'));
  await writeFile(join(dir, 'corrupt-weights', 'weights.bin'), weights.subarray(0, 100));
  // 404 for everything but /good/model.json and /good/weights.bin (so labels.json is the missing file there).
  server = createServer((req, res) => {
    const file = /^\/good\/(model\.json|weights\.bin)$/.exec(req.url ?? '')?.[1];
    if (file === undefined) {
      res.statusCode = 404;
      res.end(`no ${req.url}`);
      return;
    }
    readFile(join(dir, 'good', file)).then((bytes) => res.end(bytes), () => ((res.statusCode = 500), res.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  goodModel?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function loadError(c: ClassifierWorker): Promise<ModelLoadError> {
  try {
    const err = await c.ready.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    return err as ModelLoadError;
  } finally {
    await c.dispose();
  }
}

describe('createClassifierWorker (TensorFlow.js in a worker)', () => {
  it('loads a saved model on wasm in the worker and matches the main-thread outputs', async () => {
    const c = createClassifierWorker({ model: goodPath });
    try {
      const info = await c.ready;
      expect(info).toMatchObject({ labels, windowSize: 30, inputLayout: 'nx63', backend: 'wasm', source: goodPath });
      for (let k = 0; k < 3; k++) {
        const input = Float32Array.from({ length: 30 * 63 }, (_, i) => Math.sin(i * 0.37 + k));
        const expected = (goodModel.predict(tf.tensor(input, [1, 30, 63])) as tf.Tensor).dataSync();
        const got = await c.classify(input.slice(), [30, 21, 3]);
        expect(got).toHaveLength(3);
        for (let i = 0; i < 3; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-4);
      }
      await expect(c.classify(new Float32Array(10 * 63), [10, 21, 3])).rejects.toThrow(/takes windows of 30 frames/);
    } finally {
      await c.dispose();
    }
  });

  it("model 'default' (and no model) loads the packaged gesture model from its three files", async () => {
    const labelsJson = JSON.parse(await readFile(new URL('../../models/default/labels.json', import.meta.url), 'utf8')) as string[];
    for (const c of [createClassifierWorker(), createClassifierWorker({ model: 'default' })]) {
      try {
        const info = await c.ready;
        expect(info).toMatchObject({ labels: labelsJson, windowSize: 30, inputLayout: 'nx21x3' });
        expect(info.source).toMatch(/models\/default\/model\.json$/);
        expect(c.worker.entry).toMatch(/src\/workers\/entries\/classifierWorker\.ts$/);
      } finally {
        await c.dispose();
      }
    }
  });

  it('a window of the wrong size names the model and both shapes', async () => {
    const c = createClassifierWorker({ model: goodPath });
    try {
      await c.ready;
      const err = await c.classify(new Float32Array(10 * 63), [10, 21, 3]).catch((e: unknown) => e);
      expect((err as Error).message).toBe(`model ${goodPath} takes windows of 30 frames (shape [30, 21, 3]); got a window of shape [10, 21, 3]`);
    } finally {
      await c.dispose();
    }
  });

  it('names a 404 model URL', async () => {
    const url = `${base}/models/gone/model.json`;
    const err = await loadError(createClassifierWorker({ model: url, labels }));
    expect(err.message).toContain(url);
    expect(err.message).toContain('404');
    expect(err.message).toContain('set by the "model" option');
  });

  it('names a corrupt model.json', async () => {
    const json = join(dir, 'corrupt-json', 'model.json');
    const err = await loadError(createClassifierWorker({ model: json }));
    expect(err.message).toContain(json);
    expect(err.message).toContain('not valid JSON');
  });
});

// The same service the worker entry exposes, run in-process for the remaining load checks (fast).
describe('createTfjsClassifierService', () => {
  async function initError(init: TfjsClassifierInit): Promise<ModelLoadError> {
    const err = await createTfjsClassifierService().init(init).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    return err as ModelLoadError;
  }

  it('rejects a model whose output size does not match the labels', async () => {
    const err = await initError({ model: join(dir, 'wrong-output', 'model.json') });
    expect(err.message).toMatch(/output shape \[null, 2\]; expected \[null, 3\]/);
  });

  it('rejects a window size that does not match the model', async () => {
    const err = await initError({ model: goodPath, windowSize: 20 });
    expect(err.message).toContain('takes windows of 30 frames');
  });

  it('names a 404 labels.json', async () => {
    const err = await initError({ model: `${base}/good/model.json` });
    expect(err.message).toContain(`${base}/good/labels.json`);
    expect(err.message).toContain('404');
  });

  it('names truncated weights (file: URL)', async () => {
    const path = join(dir, 'corrupt-weights', 'model.json');
    const err = await initError({ model: `file://${path}` });
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/100 bytes; its manifest declares \d+/);
  });

  it('runs on cpu when asked and reports it', async () => {
    try {
      const info = await createTfjsClassifierService().init({ model: goodPath, backend: 'cpu', labels: ['a', 'b', 'c'] });
      expect(info).toMatchObject({ backend: 'cpu', labels: ['a', 'b', 'c'], windowSize: 30 });
      expect(tf.getBackend()).toBe('cpu');
    } finally {
      await initTfBackend('wasm');
    }
  });
});
