/**
 * examples/react, installed from the packed tarball and built with Vite (development build: StrictMode's double
 * mount; production build: what users ship), in Debian's Chromium with its fake camera. Page-side counters
 * (exampleApps.ts) count live camera tracks and workers; the example counts React commits of its gesture panel
 * (Profiler), pose frames and pipeline state emissions.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithFakeCamera } from '../browser/browserSession.js';
import type { LaunchedChromium } from '../../src/browser/launchChromium.js';
import { countersOverVideo, installExample, LIVE_COUNTERS, packTarball, run, serveStatic, SHARED_DATA } from './exampleApps.js';
import { readmeBlocks } from './readmeBlocks.js';
import { expectTeachPageReport, teachPageFlow } from './teachPageFlow.js';
import type { LiveCounts } from './exampleApps.js';

const VIDEO = '/shared-data/video/dandan1232-mediapipe-try/test_h264_360p.mp4'; // 30 fps, 6 s, one hand
const ASL = '/shared-data/video/tfjs-models-asl-hand/asl_hand.25fps.mp4'; // 25 fps, 13 s, a hand signing throughout
let dir: string;
let dev: Awaited<ReturnType<typeof serveStatic>>;
let prod: Awaited<ReturnType<typeof serveStatic>>;
let readme: Awaited<ReturnType<typeof serveStatic>>;
const GESTURES = ['swipe_left', 'swipe_right', 'swipe_up', 'swipe_down', 'come', 'away', 'spin'];
let browser: LaunchedChromium;

const live = (page: Page) => page.evaluate(() => (window as unknown as { __live(): LiveCounts }).__live());
const status = (page: Page) => page.locator('#status').textContent();
async function open(origin: string, search = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(LIVE_COUNTERS);
  await page.goto(`${origin}/${search}`);
  return page;
}
async function running(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(running|error)/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 90_000 });
  const text = await status(page);
  if (text !== 'running') throw new Error(`the example did not start: ${text}`);
}
async function settled(page: Page): Promise<LiveCounts> {
  await page.waitForFunction(() => {
    const l = (window as unknown as { __live(): LiveCounts }).__live();
    return l.cameraResolved === l.cameraOpens;
  }, null, { timeout: 30_000 });
  return live(page);
}
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

beforeAll(async () => {
  const tarball = await packTarball();
  dir = await installExample('react', tarball);
  await run('npm', ['run', 'build'], dir); // tsc -b && vite build: the production build
  await run('npx', ['vite', 'build', '--mode', 'development', '--outDir', 'dist-dev'], dir, { NODE_ENV: 'development' });
  // The README's React section, as written: its sh block holds nothing beyond `npm install posestream` (done),
  // its tsx block is the whole src/App.tsx of the fresh template (main.tsx with StrictMode untouched).
  const { blocks, sh } = readmeBlocks('React');
  expect(sh).toEqual(['npm install posestream']);
  const tsx = blocks.filter((b) => b.lang === 'tsx');
  expect(tsx).toHaveLength(1);
  writeFileSync(join(dir, 'src/App.tsx'), tsx[0]!.code);
  await run('npm', ['run', 'build', '--', '--outDir', 'dist-readme'], dir);
  dev = await serveStatic(join(dir, 'dist-dev'));
  prod = await serveStatic(join(dir, 'dist'));
  readme = await serveStatic(join(dir, 'dist-readme'));
  // The fake camera shows real swipes (looped).
  browser = await launchWithFakeCamera(dir, join(SHARED_DATA, 'video/ai-forever-dynamic-gestures/swipe_left_right.mp4'));
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  await prod?.close();
  await readme?.close();
});

describe('examples/react (packed tarball, Vite, Chromium)', () => {
  it('the packaged posestream/react imports in plain Node (no window)', async () => {
    const out = await run('node', ['--input-type=module', '-e', "const m = await import('posestream/react'); console.log(typeof m.useHandGestures)"], dir);
    expect(out.trim()).toBe('function');
  });

  it('StrictMode (development build): one camera track and two workers once mounting settles', async () => {
    const page = await open(dev.origin);
    await running(page);
    const counts = await settled(page);
    console.log('[react] StrictMode settled:', JSON.stringify(counts));
    expect(counts).toMatchObject({ tracks: 1, workers: 2, cameraOpens: 1 });
    await page.close();
  });

  it('50 mount/unmount cycles end with no live track or worker and a flat heap', async () => {
    const page = await open(dev.origin);
    await running(page);
    const toggle = page.locator('#toggle');
    let heapBefore = 0;
    const startErrors: string[] = [];
    for (let i = 0; i < 50; i++) {
      await toggle.click(); // Stop: unmount
      await toggle.click(); // Start: mount
      // Unmount at every stage of start-up: right away, once the camera is asked for, once running.
      if (i % 10 === 9) {
        // Started (or failed to: a start-up error is the source's business here, the lifecycle is checked below).
        await page.waitForFunction(() => /^(running|error)/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 90_000 });
        const text = await status(page);
        if (text !== 'running') startErrors.push(`cycle ${i}: ${text}`);
      }
      else if (i % 2 === 1) await page.waitForFunction((n) => (window as unknown as { __live(): LiveCounts }).__live().cameraOpens > n, i + 1);
      if (i === 4) heapBefore = await heapUsed(page);
    }
    await toggle.click(); // Stop
    const counts = await settled(page);
    const heapAfter = await heapUsed(page);
    if (startErrors.length > 0) console.log('[react] start-up errors during the cycles:', startErrors);
    console.log('[react] after 50 cycles:', JSON.stringify(counts), `heap ${(heapBefore / 1e6).toFixed(2)} MB (after 5 cycles) -> ${(heapAfter / 1e6).toFixed(2)} MB`);
    expect(counts.tracks).toBe(0);
    expect(counts.workers).toBe(0);
    expect(counts.workersCreated).toBeGreaterThanOrEqual(2 * 10);
    expect(heapAfter - heapBefore).toBeLessThan(3e6);
    await page.close();
  });

  it('unmounting before the camera opens stops its track once getUserMedia resolves', async () => {
    const page = await open(dev.origin);
    await running(page);
    await page.locator('#toggle').click(); // Stop
    await page.evaluate(() => ((window as unknown as { __cameraDelayMs: number }).__cameraDelayMs = 1500));
    await page.locator('#toggle').click(); // Start: getUserMedia held back
    await page.waitForFunction(() => (window as unknown as { __live(): LiveCounts }).__live().cameraOpens === 2);
    expect((await live(page)).cameraResolved).toBe(1);
    await page.locator('#toggle').click(); // Stop while getUserMedia is pending
    const counts = await settled(page);
    console.log('[react] unmounted before the camera opened:', JSON.stringify(counts));
    expect(counts).toMatchObject({ tracks: 0, workers: 0, cameraOpens: 2, cameraResolved: 2 });
    await page.close();
  });

  it('changing an option (the source: a video file, then the camera) restarts on one camera and two workers', async () => {
    const page = await open(dev.origin, `?src=${encodeURIComponent(VIDEO)}`);
    await running(page);
    const before = await settled(page);
    await page.locator('#camera').click();
    await page.waitForFunction(() => (window as unknown as { __live(): LiveCounts }).__live().cameraOpens === 1);
    await running(page);
    const after = await settled(page);
    console.log('[react] option change:', JSON.stringify(before), '->', JSON.stringify(after));
    expect(before).toMatchObject({ tracks: 0, workers: 2, cameraOpens: 0, workersCreated: 2 });
    expect(after).toMatchObject({ tracks: 1, workers: 2, cameraOpens: 1, workersCreated: 4 });
    await page.close();
  });

  it('over 10 s of 30 fps video, React commits follow the state changes, not the frames', async () => {
    const page = await open(dev.origin, `?src=${encodeURIComponent(VIDEO)}`);
    await running(page);
    const c = await countersOverVideo(page);
    const d = { commits: c['commits']!, stateChanges: c['stateChanges']!, poseFrames: c['frames']!, videoFrames: c['videoFrames']! };
    console.log('[react] 10 s of 30 fps video:', JSON.stringify(d));
    expect(d.videoFrames).toBeGreaterThan(150);
    expect(d.poseFrames).toBeGreaterThan(10);
    expect(d.commits).toBeGreaterThan(0);
    expect(d.commits).toBeLessThanOrEqual(d.stateChanges);
    expect(d.commits).toBeLessThan(d.videoFrames);
    await page.close();
  });

  it('the production build runs and shows its gesture panel', async () => {
    const page = await open(prod.origin, `?src=${encodeURIComponent(VIDEO)}`);
    await running(page);
    expect(await page.locator('#gesture').count()).toBe(1);
    expect(browser.foreignRequests).toEqual([]);
    await page.close();
  });

  it("the README's App.tsx, built in the fresh template, shows the camera's gesture in #gesture", async () => {
    const page = await open(readme.origin);
    const handle = await page.waitForFunction((labels) => {
      const text = document.querySelector('#gesture')?.textContent ?? '';
      return labels.includes(text) ? text : null;
    }, GESTURES, { timeout: 90_000, polling: 50 });
    const label = (await handle.jsonValue()) as string;
    console.log(`[react] README app, gesture shown: ${label}`);
    expect(GESTURES).toContain(label);
    expect(browser.foreignRequests).toEqual([]);
    await page.close();
  });

  for (const [name, server] of [['development build, StrictMode', () => dev], ['production build', () => prod]] as const) {
    it(`the teach page (${name}): examples recorded from the live pose frames, trained in a worker with progress, applied to the running pipeline, saved and loaded after a reload (IndexedDB); unmounted while teaching, its worker ends`, { timeout: 300_000 }, async () => {
      const page = await open(server().origin, `?teach&countdown=300&src=${encodeURIComponent(ASL)}`);
      const r = await teachPageFlow(page, live);
      console.log(`[react ${name}] teach page:`, JSON.stringify(r));
      expectTeachPageReport(r);
      expect(browser.foreignRequests).toEqual([]);
      await page.close();
    });
  }
});
