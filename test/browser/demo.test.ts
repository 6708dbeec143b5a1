/**
 * The demo app (demo/) in headless Chromium, served by Vite with the demo's own config. The fake camera plays a
 * .y4m made here with ffmpeg: a real hand photo (pointing_up.jpg) sliding left to right on a plain background,
 * 640x480, 30 fps, 4 s (Chromium loops it). A tiny tfjs model written to a temp folder stands in for the gesture
 * model, so the classifier (and its artificial delay) really runs whether or not models/default exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '../../src/train/trainingTfjs.js';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoConfig } from '../../demo/vite.config.js';
import type { DemoProbe } from '../../demo/src/probe.js';
import { launchChromium, type LaunchedChromium } from '../../src/browser/launchChromium.js';
import { saveTfjsModel } from '../fixtures/workers/saveTfjsModel.js';

const PHOTO = resolve('../shared/data/photos/mediapipe-rs/pointing_up.jpg');
const VIDEO_URL = '/data/video/dandan1232-mediapipe-try/test_h264_360p.mp4';
const HAS_DEFAULT_MODEL = existsSync(resolve('models/default/model.json'));

let dir: string;
let server: ViteDevServer;
let origin: string;
let browser: LaunchedChromium;

/** 640x480 @ 30 fps, 120 frames: the photo's raised hand (cropped, 266x420) moving from x=20 to x=360. */
function makeCameraVideo(file: string): void {
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'color=c=0xdcdcdc:s=640x480:r=30:d=4',
    '-i', PHOTO,
    '-filter_complex', "[1:v]crop=190:300:229:40,scale=266:420[h];[0:v][h]overlay=x='20+t*85':y=30:eval=frame",
    '-frames:v', '120', '-pix_fmt', 'yuv420p', file,
  ]);
}

/** Reads `window.__posestream`. */
function probe(page: Page): Promise<DemoProbe> {
  return page.evaluate(() => (window as unknown as { __posestream: DemoProbe }).__posestream);
}

