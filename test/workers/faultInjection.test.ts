/**
 * Fault injection under a live pipeline (Node): real kairess poses at 30 fps -> slidingWindow(30) ->
 * classifyLatest(the packaged default model in a worker with restart on). For a minute the classifier worker is
 * killed every few seconds, in turn by exiting, by an uncaught error and by a busy loop (found by the call
 * timeout). The stream must never error, each crash may cost at most 2 windows, and predictions go on.
 */
import { Subject, interval, map, takeUntil } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { classifyLatest } from '../../src/operators/classifyLatest.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import type { PoseFrame, Prediction } from '../../src/types.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import type { WorkerRestartEvent } from '../../src/workers/workerTypes.js';
import { FAULT_CHANNEL, type FaultMessage, type FaultMode } from '../fixtures/workers/faultInjector.js';
import { skipRecovered } from '../fixtures/workers/skipRecovered.js';

const RUN_MS = 60_000;
const KILL_EVERY_MS = 4_000;
const MODES: FaultMode[] = ['exit', 'throw', 'hang'];

const channel = new BroadcastChannel(FAULT_CHANNEL);
afterAll(() => channel.close());

describe('classifier worker killed every few seconds for a minute under a live pipeline', () => {
  it('restart on: the stream never errors, each crash costs at most 2 windows, predictions go on', async () => {
    const takes = await loadKairess('../shared/data/landmarks/kairess-gesture-recognition');
    const poses = takes.flatMap((t) => t.frames);
    const restarts: (WorkerRestartEvent & { at: number })[] = [];
    const kills: { mode: FaultMode; at: number }[] = [];
    const lostErrors: Error[] = [];
    let sinceRestart = 0;
    const classifier = createClassifierWorker({
      worker: new URL('../fixtures/workers/killableClassifierWorker.ts', import.meta.url),
      restart: true,
      timeoutMs: 2_000,
      callTimeoutMs: { init: 30_000 },
      onRestart: (e) => {
        restarts.push({ ...e, at: performance.now() });
        sinceRestart = 0;
      },
    });
    await classifier.ready;

    const stop$ = new Subject<void>();
    const predictions: Prediction[] = [];
    let streamError: unknown;
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      interval(1000 / 30)
        .pipe(
          map((i): PoseFrame => ({ ...poses[i % poses.length]!, index: i, timestamp: i * (1000 / 30) })),
          takeUntil(stop$),
          slidingWindow(30),
          classifyLatest((w) => skipRecovered(classifier.classifyWindow(w), (e) => lostErrors.push(e))),
        )
        .subscribe({
          next: (p) => {
            predictions.push(p);
            sinceRestart += 1;
          },
          error: (e: unknown) => {
            streamError = e;
            resolve();
          },
          complete: resolve,
        });
    });

    // Kill only a worker that is up (a prediction since its restart), at most every KILL_EVERY_MS.
    const killer = setInterval(() => {
      const now = performance.now();
      const last = kills.at(-1)?.at ?? started;
      if (now - started > RUN_MS) {
        if (restarts.length >= kills.length && sinceRestart >= 3) stop$.next();
        return;
      }
      if (now - last < KILL_EVERY_MS || sinceRestart < 3 || restarts.length < kills.length) return;
      const mode = MODES[kills.length % MODES.length]!;
      kills.push({ mode, at: now });
      channel.postMessage({ target: 'classifier', mode } satisfies FaultMessage);
    }, 100);
    try {
      await done;
    } finally {
      clearInterval(killer);
      await classifier.dispose();
    }

    const recovery = kills.map((k, i) => ({ mode: k.mode, restartAfterMs: Math.round(restarts[i]!.at - k.at), lost: restarts[i]!.lost }));
    console.info(
      JSON.stringify({
        runMs: Math.round(performance.now() - started),
        predictions: predictions.length,
        kills: kills.length,
        restarts: restarts.length,
        lostWindows: lostErrors.length,
        lostPerCrash: lostErrors.length / restarts.length,
        recovery,
      }),
    );
    expect(streamError).toBeUndefined();
    expect(kills.length).toBeGreaterThanOrEqual(10);
    expect(restarts).toHaveLength(kills.length); // every kill found (hangs by the timeout), nothing else restarted
    expect(restarts.map((r) => r.cause.recovered)).toEqual(restarts.map(() => true));
    expect(lostErrors.length).toBe(classifier.worker.lost);
    expect(lostErrors.length).toBeLessThanOrEqual(2 * restarts.length);
    for (const r of restarts) expect(r.lost).toBeLessThanOrEqual(2);
    // Kills wait for 3 predictions from the restarted worker: predictions went on after every crash.
    expect(predictions.length).toBeGreaterThanOrEqual(3 * kills.length);
    // Predictions came after the last restart: the stream carried on.
    expect(sinceRestart).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
