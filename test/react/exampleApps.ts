/**
 * Shared set-up of the example-app tests (React and Angular): the packed tarball, a copy of `examples/<name>`
 * installing it, a static server for a built app, and the page-side counters of live camera tracks and workers.
 */
import { packTarball as packedOnce } from '../package/packageFixture.js';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import sirv from 'sirv';

const exec = promisify(execFile);
export const REPO = resolve('.');
export const SHARED_DATA = existsSync(resolve('../shared/data')) ? resolve('../shared/data') : '/work/shared/data';

/** Runs a command (niced), returning stdout; a failure carries its stdout and stderr. */
export async function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout } = await exec('nice', ['-n', '10', cmd, ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** The packed posestream tarball: `$POSESTREAM_TARBALL`, or the one `npm pack` of this checkout made for this run. */
export async function packTarball(): Promise<string> {
  const given = process.env['POSESTREAM_TARBALL'];
  return given ? resolve(given) : packedOnce();
}

/** Copies `examples/<name>` (without node_modules/dist) to a temporary folder and installs it with `tarball`. */
export async function installExample(name: string, tarball: string): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), `posestream-example-${name}-`)), name);
  cpSync(join(REPO, 'examples', name), dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|\.angular)([/\\]|$)/.test(src.slice(join(REPO, 'examples', name).length)),
  });
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { dependencies: Record<string, string> };
  pkg.dependencies['posestream'] = `file:${tarball}`;
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund'], dir);
  return dir;
}

/** A static server on 127.0.0.1 for a built app, with `/shared-data/` mounted read-only. */
export async function serveStatic(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const app = sirv(root, { dev: true, etag: false, single: true });
  const data = sirv(SHARED_DATA, { dev: true, etag: false });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/shared-data/')) {
      req.url = url.slice('/shared-data'.length);
      data(req, res, () => {
        res.statusCode = 404;
        res.end();
      });
    } else app(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('serveStatic: no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Live resources counted in the page by {@link LIVE_COUNTERS}. */
export interface LiveCounts {
  /** Camera tracks whose `readyState` is `'live'`. */
  tracks: number;
  /** Workers constructed and not yet terminated. */
  workers: number;
  /** `getUserMedia` calls, those that have resolved, and workers ever constructed. */
  cameraOpens: number;
  cameraResolved: number;
  workersCreated: number;
}

/**
 * Init script (run before the page's own scripts) wrapping `getUserMedia` and `Worker` to count live tracks and
 * workers; `window.__live()` returns {@link LiveCounts}. `window.__cameraDelayMs` (default 0) holds each
 * `getUserMedia` back that long after the camera opened, as a slow permission prompt would.
 */
export const LIVE_COUNTERS = `(() => {
  const tracks = new Set(); const workers = new Set(); let cameraOpens = 0; let cameraResolved = 0; let workersCreated = 0;
  const md = navigator.mediaDevices;
  if (md && md.getUserMedia) {
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = async (constraints) => {
      cameraOpens++;
      const stream = await gum(constraints);
      for (const t of stream.getTracks()) tracks.add(t);
      const delay = window.__cameraDelayMs || 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      cameraResolved++;
      return stream;
    };
  }
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) { super(...args); workersCreated++; workers.add(this); }
    terminate() { workers.delete(this); super.terminate(); }
  };
  window.__live = () => ({
    tracks: [...tracks].filter((t) => t.readyState === 'live').length,
    workers: workers.size,
    cameraOpens,
    cameraResolved,
    workersCreated,
  });
})();`;

/**
 * Over `ms` of the page's playing video: how much each of the example's counters (`window.posestreamExample`) grew,
 * and `videoFrames`, the frames the `<video>` presented (counted here with requestVideoFrameCallback).
 */
export async function countersOverVideo(page: Page, ms = 10_000): Promise<Record<string, number>> {
  type Counters = Record<string, number>;
  await page.evaluate(() => {
    const w = window as unknown as { posestreamExample: Counters };
    w.posestreamExample['videoFrames'] = 0;
    const video = document.querySelector('video')!;
    const tick = (): void => {
      w.posestreamExample['videoFrames']!++;
      video.requestVideoFrameCallback(tick);
    };
    video.requestVideoFrameCallback(tick);
  });
  const read = () => page.evaluate(() => ({ ...(window as unknown as { posestreamExample: Counters }).posestreamExample }));
  const before = await read();
  await page.waitForTimeout(ms);
  const after = await read();
  return Object.fromEntries(
    Object.entries(after).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k, v - (before[k] ?? 0)]),
  );
}
