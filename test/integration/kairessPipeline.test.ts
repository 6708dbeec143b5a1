// Full Node pipeline on real data: kairess takes -> slidingWindow(30) -> classifyLatest(tfjs classifier in a worker).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/train/trainingTfjs.js';
import { asyncScheduler, lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAIRESS_LABELS, loadKairess, type KairessTake } from '../../src/data/loadKairess.js';
import { classifyLatest } from '../../src/operators/classifyLatest.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import { fromPoseFrames } from '../../src/streams/fromPoseFrames.js';
import { createRng } from '../../src/train/createRng.js';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import type { PoseFrame, Prediction } from '../../src/types.js';
import type { ClassifierWorker } from '../../src/workers/classifierClient.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import { saveTfjsModel } from '../fixtures/workers/saveTfjsModel.js';

const DATA = '../shared/data/landmarks/kairess-gesture-recognition';
const N = 30;
const TRAIN_FRACTION = 0.7;

let takes: KairessTake[];
let dir: string;
let classifier: ClassifierWorker;

/** Packs frames [start, start + N) like PoseWindow.pack(): frame, landmark, x/y/z. */
function packFrames(frames: readonly PoseFrame[], start: number): Float32Array {
  const out = new Float32Array(N * 63);
  for (let f = 0; f < N; f++) {
    const lms = frames[start + f]!.hands[0]!.landmarks;
    for (let j = 0; j < 21; j++) out.set([lms[j]!.x, lms[j]!.y, lms[j]!.z], f * 63 + j * 3);
  }
  return out;
}

beforeAll(async () => {
  takes = await loadKairess(DATA);
  await initTfBackend('wasm');
  // Train on windows wholly inside the first 70% of each take (stride 2); the last 30% is held out.
  const xs: Float32Array[] = [];
  const ys: number[] = [];
  for (const take of takes) {
    const trainEnd = Math.floor(take.frames.length * TRAIN_FRACTION);
    for (let s = 0; s + N <= trainEnd; s += 2) {
      xs.push(packFrames(take.frames, s));
      ys.push(take.classIndex);
    }
  }
  // One fixed shuffled order (seeded), and no shuffle in fit(): tfjs shuffles with Math.random, which made the
  // trained model, and so this test, differ from run to run (one CI run got 0.63 instead of 1.0).
  const order = createRng(7).shuffle(xs.map((_, i) => i));
  const x = tf.tensor3d(Float32Array.from(order.flatMap((i) => Array.from(xs[i]!))), [xs.length, N, 63]);
  const y = tf.oneHot(tf.tensor1d(order.map((i) => ys[i]!), 'int32'), KAIRESS_LABELS.length);
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [N, 63] }),
      tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.dense({ units: KAIRESS_LABELS.length, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  await model.fit(x, y, { epochs: 15, batchSize: 32, shuffle: false, verbose: 0 });
  dir = await mkdtemp(join(tmpdir(), 'posestream-kairess-'));
  const modelPath = await saveTfjsModel(model, dir, KAIRESS_LABELS);
  x.dispose();
  y.dispose();
  model.dispose();
  classifier = createClassifierWorker({ model: modelPath, windowSize: N });
  await classifier.ready;
});

afterAll(async () => {
  await classifier?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kairess takes through the full Node pipeline', () => {
  it('classifies held-out blocks well above chance, and every window is predicted or counted as dropped', async () => {
    expect(classifier.info?.backend).toBe('wasm');
    let correct = 0;
    let predicted = 0;
    for (const take of takes) {
      const heldOut = take.frames.slice(Math.floor(take.frames.length * TRAIN_FRACTION));
      let dropped = 0;
      const predictions: Prediction[] = await lastValueFrom(
        fromPoseFrames(heldOut, { scheduler: asyncScheduler }).pipe(
          slidingWindow(N),
          classifyLatest((w) => classifier.classifyWindow(w), { onDrop: () => (dropped += 1) }),
          toArray(),
        ),
      );
      const windows = heldOut.length - N + 1;
      expect(predictions.length + dropped).toBe(windows);
      expect(predictions.at(-1)?.windowEndIndex).toBe(heldOut.at(-1)?.index);
      for (const p of predictions) {
        expect(p.categories.map((c) => c.categoryName)).toEqual([...KAIRESS_LABELS]);
        if (p.label === take.label) correct += 1;
      }
      predicted += predictions.length;
      console.log(`${take.label}: ${predictions.length} predicted, ${dropped} dropped of ${windows}`);
    }
    const accuracy = correct / predicted;
    console.log(`held-out accuracy ${accuracy.toFixed(3)} over ${predicted} predictions`);
    expect(predicted).toBeGreaterThanOrEqual(takes.length * 2);
    expect(accuracy).toBeGreaterThan(0.9); // measured 1.0 (Dense on raw landmarks, 70/30 time split)
  });
});
