/**
 * The demo app (demo/, served by Vite with its own config, against the built package) opened in one page of a
 * Chromium context that has the fake-camera switches, waited on until its pipeline runs. Shared by the `display`
 * and `longtasks` scenarios.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer } from 'vite';
import { createDemoConfig } from '../../demo/vite.config.js';
import type { DemoProbe } from '../../demo/src/probe.js';
import { BenchError } from '../benchError.js';
import { PROJECT_ROOT } from './media.js';

/** An open demo page; `close()` closes the page and stops its server. */
export interface DemoPage {
  page: Page;
  url: string;
  close(): Promise<void>;
}

/** How long the demo may take to start (models loading, camera opening), ms. */
export const DEMO_START_TIMEOUT_MS = 90_000;

/** Throws a BenchError when the shipped gesture model is missing (the demo rows need it). */
export function requireDefaultModel(): void {
  if (!existsSync(resolve(PROJECT_ROOT, 'models/default/model.json'))) {
    throw new BenchError('bench:browser: models/default/model.json is missing (the demo rows need the shipped gesture model: npm run train:default)');
  }
}

/**
 * Waits until the demo's pipeline runs (estimator ready, model loaded, `minPoseFrames` pose frames) or shows an
 * error; throws a BenchError naming `what` when it does not within {@link DEMO_START_TIMEOUT_MS} or shows errors.
 */
export async function waitForDemo(page: Page, what: string, minPoseFrames = 10): Promise<void> {
  await page
    .waitForFunction(
      (n) => {
        const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
        return p.errors.length > 0 || p.model.status === 'error' || (p.estimator === 'ready' && p.model.status === 'loaded' && p.poseFrames >= n);
      },
      minPoseFrames,
      { timeout: DEMO_START_TIMEOUT_MS },
    )
    .catch((error: unknown) => {
      throw new BenchError(`bench:browser: the demo (${what}) did not start within ${DEMO_START_TIMEOUT_MS / 1000} s`, { cause: error });
    });
  const errors = await page.evaluate(() => (window as unknown as { __posestream: DemoProbe }).__posestream.errors);
  if (errors.length > 0) {
    throw new BenchError(`bench:browser: the demo (${what}) shows errors: ${errors.map((e) => `${e.name}: ${e.message}`).join('; ')}`);
  }
}

/** Serves the demo on a free port of 127.0.0.1 and opens `/?<query>` in a new page of `context`, running. */
export async function openDemo(context: BrowserContext, query: string): Promise<DemoPage> {
  requireDefaultModel();
  const config = createDemoConfig({ port: 0 });
  // No HMR/watching: other files change while the benchmark runs, and a reload would reset the page.
  const server = await createServer({ ...config, logLevel: 'error', server: { ...config.server, hmr: false, watch: null } });
  await server.listen();
  const page = await context.newPage();
  const close = async (): Promise<void> => {
    await page.close();
    await server.close();
  };
  try {
    const address = server.httpServer?.address();
    if (address === null || address === undefined || typeof address === 'string') throw new BenchError('bench:browser: the demo server reported no TCP address');
    const url = `http://127.0.0.1:${address.port}/?${query}`;
    await page.goto(url);
    await waitForDemo(page, url);
    return { page, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * After a control change: waits `minMs`, then until the demo has finished `predictions` more predictions than
 * `before` (so the new settings are in effect), at most `timeoutMs` in all. Resolves whether it settled.
 */
export function settleDemo(page: Page, before: number, options: { minMs: number; timeoutMs: number; predictions: number }): Promise<boolean> {
  return page.waitForTimeout(options.minMs).then(() =>
    page
      .waitForFunction(
        (n) => (window as unknown as { __posestream: DemoProbe }).__posestream.predictions >= n,
        before + options.predictions,
        { timeout: Math.max(1, options.timeoutMs - options.minMs), polling: 50 },
      )
      .then(
        () => true,
        () => false,
      ),
  );
}
