/**
 * Honest evaluation of the shipped default model (`npm run eval [modelDir]`), docs/evaluation.md:
 * 1. kairess accuracy per class on the held-out time block (last of 5) of each take: never trained on, windows of
 *    30 frames resampled to 30 fps, stride 1;
 * 2. real swipe events: the ai-forever clips swipe_left_right / swipe_up_down recorded with `posestream record`
 *    (cached in .cache/eval/, keyed by video hash + estimator model), replayed through the full pipeline
 *    (slidingWindow resampled -> classifier worker -> stableGestures) and matched to eval/labels/*.json;
 *    event precision/recall per clip and in total (plus the same with other pipeline settings, for comparison);
 * 3. the other ai-forever clips (test only, unlabelled, never tuned on): the events the pipeline reports;
 * 4. inference time per window: classifier worker in a Node worker thread and in headless Chromium, wasm and cpu.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifierWorker } from '../src/workers/createClassifierWorker.js';
import { evaluateGestureModel } from '../src/train/evaluateGestureModel.js';
import { formatGestureReport } from '../src/train/gestureReport.js';
import { loadGestureModel } from '../src/train/gestureModelFiles.js';
import { initTfBackend } from '../src/train/initTfBackend.js';
import { loadTrainingInputs } from '../src/train/loadTrainingInputs.js';
import { readRecording } from '../src/recording/readRecording.js';
import { recordCached } from '../eval/recordCached.js';
import { evaluateSwipeClip, formatSwipeReport, readClipLabels, totalScore, type ClipEvaluation } from '../eval/swipeEvents.js';
import { runSwipePipeline, SWIPE_PIPELINE, type SwipePipelineOptions } from '../eval/runSwipePipeline.js';
import { timeClassifierInChromium } from '../eval/browserInference.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = resolve(root, process.argv[2] ?? 'models/default');
const kairess = resolve(root, '../shared/data/landmarks/kairess-gesture-recognition');
const clipsDir = resolve(root, '../shared/data/video/ai-forever-dynamic-gestures');
const out = (s: string): boolean => process.stdout.write(s);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

// 1. kairess held-out blocks.
await initTfBackend('wasm');
const { model, labels, frames, metadata } = await loadGestureModel(modelDir);
const { sequences } = await loadTrainingInputs([kairess]);
const { report } = await evaluateGestureModel(model, labels, frames, sequences, { fps: metadata?.fps ?? 30, blocks: 5, stride: 1 });
out(`== kairess held-out blocks (last 20% of each take), ${modelDir}\n`);
out(formatGestureReport(report));

// 2. Real swipe events.
const recordOptions = { cacheDir: resolve(root, '.cache/eval'), model: 'full' as const, onRecord: (v: string) => process.stderr.write(`recording ${v} (cached afterwards)\n`) };
const worker = createClassifierWorker({ model: resolve(modelDir, 'model.json'), backend: 'wasm' });
await worker.ready;
const classify = worker.classifyWindow;
const labelled = ['swipe_left_right', 'swipe_up_down'];
const recordings = new Map<string, string>();
for (const name of labelled) recordings.set(name, await recordCached(resolve(clipsDir, `${name}.mp4`), recordOptions));
const evaluate = async (options: SwipePipelineOptions): Promise<ClipEvaluation[]> => {
  const results: ClipEvaluation[] = [];
  for (const name of labelled) {
    results.push(await evaluateSwipeClip(name, recordings.get(name) as string, await readClipLabels(resolve(root, `eval/labels/${name}.json`)), classify, options));
  }
  return results;
};
out(`\n== real swipe events (ai-forever clips, 15 fps, labels eval/labels/*.json; matching rule: docs/evaluation.md)\n`);
out(`pipeline: slidingWindow resample ${SWIPE_PIPELINE.window.frames} frames / ${SWIPE_PIPELINE.window.durationMs} ms, onMissingHand '${SWIPE_PIPELINE.onMissingHand}' -> classifier worker (wasm) -> stableGestures ${JSON.stringify(SWIPE_PIPELINE.tracker)}\n`);
out(formatSwipeReport(await evaluate({})));
out(`\nthe same clips with other pipeline settings (comparison only):\n`);
const variants: Array<[string, SwipePipelineOptions]> = [
  ['stableGestures defaults (0.8, 3 in a row, 500 ms)', { tracker: {} }],
  ['threshold 0.6, 2 in a row, 300 ms', { tracker: { threshold: 0.6, minConsecutive: 2, cooldownMs: 300 } }],
  ["onMissingHand 'reset'", { onMissingHand: 'reset' }],
  ["onMissingHand 'hold'", { onMissingHand: 'hold' }],
];
for (const [name, options] of variants) {
  const s = totalScore(await evaluate(options));
  out(`  ${name.padEnd(50)} TP ${s.truePositives}  FP ${s.falsePositives}  FN ${s.falseNegatives}  precision ${pct(s.precision)}  recall ${pct(s.recall)}  other ${s.otherEvents}\n`);
}

// 3. Test-only clips: what the pipeline reports (unlabelled; never used for tuning).
out(`\n== other ai-forever clips (test only, unlabelled): events reported by the same pipeline\n`);
for (const name of ['swipe2_left_right', 'swipe2_up_down', 'swipe3_up_down', 'zoom_in_out']) {
  const { frames: clipFrames } = await readRecording(await recordCached(resolve(clipsDir, `${name}.mp4`), recordOptions));
  const { events } = await runSwipePipeline(clipFrames, classify);
  const missing = clipFrames.filter((f) => f.hands.length === 0).length;
  out(`  ${name.padEnd(18)} ${clipFrames.length} frames (${missing} without a hand): ${events.map((e) => `${e.label} ${e.startFrame}-${e.endFrame}`).join(', ') || 'no events'}\n`);
}
await worker.dispose();

// 4. Inference time per window (raw landmarks in; the worker applies the model's feature transform).
const raw = sequences[0]!.frames.slice(0, frames * 63);
const quantiles = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(2);
  return `p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms  (${sorted.length} calls)`;
};
out(`\n== inference per window (${frames}x21x3, classify() round trip incl. transfer and feature transform; 20 warm-up + 200 timed calls)\n`);
for (const backend of ['wasm', 'cpu'] as const) {
  const node = createClassifierWorker({ model: resolve(modelDir, 'model.json'), backend, name: `classifier-${backend}` });
  try {
    const info = await node.ready;
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const input = raw.slice();
      const t0 = performance.now();
      await node.classify(input, [frames, 21, 3]);
      if (i >= 20) times.push(performance.now() - t0);
    }
    out(`  Node worker thread  ${info.backend.padEnd(5)} ${quantiles(times)}\n`);
  } finally {
    await node.dispose();
  }
}
const modelUrl = `/${modelDir.startsWith(root) ? modelDir.slice(root.length + 1) : 'models/default'}/model.json`;
for (const timing of await timeClassifierInChromium(modelUrl, raw, frames)) {
  out(`  Chromium (headless) ${timing.backend.padEnd(5)} ${quantiles(timing.times)}\n`);
}
