import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/train/trainingTfjs.js';
import { averageGestureModels } from '../../eval/averageGestureModels.js';
import { createGestureModel } from '../../src/train/createGestureModel.js';
import { loadTrainedModel, saveTrainedModel } from '../../src/train/gestureModelFiles.js';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import { ModelShapeError } from '../../src/train/trainErrors.js';

const windows = (n: number, seed: number): tf.Tensor => tf.randomUniform([n, 30, 21, 3], -1, 1, 'float32', seed);

describe('averageGestureModels', () => {
  beforeAll(async () => {
    await initTfBackend('wasm');
  });

  it('outputs the mean of the members on every window, and survives a save and load', async () => {
    // three members with different weights (seeds), as a seed ensemble trains them
    const members = [1, 2, 3].map((seed) => createGestureModel({ classes: 8, seed }));
    const merged = averageGestureModels(members);
    expect(merged.inputs[0]!.shape).toEqual([null, 30, 21, 3]);
    expect(merged.outputs[0]!.shape).toEqual([null, 8]);
    const x = windows(16, 7);
    const each = members.map((m) => (m.predict(x) as tf.Tensor).arraySync() as number[][]);
    const mean = each[0]!.map((row, i) => row.map((_, j) => (each[0]![i]![j]! + each[1]![i]![j]! + each[2]![i]![j]!) / 3));
    const got = (merged.predict(x) as tf.Tensor).arraySync() as number[][];
    got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(mean[i]![j]!, 5)));
    // the members really differ, so the mean is not any one of them
    expect(Math.abs(each[0]![0]![0]! - each[1]![0]![0]!)).toBeGreaterThan(1e-4);
    const dir = await mkdtemp(join(tmpdir(), 'ensemble-'));
    try {
      await saveTrainedModel(dir, merged, { features: 'wrist-trajectory-v1', frames: 30, fps: 15, durationMs: 2000, labels: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] });
      const loaded = await loadTrainedModel(dir);
      const again = (loaded.model.predict(x) as tf.Tensor).arraySync() as number[][];
      again.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(got[i]![j]!, 6)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses members of different shapes or none, naming the member', () => {
    expect(() => averageGestureModels([])).toThrow(ModelShapeError);
    const a = createGestureModel({ classes: 8, seed: 1 });
    const b = createGestureModel({ classes: 5, seed: 2 });
    expect(() => averageGestureModels([a, b])).toThrow(/member 1 .*output \[null,5\].*member 0 has .*\[null,8\]/);
  });
});
