/**
 * examples/angular, installed from the packed tarball, its workers and assets put in `public/posestream/` by the
 * README's shell steps (`npm run posestream-assets`), built with a production `ng build` (AOT, no JIT compiler),
 * zoneless (Angular 21's default) and again as a zone.js app; in Debian's Chromium with its fake camera and a real
 * video. Page-side counters (../react/exampleApps.ts) count live camera tracks and workers; the example counts
 * renders (`afterEveryRender`: one per change-detection pass that renders), pose frames and state emissions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithFakeCamera } from '../browser/browserSession.js';
import type { LaunchedChromium } from '../../src/browser/launchChromium.js';
import { countersOverVideo, installExample, LIVE_COUNTERS, packTarball, run, serveStatic, SHARED_DATA } from '../react/exampleApps.js';
import { readmeBlocks } from '../react/readmeBlocks.js';
import { expectTeachPageReport, teachPageFlow } from '../react/teachPageFlow.js';
import type { LiveCounts } from '../react/exampleApps.js';

const VIDEO = '/shared-data/video/dandan1232-mediapipe-try/test_h264_360p.mp4'; // 30 fps, 6 s, one hand
const SWIPES = '/shared-data/video/ai-forever-dynamic-gestures/swipe_left_right.mp4'; // real swipes
const ASL = '/shared-data/video/tfjs-models-asl-hand/asl_hand.25fps.mp4'; // 25 fps, 13 s, a hand signing throughout
const GESTURES = ['swipe_left', 'swipe_right', 'swipe_up', 'swipe_down', 'come', 'away', 'spin'];
type Served = Awaited<ReturnType<typeof serveStatic>>;
let zoneless: Served;
let zoned: Served;
let readme: Served;
let browser: LaunchedChromium;

/** Turns the zoneless example into a zone.js app: the polyfill and `provideZoneChangeDetection`. */
function useZoneJs(dir: string): void {
  const config = join(dir, 'src/app/app.config.ts');
  writeFileSync(config, readFileSync(config, 'utf8')
    .replace("import { ApplicationConfig,", "import { ApplicationConfig, provideZoneChangeDetection,")
    .replace('providers: [', 'providers: [\n    provideZoneChangeDetection({ eventCoalescing: true }),'));
  const angularJson = join(dir, 'angular.json');
  const a = JSON.parse(readFileSync(angularJson, 'utf8')) as { projects: Record<string, { architect: { build: { options: Record<string, unknown> } } }> };
  for (const p of Object.values(a.projects)) p.architect.build.options['polyfills'] = ['zone.js'];
  writeFileSync(angularJson, JSON.stringify(a, null, 2));
}

const live = (page: Page) => page.evaluate(() => (window as unknown as { __live(): LiveCounts }).__live());
async function open(origin: string, search = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(LIVE_COUNTERS);
  await page.goto(`${origin}/${search}`);
  return page;
}
async function running(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(running|error)/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 90_000 });
  const text = await page.locator('#status').textContent();
  if (text !== 'running') throw new Error(`the example did not start: ${text}`);
}
async function settled(page: Page): Promise<LiveCounts> {
  await page.waitForFunction(() => {
    const l = (window as unknown as { __live(): LiveCounts }).__live();
    return l.cameraResolved === l.cameraOpens;
  }, null, { timeout: 30_000 });
  return live(page);
}
/** Labels shown in #gesture while the swipes video loops, until one is a gesture (or the timeout). */
async function gestureShown(page: Page): Promise<string> {
  const handle = await page.waitForFunction((labels) => {
    const text = document.querySelector('#gesture')?.textContent ?? '';
    return labels.includes(text) ? text : null;
  }, GESTURES, { timeout: 60_000, polling: 50 });
  return (await handle.jsonValue()) as string;
}