const percentile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'posestream-demo-test-'));
  const y4m = join(dir, 'hand.y4m');
  makeCameraVideo(y4m);
  const model = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [30, 21, 3] }), tf.layers.dense({ units: 3, activation: 'softmax' })],
  });
  await saveTfjsModel(model, join(dir, 'model'), ['left', 'right', 'none']);
  model.dispose();
  const config = createDemoConfig({ port: 0, mounts: { '/test-model/': join(dir, 'model') } });
  // No HMR/watching: other files change while the test runs, and a reload would reset the page.
  server = await createServer({ ...config, logLevel: 'error', server: { ...config.server, hmr: false, watch: null } });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('no Vite address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium({
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo on the fake camera', () => {
  it('draws landmarks that follow the hand, and the video stays smooth with a 300 ms classifier delay', { timeout: 120_000 }, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${origin}/?model=/test-model/model.json&landmarker=lite`);
      await page.locator('#delay').fill('300');
      await page.waitForFunction(
        () => {
          const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
          return p.handFrames >= 5 && p.model.status === 'loaded';
        },
        null,
        { timeout: 60_000 },
      );
      // Measure from here on: frame callbacks, wrist positions and predictions of the warmed-up pipeline.
      await page.evaluate(() => {
        const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
        p.frameIntervals.length = 0;
        p.wristTrack.length = 0;
        p.predictions = 0;
        p.classifyMs.length = 0;
      });
      await page.waitForFunction(
        () => {
          const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
          return p.frameIntervals.length >= 150 && p.wristTrack.length >= 15 && p.predictions >= 3;
        },
        null,
        { timeout: 60_000 },
      );
      const p = await probe(page);
      expect(p.source).toBe('camera');
      expect(p.errors).toEqual([]);
      expect(p.delayMs).toBe(300);
      expect(p.lastLandmarks ?? []).toHaveLength(21);
      expect(p.model.labels).toEqual(['left', 'right', 'none']);

      // The wrist moves right: nearly every step between landmark frames goes right, except where the clip loops.
      const xs = p.wristTrack.map((s) => s.x);
      const steps = xs.slice(1).map((x, i) => x - xs[i]!).filter((d) => Math.abs(d) > 0.002);
      const rightwards = steps.filter((d) => d > 0).length;
      expect(rightwards / steps.length).toBeGreaterThan(0.75);
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.15);

      // The delay is in effect: every classify call takes 300 ms or more, and windows are dropped meanwhile...
      expect(p.classifyMs.length).toBeGreaterThanOrEqual(3);
      expect(Math.min(...p.classifyMs)).toBeGreaterThanOrEqual(300);
      expect(p.stats?.droppedWindows).toBeGreaterThan(0);
      // ...and the video does not wait for it: a video held up by the classifier would show frame gaps of the
      // delay (300 ms) or more. How smooth it is exactly is timing, measured by bench:browser's display scenario
      // (frame interval p95 33-50 ms there), not asserted here: on a loaded 2-core machine it reads 50-70 ms.
      expect(percentile(p.frameIntervals, 0.95)).toBeLessThan(p.delayMs / 2);

      expect(browser.requests.length).toBeGreaterThan(0);
      expect(browser.foreignRequests).toEqual([]);
      for (const url of browser.requests) {
        const { protocol, hostname } = new URL(url);
        if (protocol !== 'data:' && protocol !== 'blob:') expect(hostname).toBe('127.0.0.1');
      }
    } finally {
      await page.close();
    }
  });

  it('runs on the path asked for, busies the main thread on request, and reports latencies on the page clock', { timeout: 150_000 }, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${origin}/?model=/test-model/model.json&landmarker=lite&runOn=main-thread&longTaskMs=200`);
      const running = () =>
        page.waitForFunction(
          () => {
            const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
            return p.errors.length > 0 || (p.handFrames >= 5 && p.model.status === 'loaded' && p.landmarkLatencyMs.length >= 5);
          },
          null,
          { timeout: 60_000 },
        );
      await running();
      await page.waitForFunction(() => (window as unknown as { __posestream: DemoProbe }).__posestream.busyLoops >= 2, null, { timeout: 10_000 });
      let p = await probe(page);
      expect(p.errors).toEqual([]);
      expect(p).toMatchObject({ runOnRequested: 'main-thread', runOn: 'main-thread', longTaskMs: 200 });
      expect(await page.locator('#run-on').inputValue()).toBe('main-thread');
      expect(await page.locator('#runs-on').textContent()).toBe('running on: main thread');
      expect(await page.locator('#long-task-value').textContent()).toBe('200 ms every second');
      // Each 200 ms busy loop is a long task Chromium reports.
      expect(p.longTaskEntries.supported).toBe(true);
      expect(p.longTaskEntries.count).toBeGreaterThanOrEqual(1);
      expect(p.longTaskEntries.totalMs).toBeGreaterThanOrEqual(200);
      // Capture → drawing: capturedAt is on the page's performance.now() clock, so the age is positive and small.
      for (const ms of p.landmarkLatencyMs) {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(10_000);
      }
      for (const ms of p.gestureLatencyMs) expect(ms).toBeGreaterThanOrEqual(0);

      // Turned off from the page: no more loops.
      await page.locator('#long-task').fill('0');
      const loops = (await probe(page)).busyLoops;
      await page.waitForTimeout(2500);
      p = await probe(page);
      expect(p.longTaskMs).toBe(0);
      expect(p.busyLoops).toBe(loops);

      // Chromium runs the camera off the main thread when asked; the page's artificial delay cannot run there: the
      // slider is disabled and the page says why. Pose frames still reach the drawing code, capturedAt on the page clock.
      await page.selectOption('#run-on', 'workers');
      await running();
      p = await probe(page);
      expect(p.errors).toEqual([]);
      expect(p).toMatchObject({ runOnRequested: 'workers', runOn: 'workers' });
      expect(p.stats?.runOn ?? 'workers').toBe('workers'); // no snapshot yet is fine
      expect(await page.locator('#runs-on').textContent()).toBe('running on: workers (main thread free)');
      expect(await page.locator('#delay').isDisabled()).toBe(true);
      expect(await page.locator('#delay-note').textContent()).toContain('needs the main-thread path');
      for (const ms of p.landmarkLatencyMs) {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(10_000);
      }
    } finally {
      await page.close();
    }
  });

  it('shows a missing video, still switches to the camera, then shows a missing model naming its URL', { timeout: 150_000 }, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${origin}/?src=/data/no-such-video.mp4&landmarker=lite`);
      const errors = page.locator('#errors');
      await expect.poll(() => errors.textContent(), { timeout: 30_000 }).toContain('VideoSourceError');
      // Known intermittent stall (about 1 run in 6 under CI load; not reproduced in isolation): after the failed
      // video the first switch to the camera sometimes yields no frames. A user clicks again; so does the test,
      // once, and logs the page's state so the cause can be found.
      const cameraFrames = (timeout: number) =>
        page.waitForFunction(() => (window as unknown as { __posestream: DemoProbe }).__posestream.handFrames >= 3, null, { timeout });
      await page.locator('#use-camera').click();
      const first = await cameraFrames(30_000).then(() => true, () => false);
      if (!first) {
        const stalled = await probe(page);
        console.warn('demo: no camera frames 30 s after switching; retrying once. Page state:',
          JSON.stringify({ ...stalled, frameIntervals: stalled.frameIntervals.length, wristTrack: stalled.wristTrack.length }));
        await page.locator('#use-camera').click();
        await cameraFrames(60_000);
      }
      expect((await probe(page)).errors).toEqual([]);
      // A model that is not there: a ModelLoadError naming its folder; the session stops (camera and workers freed).
      await page.locator('#model-url').fill('/test-model/nope/model.json');
      await page.locator('#model-form button').click();
      await expect.poll(() => errors.textContent(), { timeout: 30_000 }).toContain('ModelLoadError');
      expect(await errors.textContent()).toContain('/test-model/nope/'); // the model folder's URL
      expect(await page.locator('#model-status').textContent()).toBe('no gesture model loaded');
    } finally {
      await page.close();
    }
  });
});

describe('demo on a video file', () => {
  it('names the swipes of a real person in a video with the default model', { timeout: 150_000 }, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${origin}/?src=/data/video/ai-forever-dynamic-gestures/swipe_left_right.mp4&landmarker=full`);
      const named = await page.waitForFunction(
        () => {
          const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
          const swipes = p.gestures.filter((g) => g.phase === 'start' && g.label.startsWith('swipe_'));
          return swipes.length >= 2 ? swipes.map((g) => g.label) : false;
        },
        null,
        { timeout: 120_000, polling: 250 },
      );
      const labels = (await named.jsonValue()) as string[];
      const p = await probe(page);
      expect(p.model.status).toBe('loaded');
      expect(p.errors).toEqual([]);
      // The clip swipes right, left, right: the demo names horizontal swipes, and mostly those.
      const horizontal = labels.filter((l) => l === 'swipe_left' || l === 'swipe_right');
      expect(horizontal.length).toBeGreaterThanOrEqual(Math.ceil(labels.length / 2));
      expect(browser.foreignRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('plays ?src= from /data/, draws the hand and says whether a gesture model is loaded (screenshot)', { timeout: 120_000 }, async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 760 });
    try {
      await page.goto(`${origin}/?src=${VIDEO_URL}&landmarker=full`);
      await page.waitForFunction(
        () => {
          const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
          return p.handFrames >= 10 && p.stats !== undefined && p.model.status !== 'loading';
        },
        null,
        { timeout: 60_000 },
      );
      if (HAS_DEFAULT_MODEL) {
        await page.waitForFunction(
          () => (window as unknown as { __posestream: DemoProbe }).__posestream.predictions >= 1,
          null,
          { timeout: 60_000 },
        );
      }
      const p = await probe(page);
      expect(p.source).toBe(VIDEO_URL);
      expect(p.errors).toEqual([]);
      expect(p.stats?.fps.source).toBeGreaterThan(0);
      if (HAS_DEFAULT_MODEL) expect(p.model.status).toBe('loaded');
      else expect(await page.locator('#model-status').textContent()).toBe('no gesture model loaded');
      // For the picture, pause and show the landmarks of the paused frame itself (a moving hand is ~200 ms ahead).
      const before = p.poseFrames;
      await page.evaluate(() => {
        const video = document.querySelector('video')!;
        video.pause();
        video.currentTime = video.currentTime; // presents the frame again, so the pipeline estimates it
      });
      await page.waitForFunction(
        (n) => (window as unknown as { __posestream: DemoProbe }).__posestream.poseFrames > n,
        before,
        { timeout: 30_000 },
      );
      // UPDATE_DEMO_SCREENSHOT=1 refreshes docs/demo.png (the README's picture).
      const shot = process.env['UPDATE_DEMO_SCREENSHOT'] === '1' ? resolve('docs/demo.png') : join(dir, 'demo.png');
      await page.screenshot({ path: shot });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      expect(browser.foreignRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
