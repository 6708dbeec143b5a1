/**
 * Honest evaluation of the shipped default model (`npm run eval`):
 * 1. kairess accuracy on the held-out time block (last of 5) of each take: never trained on, windows of 30
 *    frames resampled to 30 fps, stride 1;
 * 2. inference time per window in a Node worker (the classifier worker entry), on wasm and on cpu.
 * Real swipe-event evaluation needs recordings of the ai-forever clips (hand-made event labels for them are in eval/labels/).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnWorker } from '../src/workers/spawnWorker.js';
import type { ClassifierWorkerApi, TfjsClassifierInit } from '../src/workers/classifierProtocol.js';
import { evaluateGestureModel } from '../src/train/evaluateGestureModel.js';
import { formatGestureReport } from '../src/train/gestureReport.js';
import { loadGestureModel } from '../src/train/gestureModelFiles.js';
import { initTfBackend } from '../src/train/initTfBackend.js';
import { loadTrainingInputs } from '../src/train/loadTrainingInputs.js';
import { windowFeatures } from '../src/filters/windowFeatures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = resolve(root, process.argv[2] ?? 'models/default');
const kairess = resolve(root, '../shared/data/landmarks/kairess-gesture-recognition');

await initTfBackend('wasm');
const { model, labels, frames, metadata } = await loadGestureModel(modelDir);
const { sequences } = await loadTrainingInputs([kairess]);
const { report } = await evaluateGestureModel(model, labels, frames, sequences, { fps: metadata?.fps ?? 30, blocks: 5, stride: 1 });
process.stdout.write(`kairess held-out blocks (last 20% of each take), ${modelDir}\n`);
process.stdout.write(formatGestureReport(report));

// Inference time per window in a worker thread, per backend: 20 warm-up calls, then 200 timed calls.
const entry = resolve(root, 'src/workers/entries/classifierWorker.ts');
const raw = sequences[0]!.frames.subarray(0, frames * 63);
process.stdout.write(`\ninference per window in a Node worker (${frames}x21x3, classify() round trip incl. transfer)\n`);
for (const backend of ['wasm', 'cpu'] as const) {
  const worker = spawnWorker<ClassifierWorkerApi<TfjsClassifierInit>>(entry, { name: `classifier-${backend}` });
  try {
    const info = await worker.api.init({ model: resolve(modelDir, 'model.json'), backend });
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const input = windowFeatures(raw, frames);
      const t0 = performance.now();
      await worker.api.classify(input, [frames, 21, 3]);
      if (i >= 20) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const q = (p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN).toFixed(2);
    process.stdout.write(`  ${info.backend.padEnd(5)} p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms  (${times.length} calls)\n`);
  } finally {
    await worker.terminate();
  }
}
