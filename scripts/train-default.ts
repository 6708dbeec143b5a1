/**
 * Trains the shipped default gesture model (`npm run train:default`) and writes it to models/default/
 * (model.json, weights.bin, labels.json, report.json). Seeded: running it again reproduces the same weights.
 * Data: ../shared/data (kairess takes + Kazuhito00 hand shapes for synthetic swipes); see docs/training.md.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDefaultDataset } from '../src/train/defaultDataset.js';
import { saveTrainedModel } from '../src/train/gestureModelFiles.js';
import { initTfBackend } from '../src/train/initTfBackend.js';
import { trainGestureModel } from '../src/train/trainGestureModel.js';
import { formatGestureReport } from '../src/train/gestureReport.js';

/** The settings the shipped model was trained with (also written into report.json). */
export const DEFAULT_TRAINING = { seed: 1, epochs: 20, kind: 'gru' as const, validateEvery: 5, frames: 30, fps: 30, stride: 2, blocks: 5, perClass: 250, batchSize: 64 };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = resolve(root, '../shared/data/landmarks');
const out = resolve(root, process.argv[2] ?? 'models/default');

await initTfBackend('wasm');
const t0 = performance.now();
const dataset = await buildDefaultDataset({
  kairessDir: resolve(data, 'kairess-gesture-recognition'),
  keypointCsv: resolve(data, 'kazuhito00-hand-gesture/keypoint.csv'),
  seed: DEFAULT_TRAINING.seed,
  blocks: DEFAULT_TRAINING.blocks,
});
const result = await trainGestureModel({
  ...DEFAULT_TRAINING,
  sequences: dataset.sequences,
  trainClips: dataset.trainClips,
  validationClips: dataset.validationClips,
  onEpoch: (p) =>
    process.stderr.write(
      `epoch ${p.epoch}/${p.epochs}  loss ${p.loss.toFixed(4)}  acc ${(p.accuracy * 100).toFixed(1)}%  val ${(p.validationAccuracy * 100).toFixed(1)}%\n`,
    ),
});
const seconds = (performance.now() - t0) / 1000;
const rel = (p: string): string => p.slice(p.indexOf('shared/data'));
const report = {
  ...result.report,
  perSource: Object.fromEntries(Object.entries(result.report.perSource).map(([k, v]) => [k.includes('shared/data') ? `../${rel(k)}` : k, v])),
  counts: {
    ...result.counts,
    sources: Object.fromEntries(Object.entries(result.counts.sources).map(([k, v]) => [k.includes('shared/data') ? `../${rel(k)}` : k, v])),
  },
  training: { ...DEFAULT_TRAINING, features: result.metadata.features, backend: 'wasm', validation: 'last of 5 time blocks of each kairess take + separately generated synthetic clips' },
};
await saveTrainedModel(out, result.model, result.metadata, report);
process.stdout.write(formatGestureReport(result.report));
process.stdout.write(`\nwrote ${out} in ${seconds.toFixed(1)} s\n`);