beforeAll(async () => {
  const tarball = await packTarball();
  const dir = await installExample('angular', tarball);
  await run('npm', ['run', 'build'], dir); // posestream-assets + ng build (production)
  zoneless = await serveStatic(join(dir, 'dist/posestream-example-angular/browser'));
  // The README's Angular section, as written: every sh line after `npm install posestream` run in the app, and
  // its ts block as the whole src/app/app.ts (the example is the fresh --zoneless app plus its own components).
  const { blocks, sh } = readmeBlocks('Angular');
  expect(sh[0]).toBe('npm install posestream');
  for (const line of sh.slice(1)) await run('sh', ['-c', line], dir);
  const ts = blocks.filter((b) => b.lang === 'ts');
  expect(ts).toHaveLength(1);
  const appTs = join(dir, 'src/app/app.ts');
  const exampleApp = readFileSync(appTs, 'utf8');
  writeFileSync(appTs, ts[0]!.code);
  await run('npx', ['ng', 'build', '--output-path', 'dist-readme'], dir);
  readme = await serveStatic(join(dir, 'dist-readme/browser'));
  writeFileSync(appTs, exampleApp);
  useZoneJs(dir);
  await run('npm', ['install', '--no-audit', '--no-fund', 'zone.js@0.16'], dir);
  await run('npx', ['ng', 'build', '--output-path', 'dist-zone'], dir);
  zoned = await serveStatic(join(dir, 'dist-zone/browser'));
  // The fake camera shows real swipes (looped).
  browser = await launchWithFakeCamera(dir, join(SHARED_DATA, 'video/ai-forever-dynamic-gestures/swipe_left_right.mp4'));
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await zoneless?.close();
  await zoned?.close();
  await readme?.close();
});

describe('examples/angular (packed tarball, production ng build, Chromium)', () => {
  it("the README's app.ts, built in the fresh zoneless app after its sh steps, shows the camera's gesture in #gesture", async () => {
    const page = await open(readme.origin);
    const label = await gestureShown(page);
    console.log(`[angular] README app, gesture shown: ${label}`);
    expect(GESTURES).toContain(label);
    expect(await settled(page)).toMatchObject({ tracks: 1, workers: 2 });
    expect(browser.foreignRequests).toEqual([]);
    await page.close();
  });

  for (const [name, server] of [['zoneless', () => zoneless], ['zone.js', () => zoned]] as const) {
    it(`${name}: one camera track and two workers while shown; destroying the component stops them all`, async () => {
      const page = await open(server().origin);
      await running(page);
      const shown = await settled(page);
      await page.locator('#toggle').click(); // Stop: the component is destroyed
      const destroyed = await settled(page);
      console.log(`[angular ${name}] shown ${JSON.stringify(shown)}, destroyed ${JSON.stringify(destroyed)}`);
      expect(shown).toMatchObject({ tracks: 1, workers: 2, cameraOpens: 1 });
      expect(destroyed).toMatchObject({ tracks: 0, workers: 0 });
      expect(browser.foreignRequests).toEqual([]);
      await page.close();
    });

    it(`${name}: shows the gesture of a real swipe video`, async () => {
      const page = await open(server().origin, `?src=${encodeURIComponent(SWIPES)}`);
      await running(page);
      const label = await gestureShown(page);
      console.log(`[angular ${name}] gesture shown: ${label}`);
      expect(GESTURES).toContain(label);
      await page.close();
    });

    it(`${name}: over 10 s of 30 fps video, change detection follows the state changes, not the frames`, async () => {
      const page = await open(server().origin, `?src=${encodeURIComponent(VIDEO)}`);
      await running(page);
      const c = await countersOverVideo(page);
      const d = { renders: c['renders']!, stateChanges: c['stateChanges']!, poseFrames: c['frames']!, videoFrames: c['videoFrames']! };
      console.log(`[angular ${name}] 10 s of 30 fps video: ${JSON.stringify(d)} (${(d.renders / 10).toFixed(1)} change-detection renders/s)`);
      expect(d.videoFrames).toBeGreaterThan(150);
      expect(d.poseFrames).toBeGreaterThan(10);
      expect(d.renders).toBeGreaterThan(0);
      expect(d.renders).toBeLessThanOrEqual(d.stateChanges);
      expect(d.renders).toBeLessThan(d.videoFrames);
      await page.close();
    });
  }

  for (const [name, server] of [['zoneless', () => zoneless], ['zone.js', () => zoned]] as const) {
    it(`${name}: the teach page records examples from the live pose frames, trains in the trainer worker (from public/posestream/workers) with progress, applies, saves and loads after a reload; destroyed while teaching, its worker ends`, { timeout: 300_000 }, async () => {
      const page = await open(server().origin, `?teach&countdown=300&src=${encodeURIComponent(ASL)}`);
      const r = await teachPageFlow(page, live);
      console.log(`[angular ${name}] teach page:`, JSON.stringify(r));
      expectTeachPageReport(r);
      expect(browser.foreignRequests).toEqual([]);
      await page.close();
    });
  }
});
