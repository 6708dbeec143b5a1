/**
 * createHandGesturePipeline in Debian's Chromium, on the BUILT package (dist/, as an app gets it: workers, wasm and
 * models through `new URL(…, import.meta.url)`, no mounts): a real person's swipes in a real video, the camera,
 * dispose() before the camera opens and twice, a wrong option, a wrong tfjs wasm URL (the cpu fallback said), a
 * denied and a missing camera, a 404 model and a model/window mismatch (`ready` rejects with the error that stopped
 * the pipeline). After
 * every dispose: no live camera track and no worker left. Every request must stay on 127.0.0.1. Crashed and hung
 * workers: createHandGesturePipelineFaults.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../src/browser/launchChromium.js';
import { expectReleased as released, runPipeline as run, startPipelineSession, type PipelineSession } from './pipelineSession.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { teachGestureModel, type TaughtGestureModel } from 'posestream';
import { joinSegments, kairessSplit } from '../../eval/teachingStreams.js';
import type { ModelSwitchReport } from './modelSwitch.js';

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
    expect(r.info?.windowSize).toBe(61); // the swipe recogniser's window (DEFAULT_SWIPE_SETTINGS)
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

  it('useGestureModel switches the running pipeline to a taught model and back to swipes on both paths, without a new camera or hand estimator', { timeout: 180_000 }, async () => {
    const split = await kairessSplit(resolve('../shared/data/landmarks/kairess-gesture-recognition'));
    // A window that starts from 300 ms of hand, as the swipe recogniser's does: the video shows the hand only briefly.
    const teach = joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 });
    const { model } = await teachGestureModel({ recordings: [teach] }, { window: { frames: 30, durationMs: 1500, minDurationMs: 300 } });
    for (const runOn of ['workers', 'main-thread'] as const) {
      const r = await page.evaluate(
        ([m, on]) => (window as unknown as { pipelinePage: { runModelSwitch(m: TaughtGestureModel, on: string): Promise<ModelSwitchReport> } }).pipelinePage.runModelSwitch(m, on),
        [model, runOn] as const,
      );
      console.info(`useGestureModel on ${r.runsOn}: ${JSON.stringify({ infos: r.infos.map((i) => [i.windowSize, i.backend]), phases: r.phases, endReasons: r.endReasons })}`);
      expect(r.errors).toEqual([]);
      expect(r.runsOn).toBe(runOn);
      expect(r.infos.map((i) => i.windowSize)).toEqual([61, model.window.frames, 61]);
      expect(r.infos[1]!.labels).toEqual(model.labels);
      expect(r.infos[1]!.backend).toBe('templates');
      // Every prediction after a switch is the new model's: taught labels only, then swipe labels only.
      expect(r.phases.map((p) => p.predictions > 0)).toEqual([true, true, true]);
      expect(r.phases[1]!.labels.every((l) => model.labels.includes(l))).toBe(true);
      expect(r.phases[2]!.labels).toEqual(expect.arrayContaining(r.infos[0]!.labels));
      expect(r.phases[2]!.labels.some((l) => model.labels.includes(l) && l !== 'none')).toBe(false);
      // Same camera, same hand estimator: no new getUserMedia, no new landmarker worker; the old classifiers terminated.
      expect(r.cameraRequestsAfterStart).toBe(0);
      expect(r.landmarkerWorkersStarted).toBe(0);
      expect(r.landmarkerStillLive).toBe(true);
      expect(r.cameraTrackLive).toBe(true);
      expect(r.classifiersLive).toBe(1);
      // Ends on their own or cut by a switch ('restart'); a gesture held when the pipeline is disposed ends 'disposed' (last).
      const beforeDispose = r.endReasons.at(-1) === 'disposed' ? r.endReasons.slice(0, -1) : r.endReasons;
      expect(beforeDispose.every((reason) => reason === 'none' || reason === 'restart')).toBe(true);
      // A pipeline created with another window cannot take the taught model: an error naming both windows.
      expect(r.mismatch?.name).toBe('TaughtModelError');
      expect(r.mismatch?.message).toMatch(new RegExp(`taught on windows of ${model.window.frames} frames over ${model.window.durationMs} ms.*"window" option is 61 frames over 3000 ms`));
      expect(r.liveWorkersAfterDispose).toBe(0);
      expect(r.liveTracksAfterDispose).toBe(0);
    }
  });

  it('gestureModel takes a taught model, as the object and as the URL of its JSON, run with its own window on both paths; a window option that does not fit is a TaughtModelError naming both', { timeout: 240_000 }, async () => {
    const split = await kairessSplit(resolve('../shared/data/landmarks/kairess-gesture-recognition'));
    const teach = joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 });
    const { model } = await teachGestureModel({ recordings: [teach] }, { window: { frames: 30, durationMs: 1500, minDurationMs: 300 } });
    // Served by the test's Vite server (its root is the repository), as an app serves a saved model.
    mkdirSync(resolve('.cache/pipeline-test'), { recursive: true });
    writeFileSync(resolve('.cache/pipeline-test/taught.json'), JSON.stringify(model));
    const url = '/.cache/pipeline-test/taught.json';
    for (const [gestureModel, runOn] of [[model, 'workers'], [url, 'workers'], [model, 'main-thread'], [url, 'main-thread']] as const) {
      const r = await run(page, { gestureModel, runOn }, 8_000);
      console.info(`gestureModel ${typeof gestureModel === 'string' ? 'URL' : 'object'} on ${r.runsOn}: ${JSON.stringify(r.info)}, ${r.predictions} predictions`);
      expect(r.errors).toEqual([]);
      expect(r.runsOn).toBe(runOn);
      expect(r.info).toMatchObject({ windowSize: model.window.frames, backend: 'templates', labels: model.labels });
      expect(r.predictions).toBeGreaterThan(0);
      released(r);
    }
    const tryCreate = (options: Record<string, unknown>) =>
      page.evaluate((o) => (window as unknown as { pipelinePage: { tryCreate(o: unknown): Promise<{ threw: { name: string; message: string } | null; liveWorkers: number; liveTracks: number }> } }).pipelinePage.tryCreate(o), options);
    const both = new RegExp(`taught on windows of ${model.window.frames} frames over ${model.window.durationMs} ms, the pipeline's "window" option is 61 frames over 3000 ms`);
    // The object: thrown by createHandGesturePipeline, before anything starts.
    const thrown = await tryCreate({ gestureModel: model, window: { frames: 61, durationMs: 3000 } });
    expect(thrown.threw?.name).toBe('TaughtModelError');
    expect(thrown.threw?.message).toMatch(both);
    expect([thrown.liveWorkers, thrown.liveTracks]).toEqual([0, 0]);
    // The URL: read on the page first, then `ready` rejects with it (naming the URL), and everything is released.
    const fromUrl = await run(page, { gestureModel: url, window: { frames: 61, durationMs: 3000 } }, 30_000, 'error');
    expect(fromUrl.errors[0]?.name).toBe('TaughtModelError');
    expect(fromUrl.errors[0]?.message).toMatch(both);
    expect(fromUrl.errors[0]?.message).toContain('/.cache/pipeline-test/taught.json');
    expect(fromUrl.readyError?.name).toBe('TaughtModelError');
    released(fromUrl);
  });

  it('dispose() before the camera has opened, and twice: no track, no worker, no error; ready rejects with a PipelineDisposedError', { timeout: 60_000 }, async () => {
    const r = await run(page, {}, 0, 'never', 0);
    expect(r.errors).toEqual([]);
    expect(r.statuses).toEqual(['starting', 'disposed', 'disposed']);
    expect(r.readyError?.name).toBe('PipelineDisposedError');
    released(r);
  });

  it('a wrong option is an InvalidOptionError naming it, thrown before any worker or camera starts (numHands: 2.5 on an isolated page)', { timeout: 60_000 }, async () => {
    const tryCreate = (options: Record<string, unknown>) =>
      page.evaluate((o) => (window as unknown as { pipelinePage: { tryCreate(o: unknown): Promise<{ threw: { name: string; message: string; option?: string } | null; liveWorkers: number; liveTracks: number }> } }).pipelinePage.tryCreate(o), options);
    for (const numHands of [2.5, 0, -1, '2']) {
      const r = await tryCreate({ numHands });
      expect(r.threw?.name).toBe('InvalidOptionError');
      expect(r.threw?.option).toBe('numHands');
      expect(r.threw?.message).toMatch(/`numHands` must be a whole number of hands per frame >= 1, got /);
      expect([r.liveWorkers, r.liveTracks]).toEqual([0, 0]);
    }
    const frames = await tryCreate({ window: { frames: 0 } });
    expect(frames.threw?.option).toBe('window.frames');
  });

  it('a wrong assets.tfjsWasmBase is said: the cpu fallback is in info, stats$ and a console warning naming the URL and the option', { timeout: 90_000 }, async () => {
    const r = await run(page, { gestureModel: 'default', assets: { tfjsWasmBase: '/nope/tfjs/' } }, 8_000); // the learned model runs on tfjs
    console.info(`tfjs fallback: backend ${r.info?.backend}; ${r.info?.backendFallback}; console ${JSON.stringify(r.consoleWarnings)}`);
    expect(r.errors).toEqual([]);
    expect(r.info?.backend).toBe('cpu');
    expect(r.info?.backendFallback).toMatch(/\/nope\/tfjs\//);
    expect(r.info?.backendFallback).toContain('"assets.tfjsWasmBase"');
    expect(r.info?.backendFallback).toMatch(/tfjs-backend-wasm-simd\.wasm: HTTP 404/);
    expect(r.warnings).toContain(r.info?.backendFallback);
    expect(r.consoleWarnings.filter((w) => w.includes('/nope/tfjs/') && w.includes('assets.tfjsWasmBase'))).toHaveLength(1);
    expect(r.predictions).toBeGreaterThan(0); // it still classifies, on cpu
    released(r);
  });

  it('a hand model that 404s is a ModelLoadError naming the URL; nothing is left running', { timeout: 60_000 }, async () => {
    const r = await run(page, { handModel: '/nope/hand_landmarker.task' }, 30_000, 'error');
    expect(r.errors[0]?.name).toBe('ModelLoadError');
    expect(r.errors[0]?.message).toContain('/nope/hand_landmarker.task');
    expect(r.errors[0]?.message).toContain('"handModel"'); // the option that set it, as the pipeline names it
    expect(r.readyError).toEqual(r.errors[0]); // ready rejects with the error that stopped the pipeline
    expect(r.statuses).toContain('error');
    released(r);
  });

  it('a gesture model whose window does not match is an error naming the model and both shapes', { timeout: 60_000 }, async () => {
    const r = await run(page, { gestureModel: 'default', window: { frames: 20 } }, 30_000, 'error'); // the learned model takes 30
    expect(r.errors[0]?.name).toBe('ModelLoadError');
    expect(r.readyError).toEqual(r.errors[0]);
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
      expect(r.readyError).toEqual(r.errors[0]); // not "hand landmarker worker disposed"
      expect(r.statuses).toContain('error');
      released(r);
    } finally {
      await denied.close();
    }
  });

  it('a missing camera is a CameraError on errors$ and what ready rejects with, and no worker is left', { timeout: 90_000 }, async () => {
    const none = await launchChromium({ args: ['--use-fake-ui-for-media-stream'] }); // no (fake) camera at all
    try {
      const p = await openPage(none);
      const r = await run(p, {}, 30_000, 'error');
      console.info(`no camera: ${JSON.stringify(r.errors[0])}; ready: ${JSON.stringify(r.readyError)}`);
      expect(r.errors[0]?.name).toBe('CameraError');
      expect(r.readyError).toEqual(r.errors[0]);
      expect(r.statuses).toContain('error');
      released(r);
    } finally {
      await none.close();
    }
  });
});
