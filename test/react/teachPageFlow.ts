import { expect } from 'vitest';
/**
 * The example apps' teach page, driven as a user would (React and Angular share its element ids): three recordings
 * of "wave" and three of "anything else" from the live pipeline, Train (progress seen while it teaches), Use it,
 * Save; then the page reloaded, Load (the saved model applied to the new pipeline).
 */
import type { Page } from 'playwright-core';
import type { LiveCounts } from './exampleApps.js';

/** What the flow saw. */
export interface TeachPageReport {
  examples: number;
  trainStatus: string;
  progressSeen: boolean;
  trainProgress: string;
  applied: string;
  workersAfterTraining: number;
  stored: string;
  savedList: string;
  loadedAfterReload: string;
  appliedAfterReload: string;
  /** Train clicked, then Stop in the same task (the page unmounted while teaching): workers started, and live after. */
  unmountWhileTeaching: { trainerStarted: number; sawDone: boolean; liveWorkers: number; liveTracks: number };
}

const text = async (page: Page, id: string): Promise<string> => ((await page.locator(`#${id}`).textContent()) ?? '').trim();
const until = (page: Page, id: string, pattern: RegExp, timeout = 90_000) =>
  page.waitForFunction(([i, p]) => new RegExp(p).test((document.getElementById(i)?.textContent ?? '').trim()), [id, pattern.source] as const, { timeout, polling: 50 });

async function running(page: Page): Promise<void> {
  await until(page, 'status', /^(running|error)/);
  const status = await text(page, 'status');
  if (status !== 'running') throw new Error(`the teach page's pipeline did not start: ${status}`);
}

/** Records one example with `button` and waits until it is listed (`count` examples then). */
async function recordOne(page: Page, button: string, count: number): Promise<void> {
  await page.locator(`#${button}`).click();
  await page.waitForFunction((n) => document.querySelectorAll('#examples li').length >= n, count, { timeout: 30_000 });
}

/** Runs the flow on `page` (opened on the teach page); `live` reads the page's live workers. */
export async function teachPageFlow(page: Page, live: (p: Page) => Promise<LiveCounts>): Promise<TeachPageReport> {
  await running(page);
  await page.locator('#gesture-name').fill('wave');
  let count = 0;
  for (let i = 0; i < 3; i++) await recordOne(page, 'record', ++count);
  for (let i = 0; i < 3; i++) await recordOne(page, 'record-none', ++count);
  // Every progress text shown while the status says 'teaching' (watched in the page, not polled).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const status = document.getElementById('train-status')?.textContent ?? '';
      const progress = document.getElementById('train-progress')?.textContent ?? '';
      if (status.startsWith('teaching') && progress !== '' && seen.at(-1) !== progress) seen.push(progress);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('#train').click();
  await until(page, 'train-status', /^(done|error)/, 180_000);
  const report: TeachPageReport = {
    examples: count,
    trainStatus: await text(page, 'train-status'),
    progressSeen: (await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)).some((t) => /^\w+ \d+\/\d+/.test(t)),
    trainProgress: await text(page, 'train-progress'),
    applied: '',
    workersAfterTraining: 0,
    stored: '',
    savedList: '',
    loadedAfterReload: '',
    appliedAfterReload: '',
    unmountWhileTeaching: { trainerStarted: -1, sawDone: true, liveWorkers: -1, liveTracks: -1 },
  };
  if (report.trainStatus !== 'done') return report;
  await page.locator('#apply').click();
  await until(page, 'applied', /\S/, 60_000);
  report.applied = await text(page, 'applied');
  // The trainer worker ended with its teaching, the replaced classifier worker with the switch.
  await page.waitForFunction(() => (window as unknown as { __live(): LiveCounts }).__live().workers <= 2, null, { timeout: 10_000 }).catch(() => undefined);
  report.workersAfterTraining = (await live(page)).workers;
  await page.locator('#save').click();
  await until(page, 'store-status', /\S/, 30_000);
  report.stored = await text(page, 'store-status');
  await until(page, 'saved', /my gestures/, 30_000).catch(() => undefined);
  report.savedList = await text(page, 'saved');
  await page.reload();
  await running(page);
  await page.locator('#load').click();
  await until(page, 'store-status', /\S/, 30_000);
  report.loadedAfterReload = await text(page, 'store-status');
  await until(page, 'applied', /\S/, 60_000);
  report.appliedAfterReload = await text(page, 'applied');
  // Examples again, then Train and, in the same task, Stop: the teach page goes while its worker teaches.
  for (let i = 0; i < 3; i++) await recordOne(page, 'record', i + 1);
  for (let i = 0; i < 3; i++) await recordOne(page, 'record-none', i + 4);
  const before = (await live(page)).workersCreated;
  await page.evaluate(() => {
    // Whether the teaching got to 'done' before the page went (then it would not show a cancel).
    const w = window as unknown as { __sawDone: boolean };
    w.__sawDone = false;
    new MutationObserver(() => {
      if ((document.getElementById('train-status')?.textContent ?? '').startsWith('done')) w.__sawDone = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    (document.getElementById('train') as HTMLButtonElement).click();
    (document.getElementById('toggle') as HTMLButtonElement).click();
  });
  await page.waitForFunction(() => (window as unknown as { __live(): LiveCounts }).__live().workers === 0, null, { timeout: 30_000 }).catch(() => undefined);
  const after = await live(page);
  const sawDone = await page.evaluate(() => (window as unknown as { __sawDone: boolean }).__sawDone);
  report.unmountWhileTeaching = { trainerStarted: after.workersCreated - before, sawDone, liveWorkers: after.workers, liveTracks: after.tracks };
  return report;
}

/** What both example apps' teach pages must report: trained with progress, applied, saved and loaded after a reload, and the trainer worker ended on unmount. */
export function expectTeachPageReport(r: TeachPageReport): void {
  expect(r.trainStatus).toBe('done');
  expect(r.progressSeen).toBe(true);
  expect(r.applied).toBe('wave, none');
  expect(r.workersAfterTraining).toBe(2); // the trainer worker is gone; the pipeline's two stay
  expect(r.stored).toBe('saved');
  expect(r.savedList).toContain('my gestures (wave, none)');
  expect(r.loadedAfterReload).toBe('loaded: wave, none');
  expect(r.appliedAfterReload).toBe('wave, none');
  // Unmounted while teaching: the trainer worker had started, and it is terminated with the pipeline's two.
  expect(r.unmountWhileTeaching).toEqual({ trainerStarted: 1, sawDone: false, liveWorkers: 0, liveTracks: 0 });
}
