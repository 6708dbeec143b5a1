/**
 * Page side of the browser inference timing (`npm run eval`): the classifier worker (createClassifierWorker, the
 * same entry the demo uses) on one backend, `count` timed classify() round trips after `warmup` untimed ones.
 */
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import classifierEntry from '../../src/workers/entries/classifierWorker.ts?worker&url';

async function timeClassifier(options: { model: string; backend: 'wasm' | 'cpu'; window: number[]; frames: number; warmup: number; count: number }) {
  const worker = createClassifierWorker({
    model: new URL(options.model, location.href).href,
    backend: options.backend,
    wasmPaths: new URL('/node_modules/@tensorflow/tfjs-backend-wasm/dist/', location.href).href,
    entry: new URL(classifierEntry, location.href),
    name: `classifier-${options.backend}`,
  });
  try {
    const info = await worker.ready;
    const times: number[] = [];
    for (let i = 0; i < options.warmup + options.count; i++) {
      const input = Float32Array.from(options.window);
      const t0 = performance.now();
      await worker.classify(input, [options.frames, 21, 3]);
      if (i >= options.warmup) times.push(performance.now() - t0);
    }
    return { backend: info.backend, times };
  } finally {
    await worker.dispose();
  }
}

(window as unknown as { posestreamTimeClassifier: typeof timeClassifier }).posestreamTimeClassifier = timeClassifier;
document.title = 'timing ready';
