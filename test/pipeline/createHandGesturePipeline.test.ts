/**
 * createHandGesturePipeline in Debian's Chromium, on the BUILT package (dist/, as an app gets it: workers, wasm and
 * models through `new URL(…, import.meta.url)`, no mounts): a real person's swipes in a real video, the camera,
 * dispose() before the camera opens and twice, a denied camera, a 404 model and a model/window mismatch. After
 * every dispose: no live camera track and no worker left. Every request must stay on 127.0.0.1. Crashed and hung
 * workers: createHandGesturePipelineFaults.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../src/browser/launchChromium.js';
import { expectReleased as released, runPipeline as run, startPipelineSession, type PipelineSession } from './pipelineSession.js';

let session: PipelineSession;
let browser: LaunchedChromium;
let page: Page;
const openPage = (b: LaunchedChromium, isolated = true): Promise<Page> => session.openPage(b, isolated);

beforeAll(async () => {
  session = await startPipelineSession();
  ({ browser, page } = session);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

describe('createHandGesturePipeline (built package, Chromium)', () => {
  it('names a real person\'s swipe in a video file with the packaged models, then releases everything', { timeout: 120_000 }, async () => {
    const r = await run(page, { source: { file: '/data/video/ai-forever-dynamic-gestures/swipe_left_right.mp4', loop: true } }, 60_000, 'gesture');
    console.info(`video: first gesture after ${r.firstGestureMs?.toFixed(0)} ms; ${r.poses} poses (${r.handFrames} with a hand), ${r.predictions} predictions, gestures ${r.gestures.join(', ')}; stats ${JSON.stringify(r.stats)}`);
    expect(r.errors).toEqual([]);
    expect(r.info?.windowSize).toBe(61); // the swipe recogniser's window (DEFAULT_SWIPE_PIPELINE)
    expect(r.info?.labels).toContain('swipe_left');
    expect(r.handFrames).toBeGreaterThan(0);
    expect(r.predictions).toBeGreaterThan(0);
    expect(r.gestures.some((g) => g === 'swipe_left' || g === 'swipe_right')).toBe(true);
    expect(r.statuses.slice(0, 2)).toEqual(['starting', 'running']);
    released(r);
    expect(browser.foreignRequests).toEqual([]);
  });

  it('runs on the camera off the main thread by default (Chromium), results through shared memory, and stops its tracks on dispose', { timeout: 90_000 }, async () => {
    const r = await run(page, {}, 8_000);
    console.info(`camera, workers (crossOriginIsolated ${r.isolated}, ${r.resultsVia}): ${r.poses} poses to the page, ${r.predictions} predictions in order ${r.predictionsInOrder}, main thread p50 ${r.mainThreadP50} p95 ${r.mainThreadP95} ms/frame; stats ${JSON.stringify(r.stats)}`);
    expect(r.errors).toEqual([]);
    expect(r.runsOn).toBe('workers');
    expect(r.isolated).toBe(true); // tfjs must not pick its threaded build there (the classifier worker crashed)
    expect(r.resultsVia).toBe('shared-memory');
    expect(r.poses).toBeGreaterThan(10);
    expect(r.handFrames).toBeGreaterThan(0); // the shared slot's frames unpack with their landmarks
    expect(r.predictions).toBeGreaterThan(0);
    expect(r.predictionsInOrder).toBe(true);
    expect(r.liveTracksBeforeDispose).toBe(2); // the camera's track and the clone the estimator reads
    released(r);
  });

  it('on a page that is not cross-origin isolated, the workers path sends its results by message', { timeout: 90_000 }, async () => {
    const plain = await openPage(browser, false);
    try {
      const r = await run(plain, {}, 8_000);
      console.info(`camera, workers (crossOriginIsolated ${r.isolated}, ${r.resultsVia}): ${r.poses} poses, ${r.predictions} predictions, main thread p50 ${r.mainThreadP50} p95 ${r.mainThreadP95} ms/frame`);
      expect(r.errors).toEqual([]);
      expect(r.isolated).toBe(false);
      expect(r.runsOn).toBe('workers');
      expect(r.resultsVia).toBe('messages');
      expect(r.poses).toBeGreaterThan(10);
      expect(r.predictions).toBeGreaterThan(0);
      expect(r.predictionsInOrder).toBe(true);
      released(r);
    } finally {
      await plain.close();
    }
  });

  it("runs on the camera on the main thread with runOn: 'main-thread'", { timeout: 90_000 }, async () => {
    const r = await run(page, { runOn: 'main-thread' }, 8_000);
    expect(r.errors).toEqual([]);
    expect(r.runsOn).toBe('main-thread');
    expect(r.poses).toBeGreaterThan(10);
    expect(r.predictions).toBeGreaterThan(0);
    expect(r.liveTracksBeforeDispose).toBe(1);
    released(r);
  });

  it('keeps classifying frames captured while the page is blocked on the workers path, not on the main-thread path', { timeout: 120_000 }, async () => {
    const block = { afterPredictions: 3, ms: 3000 };
    const workers = await run(page, { runOn: 'workers' }, 12_000, 'never', undefined, block);
    const main = await run(page, { runOn: 'main-thread' }, 12_000, 'never', undefined, block);
    console.info(`3 s long task: predictions of frames captured during it: workers ${workers.predictionsCapturedWhileBlocked}, main thread ${main.predictionsCapturedWhileBlocked}`);
    expect(workers.errors).toEqual([]);
    expect(main.errors).toEqual([]);
    expect(workers.predictionsCapturedWhileBlocked).toBeGreaterThan(0);
    expect(main.predictionsCapturedWhileBlocked).toBe(0); // the page grabs the frames: none is captured while it is busy
    released(workers);
    released(main);
  });

  it('dispose() before the camera has opened, and twice: no track, no worker, no error', { timeout: 60_000 }, async () => {
    const r = await run(page, {}, 0, 'never', 0);
    expect(r.errors).toEqual([]);
    expect(r.statuses).toEqual(['starting', 'disposed', 'disposed']);
    released(r);
  });

  it('a hand model that 404s is a ModelLoadError naming the URL; nothing is left running', { timeout: 60_000 }, async () => {
    const r = await run(page, { handModel: '/nope/hand_landmarker.task' }, 30_000, 'error');
    expect(r.errors[0]?.name).toBe('ModelLoadError');
    expect(r.errors[0]?.message).toContain('/nope/hand_landmarker.task');
    expect(r.errors[0]?.message).toContain('"handModel"'); // the option that set it, as the pipeline names it
    expect(r.statuses).toContain('error');
    released(r);
  });

  it('a gesture model whose window does not match is an error naming the model and both shapes', { timeout: 60_000 }, async () => {
    const r = await run(page, { gestureModel: 'default', window: { frames: 20 } }, 30_000, 'error'); // the learned model takes 30
    expect(r.errors[0]?.name).toBe('ModelLoadError');
    console.info(`window mismatch: ${r.errors[0]?.message}`);
    expect(r.errors[0]?.message).toMatch(/30/);
    expect(r.errors[0]?.message).toMatch(/20/);
    released(r);
  });

  it('a denied camera is a CameraError on errors$, and no worker is left', { timeout: 90_000 }, async () => {
    const denied = await launchChromium({ args: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] });
    try {
      const p = await openPage(denied);
      const r = await run(p, {}, 30_000, 'error');
      expect(r.errors[0]?.name).toBe('CameraError');
      expect(r.errors[0]?.message).toContain('permission-denied');
      expect(r.statuses).toContain('error');
      released(r);
    } finally {
      await denied.close();
    }
  });
});
