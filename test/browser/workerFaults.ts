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

async function runFaults(options: { photos: string[]; runMs: number; killEveryMs: number; estimatorTimeoutMs: number; classifierTimeoutMs: number }) {
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
  const common = { restart: true, callTimeoutMs: { init: 60_000 } };
  const estimator = createHandEstimatorWorker({
    ...common,
    timeoutMs: options.estimatorTimeoutMs,
    model: 'lite',
    worker: () => new Worker(new URL('../fixtures/workers/killableHandLandmarker.ts', import.meta.url), { type: 'module', name: 'hand-landmarker' }),
    onRestart: onRestart('hand-landmarker'),
  });
  const classifier = createClassifierWorker({
    ...common,
    timeoutMs: options.classifierTimeoutMs,
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
        slidingWindow(30, { onMissingHand: 'skip' }),
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
    // Up again: the classifier has answered since its restart; the estimator has given a window's worth of poses.
    const up = (t: Target) => since[t] >= (t === 'classifier' ? 1 : 30) && restarts.filter((r) => r.target === t).length >= kills.filter((k) => k.target === t).length;
    if (now - started > options.runMs) {
      if (up('hand-landmarker') && up('classifier')) stop$.next();
      return;
    }
    if (now - (kills.at(-1)?.at ?? started) < options.killEveryMs) return;
    // In turn, classifier first, skipping a worker that is not up again yet.
    const preferred: Target = kills.at(-1)?.target === 'classifier' ? 'hand-landmarker' : 'classifier';
    const other: Target = preferred === 'classifier' ? 'hand-landmarker' : 'classifier';
    const target = up(preferred) ? preferred : up(other) ? other : undefined;
    if (target === undefined) return;
    const mode = modes[kills.filter((k) => k.target === target).length % modes.length]!;
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

/** Each bad override gives a typed error naming the URL and the option that sets it. */
async function assetErrors() {
  const describe = (e: unknown) => ({ name: (e as Error).name, message: (e as Error).message });
  const fail = async (run: () => Promise<unknown>) => run().then(() => ({ name: 'none', message: 'resolved' }), describe);
  const results: Record<string, { name: string; message: string }> = {};
  const estimator404 = createHandEstimatorWorker({ worker: '/no/such/handLandmarker.js' });
  results['estimatorWorker'] = await fail(() => estimator404.ready);
  estimator404.dispose();
  const wasm404 = createHandEstimatorWorker({ model: 'lite', wasmBaseUrl: '/no/such/wasm/' });
  results['mediapipeWasm'] = await fail(() => wasm404.ready);
  wasm404.dispose();
  const model404 = createHandEstimatorWorker({ modelAssetPath: '/no/such/hand.task' });
  results['handModel'] = await fail(() => model404.ready);
  model404.dispose();
  const classifier404 = createClassifierWorker({ worker: new URL('/no/such/classifierWorker.js', location.href) });
  results['classifierWorker'] = await fail(() => classifier404.ready);
  await classifier404.dispose();
  const tfjsWasm404 = createClassifierWorker({ backend: 'wasm', wasmPaths: '/no/such/tfjs/' });
  results['tfjsWasm'] = await fail(() => tfjsWasm404.ready);
  await tfjsWasm404.dispose();
  const gesture404 = createClassifierWorker({ model: '/no/such/model.json' });
  results['gestureModel'] = await fail(() => gesture404.ready);
  await gesture404.dispose();
  return results;
}

const page = { runFaults, assetErrors };
export type WorkerFaultsPage = typeof page;
(window as unknown as { workerFaults: WorkerFaultsPage }).workerFaults = page;
document.title = 'worker faults ready';
