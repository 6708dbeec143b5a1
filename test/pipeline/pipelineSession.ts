/**
 * Shared set-up of the createHandGesturePipeline browser tests: Vite on 127.0.0.1 serving the repo cross-origin
 * isolated (with `posestream` aliased to the BUILT package, dist/), and headless Chromium whose fake camera plays a
 * real swipe video; `runPipeline` calls `window.pipelinePage.run` (test/pipeline/pipelinePage.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { expect } from 'vitest';
import type { LaunchedChromium } from '../../src/browser/launchChromium.js';
import { staticMounts } from '../../src/browser/staticMounts.js';
import { launchWithFakeCamera } from '../browser/browserSession.js';
import type { RunReport } from './pipelinePage.js';

const ROOT = resolve('.');
const VIDEO = resolve('../shared/data/video/ai-forever-dynamic-gestures/swipe_left_right.mp4');

/**
 * `?isolated=0` serves the page without its cross-origin isolation headers (no shared memory there); the static
 * mounts under /raw/ get them (a worker of an isolated page must be served with them).
 */
const notIsolatedOnRequest: Plugin = {
  name: 'not-isolated-on-request',
  configureServer(s) {
    s.middlewares.use((req, res, next) => {
      if (req.url?.startsWith('/raw/')) {
        res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
        res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      }
      if (req.url?.includes('isolated=0')) {
        const setHeader = res.setHeader.bind(res);
        res.setHeader = (name, value) => (/^cross-origin-(opener|embedder)-policy$/i.test(name) ? res : setHeader(name, value));
      }
      next();
    });
  },
};

/** The server, the browser and its first (isolated) page. */
export interface PipelineSession {
  origin: string;
  browser: LaunchedChromium;
  page: Page;
  /** Opens the pipeline page in `b` (isolated unless `isolated` is false). */
  openPage(b: LaunchedChromium, isolated?: boolean): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the server and the browser (fake camera on the swipe video's first 4 s) and opens the page. */
export async function startPipelineSession(): Promise<PipelineSession> {
  const dir = mkdtempSync(join(tmpdir(), 'posestream-pipeline-test-'));
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    clearScreen: false,
    resolve: { alias: [{ find: /^posestream$/, replacement: join(ROOT, 'dist/index.js') }] },
    // Cross-origin isolated, so that performance.now() has 5 µs steps (100 µs otherwise) for stats.mainThread.
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
    worker: { format: 'es' },
    // /raw/ serves the built package and the faulty test worker as files, untransformed (as a static host would).
    plugins: [notIsolatedOnRequest, staticMounts({ '/data/': resolve('../shared/data'), '/raw/dist/': 'dist', '/raw/models/': 'models', '/raw/faultyWorker.js': 'test/pipeline/faultyWorker.js' })],
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('no Vite address');
  const origin = `http://127.0.0.1:${address.port}`;
  const openPage = async (b: LaunchedChromium, isolated = true): Promise<Page> => {
    const p = await b.context.newPage();
    p.on('console', (m) => m.type() === 'error' && console.error(`page console: ${m.text()}`));
    p.on('response', (r) => r.status() >= 400 && console.error(`page request: HTTP ${r.status()} ${r.url()}`));
    await p.goto(`${origin}/test/pipeline/pipelinePage.html${isolated ? '' : '?isolated=0'}`);
    await p.waitForFunction(() => document.title === 'pipeline page ready', null, { timeout: 60_000 });
    return p;
  };
  const browser = await launchWithFakeCamera(dir, VIDEO, ['-t', '4']);
  const page = await openPage(browser);
  return {
    origin,
    browser,
    page,
    openPage,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `window.pipelinePage.run(...)`'s arguments (test/pipeline/pipelinePage.ts). */
export type RunArgs = [
  options: Record<string, unknown>,
  ms: number,
  stopOn?: 'gesture' | 'error' | 'recovered' | 'never',
  disposeAfterMs?: number,
  block?: { afterPredictions: number; ms: number },
  crash?: { afterPredictions: number; worker: 'classifier' | 'hand-landmarker' },
  hang?: { afterPredictions: number; starve?: boolean },
];

/** Runs a pipeline in `p` and returns its report. */
export function runPipeline(p: Page, ...args: RunArgs): Promise<RunReport> {
  return p.evaluate(
    (a) => (window as unknown as { pipelinePage: { run(...x: unknown[]): Promise<RunReport> } }).pipelinePage.run(...a),
    args,
  );
}

/** Everything the run started is released: no live camera track, no worker, status 'disposed'. */
export function expectReleased(r: RunReport): void {
  expect(r.liveTracks).toBe(0);
  expect(r.liveWorkers).toBe(0);
  expect(r.statuses.at(-1)).toBe('disposed');
}
