/**
 * Page of the Chromium fault test (test/browser/workerFaults.test.ts), served from src by Vite: a live pipeline
 * (photos as 15 fps frames -> estimateHands(hand-landmarker worker) -> slidingWindow(30) -> classifyLatest(the
 * packaged default gesture model in a worker)), both workers on their packaged assets (wasm, models) and with
 * restart on, while the estimator and classifier workers are killed in turn every few seconds.
 */
import { Subject, concatMap, interval, takeUntil, tap } from 'rxjs';
import type { SourceFrame } from '../../src/types.js';
import { estimateHands } from '../../src/operators/estimateHands.js';
import { classifyLatest } from '../../src/operators/classifyLatest.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import { createHandEstimatorWorker } from '../../src/workers/createHandEstimatorWorker.js';
import type { WorkerRestartEvent } from '../../src/workers/workerTypes.js';
import { FAULT_CHANNEL, type FaultMessage, type FaultMode } from '../fixtures/workers/faultInjector.js';
import { skipRecovered } from '../fixtures/workers/skipRecovered.js';

type Target = 'hand-landmarker' | 'classifier';
interface Restart { target: Target; at: number; lost: number; cause: string; recovered: boolean }

async function runFaults(options: { photos: string[]; runMs: number; killEveryMs: number; timeoutMs: number }) {
  const channel = new BroadcastChannel(FAULT_CHANNEL);
  const sources = await Promise.all(
    options.photos.map(async (url) => createImageBitmap(await (await fetch(url)).blob())),
  );
  const restarts: Restart[] = [];
  const since: Record<Target, number> = { 'hand-landmarker': 0, classifier: 0 };
  const onRestart = (target: Target) => (e: WorkerRestartEvent) => {
    restarts.push({ target, at: performance.now(), lost: e.lost, cause: e.cause.message, recovered: e.cause.recovered });
    since[target] = 0;
  };
  const common = { restart: true, timeoutMs: options.timeoutMs, callTimeoutMs: { init: 60_000 } };
  const estimator = createHandEstimatorWorker({
    ...common,
    model: 'lite',
    worker: () => new Worker(new URL('../fixtures/workers/killableHandLandmarker.ts', import.meta.url), { type: 'module', name: 'hand-landmarker' }),
    onRestart: onRestart('hand-landmarker'),
  });
  const classifier = createClassifierWorker({
    ...common,
    worker: () => new Worker(new URL('../fixtures/workers/killableClassifierWorker.ts', import.meta.url), { type: 'module', name: 'classifier' }),
    onRestart: onRestart('classifier'),
  });
  await Promise.all([estimator.ready, classifier.ready]);
  const info = classifier.info!;

  const lost: Record<Target, number> = { 'hand-landmarker': 0, classifier: 0 };
  let poses = 0;
  let predictions = 0;
  let streamError: string | undefined;
  const stop$ = new Subject<void>();
  const started = performance.now();
  const done = new Promise<void>((resolve) => {
    interval(1000 / 15)
      .pipe(
        takeUntil(stop$),
        concatMap(async (i) => {
          const source = sources[Math.floor(i / 45) % sources.length]!;
          const image = await createImageBitmap(source);
          return { index: i, timestamp: (i * 1000) / 15, image, width: image.width, height: image.height };
        }),
        estimateHands((frame: SourceFrame<ImageBitmap>) => skipRecovered(estimator.estimate(frame), () => (lost['hand-landmarker'] += 1))),
        tap(() => ((poses += 1), (since['hand-landmarker'] += 1))),
        slidingWindow(30),
        classifyLatest((w) => skipRecovered(classifier.classifyWindow(w), () => (lost.classifier += 1))),
      )
      .subscribe({
        next: () => ((predictions += 1), (since.classifier += 1)),
        error: (e: unknown) => ((streamError = e instanceof Error ? `${e.name}: ${e.message}` : String(e)), resolve()),
        complete: resolve,
      });
  });

  const kills: { target: Target; mode: FaultMode; at: number }[] = [];
  const modes: FaultMode[] = ['exit', 'throw', 'hang'];
  const killer = setInterval(() => {
    const now = performance.now();
    const up = (t: Target) => since[t] >= 3 && restarts.filter((r) => r.target === t).length >= kills.filter((k) => k.target === t).length;
    if (now - started > options.runMs) {
      if (up('hand-landmarker') && up('classifier')) stop$.next();
      return;
    }
    const target: Target = kills.length % 2 === 0 ? 'hand-landmarker' : 'classifier';
    if (now - (kills.at(-1)?.at ?? started) < options.killEveryMs || !up(target)) return;
    const mode = modes[Math.floor(kills.length / 2) % modes.length]!;
    kills.push({ target, mode, at: now });
    channel.postMessage({ target, mode } satisfies FaultMessage);
  }, 100);
  await done;
  clearInterval(killer);
  channel.close();
  estimator.dispose();
  await classifier.dispose();
  sources.forEach((s) => s.close());
  return {
    runMs: Math.round(performance.now() - started),
    classifier: { backend: info.backend, labels: info.labels, source: info.source },
    poses,
    predictions,
    streamError,
    kills: kills.map((k) => ({ ...k, at: Math.round(k.at - started) })),
    restarts: restarts.map((r) => ({ ...r, at: Math.round(r.at - started) })),
    lost,
    workerLost: { 'hand-landmarker': estimator.worker.lost, classifier: classifier.worker.lost },
  };
}

const page = { runFaults };
export type WorkerFaultsPage = typeof page;
(window as unknown as { workerFaults: WorkerFaultsPage }).workerFaults = page;
document.title = 'worker faults ready';
