/**
 * Scenario `classifiers`: what one window costs each packaged gesture model, in the classifier worker (Node
 * worker_threads), on real landmarks (a kairess take at 30 fps, 640 x 480), in the same run: row `swipes` (the
 * swipe recogniser, the default: 61 frames over 3 s) beside row `learned` (the TensorFlow.js model on wasm: 30
 * frames over 966.7 ms), so a figure set by this machine shows beside its baseline. `serviceUs` is the recogniser's
 * own work in this thread (no transport); `roundTrip*` is `classifyWindow` through the worker.
 */
import { from, lastValueFrom, toArray } from 'rxjs';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SWIPE_SETTINGS } from '../../src/defaultModelSettings.js';
import { recogniseSwipe } from '../../src/filters/recogniseSwipe.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import type { PoseFrame, PoseWindow } from '../../src/types.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import type { BenchRecord } from '../benchTypes.js';
import { loadTakeHands } from '../data.js';
import { pctFigures, round } from '../measure.js';

async function windowsOf(settings: typeof DEFAULT_SWIPE_SETTINGS, frames: readonly PoseFrame[]): Promise<PoseWindow[]> {
  const { window, onMissingHand, maxGapMs } = settings;
  return lastValueFrom(from(frames).pipe(slidingWindow(window.frames, { resample: window, onMissingHand, maxGapMs }), toArray()));
}

/** Times `count` windows of each model through its worker, and the recogniser alone. */
export async function runClassifiers(count: number): Promise<BenchRecord[]> {
  const frames: PoseFrame[] = loadTakeHands().map((hand, i) => ({ index: i, timestamp: (i * 1000) / 30, hands: [hand], width: 640, height: 480 }));
  const out: BenchRecord[] = [];
  for (const [row, model, settings] of [['swipes', 'swipes', DEFAULT_SWIPE_SETTINGS], ['learned', 'default', DEFAULT_MODEL_SETTINGS]] as const) {
    const windows = (await windowsOf(settings, frames)).slice(0, count);
    const worker = createClassifierWorker({ model });
    try {
      const info = await worker.ready;
      for (const w of windows.slice(0, 20)) await worker.classifyWindow(w); // warm-up
      const trips: number[] = [];
      for (const w of windows) {
        const t0 = performance.now();
        await worker.classifyWindow(w);
        trips.push(performance.now() - t0);
      }
      let serviceUs: number | null = null;
      if (row === 'swipes') {
        const packed = windows.map((w) => w.pack());
        const context = { aspect: 4 / 3, spanMs: settings.window.durationMs, coveredMs: settings.window.durationMs };
        const pass = (): void => {
          for (const p of packed) recogniseSwipe(p, settings.window.frames, context);
        };
        for (let r = 0; r < 5; r++) pass(); // warm-up: the worker runs it on every window, so it is hot there
        const passes = 10;
        const t0 = performance.now();
        for (let r = 0; r < passes; r++) pass();
        serviceUs = round(((performance.now() - t0) * 1000) / (passes * packed.length));
      }
      out.push({ scenario: 'classifiers', row, backend: info.backend, windowFrames: settings.window.frames, windows: windows.length, serviceUs, ...pctFigures('roundTrip', trips, ['p50', 'p95', 'max']) });
    } finally {
      await worker.dispose();
    }
  }
  return out;
}
