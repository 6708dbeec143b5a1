import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { importOptional } from '../cli/missingDependency.js';
import { findChromium } from './findChromium.js';

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** Chromium binary. @default findChromium() ($CHROMIUM_PATH, then /usr/bin/chromium, ...) */
  executablePath?: string;
  /** Extra command-line switches (e.g. the fake-camera ones). @default [] */
  args?: string[];
  /** Hosts pages may request; anything else is recorded in `foreignRequests`. @default ['127.0.0.1'] */
  allowedHosts?: string[];
}

/** A running headless Chromium with a throw-away profile. */
export interface LaunchedChromium {
  /** The playwright-core persistent browser context: open pages with `context.newPage()`. */
  context: BrowserContext;
  /** Every URL the pages requested whose host is not allowed (data:/blob: URLs are fine). */
  readonly foreignRequests: readonly string[];
  /** Every URL requested, in order. */
  readonly requests: readonly string[];
  /** Closes the browser and deletes the profile directory. */
  close(): Promise<void>;
}

/** Switches that keep Chromium quiet, offline and GPU-free. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium (playwright-core) with a fresh user-data-dir and records every request pages make,
 * flagging those to hosts other than `allowedHosts`.
 *
 * playwright-core (an optional peer) is imported when this is called: without it, it rejects with a
 * `MissingDependencyError` naming the package and its install line; without a Chromium binary, with
 * `ChromiumNotFoundError`.
 *
 * @example
 * ```ts
 * import { launchChromium } from 'posestream/node';
 * const browser = await launchChromium();
 * const page = await browser.context.newPage();
 * await browser.close();
 * ```
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  const { chromium } = await importOptional('launchChromium() of posestream/node', () => import('playwright-core'));
  const executablePath = options.executablePath ?? findChromium();
  const allowed = new Set(options.allowedHosts ?? ['127.0.0.1']);
  const dir = await mkdtemp(join(tmpdir(), 'posestream-chromium-'));
  const requests: string[] = [];
  const foreignRequests: string[] = [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const onRequest = (request: Request): void => {
    const url = request.url();
    requests.push(url);
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return;
    if (!allowed.has(hostname)) foreignRequests.push(url);
  };
  context.on('request', onRequest);
  return {
    context,
    requests,
    foreignRequests,
    async close() {
      context.off('request', onRequest);
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
