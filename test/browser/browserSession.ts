/** Shared set-up of the browser tests: Vite on 127.0.0.1 serving the repo (+ shared data) and headless Chromium. */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../src/browser/launchChromium.js';
import type { LaunchedChromium } from '../../src/browser/launchChromium.js';
import { startPageServer } from '../../src/browser/startPageServer.js';
import type { PageServer } from '../../src/browser/startPageServer.js';
import type { Harness } from './harness.js';

export const SHARED_DATA = resolve('../shared/data');
export const PHOTOS = '/shared-data/photos/mediapipe-rs/';

export interface BrowserSession {
  server: PageServer;
  browser: LaunchedChromium;
  page: Page;
  close(): Promise<void>;
}

/** Opens the harness page; `args` are extra Chromium switches (fake camera). */
export async function openHarness(args: string[] = []): Promise<BrowserSession> {
  const server = await startPageServer({ root: resolve('.'), mounts: { '/shared-data/': SHARED_DATA } });
  const browser = await launchChromium({ args });
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/test/browser/harness.html`);
  await page.waitForFunction(() => document.title === 'harness ready', null, { timeout: 60_000 });
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Calls `window.harness[name](...args)` in the page. */
export function callHarness<K extends keyof Harness>(
  page: Page,
  name: K,
  ...args: Parameters<Harness[K]>
): Promise<Awaited<ReturnType<Harness[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const h = (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness;
      return h[n]!(...a);
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Harness[K]>>>;
}

/**
 * Headless Chromium whose fake camera plays `video` (looped): the clip converted to a .y4m in `dir` with ffmpeg
 * (`ffmpegArgs` before the output, e.g. `['-t', '4']` to keep it short), permission prompts accepted.
 */
export function launchWithFakeCamera(dir: string, video: string, ffmpegArgs: string[] = []): Promise<LaunchedChromium> {
  const y4m = join(dir, 'fake-camera.y4m');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', video, ...ffmpegArgs, '-pix_fmt', 'yuv420p', y4m]);
  return launchChromium({
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}
