import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTfjsClassifierService } from '../../src/workers/tfjsClassifier.js';
import { createRng } from '../../src/train/createRng.js';
import { loadTrainedModel, saveTrainedModel } from '../../src/train/gestureModelFiles.js';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import { predictWindows } from '../../src/train/predictWindows.js';
import { readKeypointShapes } from '../../src/train/handShapes.js';
import { synthesizeIdle, synthesizeSwipe } from '../../src/train/synthesizeGestures.js';
import { trainGestureModel } from '../../src/train/trainGestureModel.js';
import { windowFeatures } from '../../src/filters/windowFeatures.js';

const KEYPOINTS = '../shared/data/landmarks/kazuhito00-hand-gesture/keypoint.csv';

async function tinyRun(seed: number) {
  const shapes = await readKeypointShapes(KEYPOINTS, { every: 200 });
  const rng = createRng(5);
  const clips = [
    ...Array.from({ length: 6 }, () => synthesizeSwipe('swipe_left', rng.pick(shapes), rng, { duration: [0.3, 0.4] })),
    ...Array.from({ length: 6 }, () => synthesizeSwipe('swipe_right', rng.pick(shapes), rng, { duration: [0.3, 0.4] })),
    ...Array.from({ length: 3 }, () => synthesizeIdle(rng.pick(shapes), rng.pick(shapes), rng)),
  ];
  return trainGestureModel({ sequences: [], trainClips: clips, validationClips: clips.slice(0, 3), frames: 12, perClass: 16, epochs: 2, minWindows: 5, seed });
}

describe('trainGestureModel', () => {
  it('is reproducible: the same seed gives the same weights, another seed does not', async () => {
    await initTfBackend('wasm');
    const a = await tinyRun(3);
    const b = await tinyRun(3);
    const c = await tinyRun(4);
    expect(a.labels).toEqual(['none', 'swipe_left', 'swipe_right']);
    const flat = (r: typeof a) => r.model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(flat(a)).toEqual(flat(b));
    expect(flat(a)).not.toEqual(flat(c));
    expect(a.counts.train['swipe_left']).toBeGreaterThan(5);
    expect(a.report.confusion.flat().reduce((x, y) => x + y, 0)).toBe(a.report.windows);

    // saved directory loads with our loader and with the classifier worker's service; both score the same
    const dir = join(mkdtempSync(join(tmpdir(), 'posestream-model-')), 'm');
    await saveTrainedModel(dir, a.model, a.metadata, a.report);
    const loaded = await loadTrainedModel(dir);
    expect(loaded.labels).toEqual(a.labels);
    expect(loaded.frames).toBe(12);
    const raw = Float32Array.from({ length: 12 * 63 }, (_, i) => 0.5 + 0.1 * Math.sin(i));
    const mine = (await predictWindows(loaded.model, [raw], 12)).scores[0]!;
    const service = createTfjsClassifierService();
    const info = await service.init({ model: join(dir, 'model.json'), backend: 'wasm' });
    expect(info.labels).toEqual(a.labels);
    const theirs = await service.classify(windowFeatures(raw, 12), [12, 21, 3]);
    Array.from(mine).forEach((v, i) => expect(theirs[i]).toBeCloseTo(v, 5));
  }, 60_000);
});
