import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveOneSourceOut } from '../../eval/leaveOneSourceOut.js';
import type { RealSource } from '../../eval/realSources.js';
import { predictClips } from '../../eval/sourceEvaluation.js';
import type { SwipeRecipe } from '../../eval/swipeRecipe.js';
import { foldModelDir } from '../../eval/trainFoldModel.js';
import { packWindow } from '../../src/filters/packWindow.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { loadTrainedModel } from '../../src/train/gestureModelFiles.js';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import type { LabelledWindow } from '../../src/train/trainTypes.js';
import type { PoseFrame } from '../../src/types.js';

// Three tiny sources, each one clip at 10 fps: the hand still, moving right (labelled swipe_right), still again.
const clipFrames = (x0: number): PoseFrame[] =>
  Array.from({ length: 24 }, (_, i) => ({ index: i, timestamp: i * 100, hands: [syntheticHand({ wrist: { x: x0 + 0.4 * Math.min(1, Math.max(0, (i - 7) / 9)), y: 0.5 } })] }));
const sources: RealSource[] = ['a', 'b', 'c'].map((name, k) => ({
  name,
  path: name,
  clips: [{ name: `${name}-clip`, frames: clipFrames(0.2 + 0.05 * k), labels: [{ label: 'swipe_right', startFrame: 7, endFrame: 16 }], seconds: 2.4 }],
}));
// Enough windows of every class that training accepts each fold (10 frames, 1 s).
const moving = (dx: number, x0: number): Float32Array => packWindow(Array.from({ length: 10 }, (_, i) => syntheticHand({ wrist: { x: x0 + (dx * i) / 9, y: 0.5 } })));
const synthetic: LabelledWindow[] = Array.from({ length: 24 }, (_, k) => 0.3 + 0.01 * k).flatMap((x0, k) => [
  { window: moving(0.3, x0), label: 'swipe_right', source: `right-${k}`, endFrame: 9 },
  { window: moving(-0.3, x0 + 0.3), label: 'swipe_left', source: `left-${k}`, endFrame: 9 },
  { window: moving(0, x0), label: 'none', source: `still-${k}`, endFrame: 9 },
]);
const recipe: SwipeRecipe = {
  name: 'tiny-nested',
  window: { frames: 10, durationMs: 1000 },
  timeScales: [1],
  syntheticSwipe: { duration: [0.3, 1], clips: 0 },
  syntheticIdle: 0,
  trackerOn: 'inner-folds',
  epochs: 1,
  perClass: 8,
  seed: 1,
};

let cacheDir = '';
beforeAll(async () => {
  await initTfBackend('wasm');
  cacheDir = await mkdtemp(join(tmpdir(), 'loso-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe("leaveOneSourceOut with trackerOn: 'inner-folds'", () => {
  it('chooses each fold’s settings on its training sources predicted by models that never saw them', async () => {
    const results = await leaveOneSourceOut(sources, async () => synthetic, recipe, { cacheDir });
    expect(results.map((r) => r.source)).toEqual(['a', 'b', 'c']);
    // 3 outer models (one per held-out source) and 3 inner ones (one per pair, shared by the two folds that need it)
    const keys = await Promise.all((await readdir(cacheDir)).map((d) => readFile(join(cacheDir, d, 'key.txt'), 'utf8')));
    expect(keys.map((k) => k.trim().replace(/.* held out: /, '')).sort()).toEqual(['a', 'a+b', 'a+c', 'b', 'b+c', 'c']);
    // fold a: its settings were chosen on b predicted by the model trained without a and b, and c by the one without a and c
    const foldA = results[0]!;
    expect(Object.keys(foldA.trackerPredictions!).sort()).toEqual(['b-clip', 'c-clip']);
    for (const inner of ['b', 'c']) {
      const { model, labels } = await loadTrainedModel(foldModelDir(cacheDir, recipe, ['a', inner]));
      const [own] = await predictClips(model, labels, sources.find((s) => s.name === inner)!.clips, recipe.window);
      model.dispose();
      const rows = foldA.trackerPredictions![`${inner}-clip`]!;
      expect(rows.map((r) => r[0])).toEqual(own!.predictions.map((p) => p.windowEndIndex));
      expect(rows.map((r) => foldA.labels[r[2]])).toEqual(own!.predictions.map((p) => p.label));
      expect(rows.map((r) => r[3])).toEqual(own!.predictions.map((p) => Number(p.score.toFixed(4))));
    }
  }, 120_000);
});
