/**
 * Fault injection in Chromium: a live pipeline with both workers (hand landmarker and the default gesture
 * classifier, each on its packaged wasm and model, restart on) while one of them is killed every few seconds for
 * a minute: in turn silently (the worker closes itself: only the call timeout notices), by an uncaught error,
 * and by a busy loop. The stream must never error and each crash may cost at most 2 values.
 */
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceWorkerEntries } from '../../src/browser/startPageServer.js';
import { launchChromium, type LaunchedChromium } from '../../src/browser/launchChromium.js';
import { staticMounts } from '../../src/browser/staticMounts.js';
import { PHOTOS, SHARED_DATA } from './browserSession.js';
import type { WorkerFaultsPage } from './workerFaults.js';

let server: ViteDevServer;
let origin: string;
let browser: LaunchedChromium;

beforeAll(async () => {
  // The repo served from src like an app's dev server: TensorFlow.js pre-bundled (its ESM has CommonJS
  // dependencies), and the wasm that dist/assets/ holds served where the source's literal URLs point.
  server = await createServer({
    root: resolve('.'),
    configFile: false,
    logLevel: 'error',
    clearScreen: false,
    cacheDir: resolve('node_modules/.vite-worker-faults'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    worker: { format: 'es' },
    optimizeDeps: {
      noDiscovery: true,
      include: ['rxjs', 'comlink', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'],
    },
    plugins: [
      staticMounts({
        '/shared-data/': SHARED_DATA,
        '/src/assets/mediapipe/': resolve('node_modules/@mediapipe/tasks-vision/wasm'),
        '/src/assets/tfjs/': resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist'),
      }),
      sourceWorkerEntries(resolve('.')),
    ],
  });
  await server.listen();
  const address = server.httpServer?.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('bad asset and worker URLs (Chromium)', () => {
  it('each gives a typed error naming the URL and the option that sets it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/test/browser/workerFaults.html`);
    await page.waitForFunction(() => document.title === 'worker faults ready', null, { timeout: 60_000 });
    const r = await page.evaluate(() => (window as unknown as { workerFaults: WorkerFaultsPage }).workerFaults.assetErrors());
    console.info(JSON.stringify(r, null, 1));
    expect(r['estimatorWorker']).toMatchObject({ name: 'WorkerError', message: expect.stringMatching(/\/no\/such\/handLandmarker\.js, set by createHandEstimatorWorker's "worker" option.*could not be loaded/) });
    expect(r['mediapipeWasm']).toMatchObject({ name: 'ModelLoadError', message: expect.stringMatching(/\/no\/such\/wasm\/vision_wasm_module_internal\.js: HTTP 404 \(set by the "wasmBaseUrl" option\)/) });
    expect(r['handModel']).toMatchObject({ name: 'ModelLoadError', message: expect.stringMatching(/\/no\/such\/hand\.task: HTTP 404.*set by the "modelAssetPath" option/) });
    expect(r['classifierWorker']).toMatchObject({ name: 'WorkerError', message: expect.stringMatching(/\/no\/such\/classifierWorker\.js, set by createClassifierWorker's "worker" option.*could not be loaded/) });
    expect(r['tfjsWasm']).toMatchObject({ name: 'ModelLoadError', message: expect.stringMatching(/\/no\/such\/tfjs\/\*\.wasm \(set by the "wasmPaths" option\)/) });
    expect(r['gestureModel']).toMatchObject({ name: 'ModelLoadError', message: expect.stringMatching(/\/no\/such\/model\.json.*404.*model set by the "model" option/) });
    await page.close();
  }, 120_000);
});

describe('both workers killed every few seconds for a minute under a live pipeline (Chromium)', () => {
  it('restart on: the stream never errors, each crash costs at most 2 values, both stages go on', async () => {
    const page = await browser.context.newPage();
    const log: string[] = [];
    page.on('console', (m) => log.push(m.text()));
    await page.goto(`${origin}/test/browser/workerFaults.html`);
    await page.waitForFunction(() => document.title === 'worker faults ready', null, { timeout: 60_000 });
    const photos = ['thumbs_up.jpg', 'pointing_up.jpg', 'victory.jpg'].map((p) => PHOTOS + p);
    const r = await page.evaluate(
      (o) => (window as unknown as { workerFaults: WorkerFaultsPage }).workerFaults.runFaults(o),
      { photos, runMs: 60_000, killEveryMs: 4_000, estimatorTimeoutMs: 8_000, classifierTimeoutMs: 3_000 },
    );
    const summary = {
      runMs: r.runMs,
      poses: r.poses,
      predictions: r.predictions,
      kills: r.kills.length,
      restarts: r.restarts.length,
      lost: r.lost,
      recovery: r.kills.map((k) => {
        const restart = r.restarts.find((x) => x.target === k.target && x.at >= k.at);
        return { target: k.target, mode: k.mode, restartAfterMs: restart ? restart.at - k.at : null, lost: restart?.lost };
      }),
      restartCauses: r.restarts.map((x) => `${x.target} @${x.at}: ${x.cause.replace(/^worker "[^"]*" \([^)]*\) running \S+ /, '')}`),
    };
    console.info(JSON.stringify(summary));
    expect(r.streamError, log.slice(-20).join('\n')).toBeUndefined();
    expect(r.classifier.backend).toBe('wasm'); // the packaged tfjs wasm was found
    expect(r.kills.length).toBeGreaterThanOrEqual(3);
    for (const target of ['hand-landmarker', 'classifier'] as const) {
      const kills = r.kills.filter((k) => k.target === target).length;
      const restarts = r.restarts.filter((x) => x.target === target);
      expect(kills, target).toBeGreaterThanOrEqual(1);
      // Every kill is found (silent ones by the timeout); a slow call on a loaded machine may add a restart.
      expect(restarts.length, target).toBeGreaterThanOrEqual(kills);
      expect(restarts.every((x) => x.recovered && x.lost <= 2), target).toBe(true);
      expect(r.lost[target], target).toBe(r.workerLost[target]);
      expect(r.lost[target], target).toBeLessThanOrEqual(2 * restarts.length);
    }
    expect(r.predictions).toBeGreaterThan(r.restarts.length);
    expect(browser.foreignRequests).toEqual([]);
    await page.close();
  }, 300_000);
});
