/**
 * Inference cost of a seed ensemble served as ONE model (`tsx scripts/ensemble-timing.ts [recipe] [fold]`): merges
 * the first 1, 2, ... K member models of one LOSO fold (from .cache/loso/models, written by scripts/loso.ts) with
 * `averageGestureModels` into .cache/ensemble/<recipe>/k<K>/, then times each, and the shipped model, as
 * `npm run eval` does (classifier worker in a Node worker thread, wasm, 20 warm-up + 200 timed `classify()` calls
 * of one real 30x21x3 window), two rounds interleaved.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { averageGestureModels } from '../eval/averageGestureModels.js';
import { loadRealSources } from '../eval/realSources.js';
import { SWIPE_RECIPES, seedMembers } from '../eval/swipeRecipe.js';
import { foldModelDir } from '../eval/trainFoldModel.js';
import { loadTrainedModel, saveTrainedModel } from '../src/train/gestureModelFiles.js';
import { initTfBackend } from '../src/train/initTfBackend.js';
import { createClassifierWorker } from '../src/workers/createClassifierWorker.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2] ?? 'window-2s-seeds123';
const fold = process.argv[3] ?? 'ai-forever';
const recipe = SWIPE_RECIPES[name];
if (!recipe?.seeds) throw new Error(`${name} is not a seed ensemble recipe; known: ${Object.keys(SWIPE_RECIPES).filter((n) => SWIPE_RECIPES[n]!.seeds).join(', ')}`);
if (recipe.agreeWith) throw new Error(`${name} has two window lengths: one model file cannot serve it (not built)`);
await initTfBackend('wasm');
const members = await Promise.all(seedMembers(recipe).map((m) => loadTrainedModel(foldModelDir(resolve(root, '.cache/loso/models'), m, [fold]))));
const dirs = [resolve(root, 'models/default')];
for (let k = 1; k <= members.length; k++) {
  const dir = resolve(root, `.cache/ensemble/${name}/k${k}`);
  await saveTrainedModel(dir, averageGestureModels(members.slice(0, k).map((m) => m.model)), members[0]!.metadata!);
  dirs.push(dir);
}
const sources = await loadRealSources(root, resolve(root, process.env.POSESTREAM_DATA ?? '../shared/data'));
const raw = Float32Array.from(sources[0]!.clips[0]!.frames.slice(0, 30).flatMap((f) => f.hands[0]!.landmarks.flatMap((l) => [l.x, l.y, l.z])));
for (const round of [1, 2]) {
  for (const dir of dirs) {
    const worker = createClassifierWorker({ model: resolve(dir, 'model.json'), backend: 'wasm', name: 'classifier-wasm' });
    try {
      await worker.ready;
      const times: number[] = [];
      for (let i = 0; i < 220; i++) {
        const input = raw.slice();
        const t0 = performance.now();
        await worker.classify(input, [30, 21, 3]);
        if (i >= 20) times.push(performance.now() - t0);
      }
      const s = times.sort((a, b) => a - b);
      process.stdout.write(`round ${round}  ${dir.slice(root.length + 1).padEnd(40)} p50 ${s[100]!.toFixed(2)} ms  p95 ${s[190]!.toFixed(2)} ms  (200 calls)\n`);
    } finally {
      await worker.dispose();
    }
  }
}
