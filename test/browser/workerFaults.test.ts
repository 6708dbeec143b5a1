/**
 * Fault injection in Chromium: a live pipeline with both workers (hand landmarker and the default gesture
 * classifier, each on its packaged wasm and model, restart on) while one of them is killed every few seconds for
 * a minute: in turn silently (the worker closes itself: only the call timeout notices), by an uncaught error,
 * and by a busy loop. The stream must never error and each crash may cost at most 2 values.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../src/browser/launchChromium.js';
import { startPageServer, type PageServer } from '../../src/browser/startPageServer.js';
import { PHOTOS, SHARED_DATA } from './browserSession.js';
import type { WorkerFaultsPage } from './workerFaults.js';

let server: PageServer;
let browser: LaunchedChromium;

beforeAll(async () => {
  server = await startPageServer({ root: resolve('.'), mounts: { '/shared-data/': SHARED_DATA } });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('both workers killed every few seconds for a minute under a live pipeline (Chromium)', () => {
  it('restart on: the stream never errors, each crash costs at most 2 values, both stages go on', async () => {
    const page = await browser.context.newPage();
    const log: string[] = [];
    page.on('console', (m) => log.push(m.text()));
    await page.goto(`${server.origin}/test/browser/workerFaults.html`);
    await page.waitForFunction(() => document.title === 'worker faults ready', null, { timeout: 60_000 });
    const photos = ['thumbs_up.jpg', 'pointing_up.jpg', 'victory.jpg'].map((p) => PHOTOS + p);
    const r = await page.evaluate(
      (o) => (window as unknown as { workerFaults: WorkerFaultsPage }).workerFaults.runFaults(o),
      { photos, runMs: 60_000, killEveryMs: 4_000, timeoutMs: 3_000 },
    );
    const summary = {
      runMs: r.runMs,
      poses: r.poses,
      predictions: r.predictions,
      kills: r.kills.length,
      restarts: r.restarts.length,
      lost: r.lost,
      recovery: r.kills.map((k, i) => {
        const restart = r.restarts.filter((x) => x.target === k.target)[r.kills.slice(0, i).filter((x) => x.target === k.target).length];
        return { target: k.target, mode: k.mode, restartAfterMs: restart ? restart.at - k.at : null, lost: restart?.lost };
      }),
    };
    console.info(JSON.stringify(summary));
    expect(r.streamError, log.slice(-20).join('\n')).toBeUndefined();
    expect(r.classifier.backend).toBe('wasm'); // the packaged tfjs wasm was found
    expect(r.kills.length).toBeGreaterThanOrEqual(8);
    for (const target of ['hand-landmarker', 'classifier'] as const) {
      const kills = r.kills.filter((k) => k.target === target).length;
      const restarts = r.restarts.filter((x) => x.target === target);
      expect(restarts.length, target).toBe(kills);
      expect(restarts.every((x) => x.recovered && x.lost <= 2), target).toBe(true);
      expect(r.lost[target], target).toBe(r.workerLost[target]);
      expect(r.lost[target], target).toBeLessThanOrEqual(2 * restarts.length);
    }
    expect(r.predictions).toBeGreaterThan(r.restarts.length);
    expect(browser.foreignRequests).toEqual([]);
    await page.close();
  }, 300_000);
});
