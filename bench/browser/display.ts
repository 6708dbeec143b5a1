/**
 * The `display` scenario: the demo app (demo/, served by Vite with its own config) on Chromium's fake camera
 * (a real clip at 640x480, 30 fps) with the shipped gesture model. One page; for each policy (drop, then latest)
 * and each artificial classifier delay (0, 150, 500 ms) the demo's own controls are set, the pipeline settles for at least a
 * second and until two predictions finished under the new settings (at most
 * `--settle` s), then `window.__posestream` is sampled for `seconds`: the shown video's requestVideoFrameCallback
 * intervals (drained every 2 s, so the probe's 600-entry cap never truncates them), pose frames, predictions.
 * The demo runs on the main-thread path (`runOn=main-thread`): the artificial delay is a page function
 * (`classifyWith`), which only that path can run, and every row stays on one path (the `longtasks` scenario
 * compares the paths).
 */
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoProbe } from '../../demo/src/probe.js';
import { BenchError } from '../benchError.js';
import { pctFigures, round } from '../measure.js';
import type { DisplayPolicy, DisplayRecord, LandmarkerVariant } from './browserBenchTypes.js';
import { openDemo, settleDemo, waitForDemo } from './demoPage.js';
import { BENCH_FPS } from './media.js';

/**
 * The rows, in order: each policy with each delay. Policy-major, because switching the policy restarts the demo's
 * sliding window (it must refill with 30 hand frames before the next prediction), while a delay change does not.
 */
export const DISPLAY_ROWS: readonly { policy: DisplayPolicy; delayMs: number }[] = (['drop', 'latest'] as const).flatMap((policy) =>
  [0, 150, 500].map((delayMs) => ({ policy, delayMs })),
);

/** Minimum settling time after the controls change, ms. */
const SETTLE_MS = 1000;
/**
 * Settled = this many predictions finished after the change (so the new delay is in effect), or `settleS` passed
 * (a row whose classifier never runs is still measured, with 0 fps).
 */
const SETTLE_PREDICTIONS = 2;

const DRAIN_MS = 2000;

/** What one drain of the probe returns. */
interface Sample {
  t: number;
  intervals: number[];
  classifyMs: number[];
  poseFrames: number;
  predictions: number;
  missedCallbacks: number;
  droppedWindows: number;
  errors: { name: string; message: string }[];
}

/** Takes (and empties) the probe's interval and classify-time lists, with the counters at the same instant. */
function drain(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
    return {
      t: performance.now(),
      intervals: p.frameIntervals.splice(0),
      classifyMs: p.classifyMs.splice(0),
      poseFrames: p.poseFrames,
      predictions: p.predictions,
      missedCallbacks: p.missedCallbacks,
      droppedWindows: p.stats?.droppedWindows ?? 0,
      errors: p.errors,
    };
  });
}

/** Turns a row's samples (first = start marker) into its record (pure; exported for the tests). */
export function displayRecord(
  row: { policy: DisplayPolicy; delayMs: number },
  landmarker: LandmarkerVariant,
  samples: readonly Sample[],
  load = loadavg()[0] ?? 0,
): DisplayRecord {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || samples.length < 2) throw new BenchError('bench:browser: a display row needs two samples or more');
  const seconds = (last.t - first.t) / 1000;
  const intervals = samples.slice(1).flatMap((s) => s.intervals);
  const classify = samples.slice(1).flatMap((s) => s.classifyMs);
  return {
    scenario: 'display',
    row: `${row.policy}-${row.delayMs}`,
    policy: row.policy,
    classifierDelayMs: row.delayMs,
    landmarker,
    cameraIntervalMs: round(1000 / BENCH_FPS),
    seconds: round(seconds, 2),
    intervals: intervals.length,
    ...(pctFigures('display', intervals, ['p50', 'p95', 'p99', 'max']) as Pick<DisplayRecord, 'displayP50Ms' | 'displayP95Ms' | 'displayP99Ms' | 'displayMaxMs'>),
    missedCallbacks: last.missedCallbacks - first.missedCallbacks,
    estimatorFps: round((last.poseFrames - first.poseFrames) / seconds, 2),
    classifierFps: round((last.predictions - first.predictions) / seconds, 2),
    classifyP50Ms: pctFigures('classify', classify, ['p50'])['classifyP50Ms'] ?? null,
    droppedWindows: last.droppedWindows - first.droppedWindows,
    loadAvg1m: round(load, 2),
  };
}

/** Runs every display row in one demo page of `context` (which must have the fake-camera switches). */
export async function runDisplay(
  context: BrowserContext,
  options: { seconds: number; settleS: number; landmarker: LandmarkerVariant; log: (m: string) => void },
): Promise<DisplayRecord[]> {
  const settleTimeoutMs = Math.max(SETTLE_MS, options.settleS * 1000);
  const first = DISPLAY_ROWS[0]!;
  options.log(`display: demo on the fake camera (${options.landmarker} landmarker), ${DISPLAY_ROWS.length} rows x ${options.seconds} s`);
  const demo = await openDemo(context, `landmarker=${options.landmarker}&runOn=main-thread&policy=${first.policy}&delay=${first.delayMs}`);
  const { page } = demo;
  try {
    const records: DisplayRecord[] = [];
    let policy = first.policy;
    for (const row of DISPLAY_ROWS) {
      if (row.policy !== policy) {
        await page.selectOption('#policy', row.policy); // restarts the pipeline: wait until it runs again
        await waitForDemo(page, `display ${row.policy}-${row.delayMs}`);
        policy = row.policy;
      }
      await page.locator('#delay').fill(String(row.delayMs));
      const set = await page.evaluate(() => {
        const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
        return { policy: p.policy, delayMs: p.delayMs };
      });
      if (set.policy !== row.policy || set.delayMs !== row.delayMs) {
        throw new BenchError(`bench:browser: the demo did not take policy=${row.policy} delay=${row.delayMs} (it shows ${set.policy}, ${set.delayMs} ms)`);
      }
      const before = (await drain(page)).predictions;
      const settled = await settleDemo(page, before, { minMs: SETTLE_MS, timeoutMs: settleTimeoutMs, predictions: SETTLE_PREDICTIONS });
      if (!settled) options.log(`display ${row.policy}-${row.delayMs}: no ${SETTLE_PREDICTIONS} predictions within ${settleTimeoutMs / 1000} s, measuring anyway`);
      const samples = [await drain(page)];
      for (let left = options.seconds * 1000; left > 0; left -= DRAIN_MS) {
        await page.waitForTimeout(Math.min(DRAIN_MS, left));
        samples.push(await drain(page));
      }
      const errors = samples[samples.length - 1]!.errors;
      if (errors.length > 0) {
        throw new BenchError(`bench:browser: display ${row.policy}-${row.delayMs}: the demo shows errors: ${errors.map((e) => `${e.name}: ${e.message}`).join('; ')}`);
      }
      const record = displayRecord(row, options.landmarker, samples);
      options.log(`display ${record.row}: p95 ${record.displayP95Ms} ms, estimator ${record.estimatorFps} fps, classifier ${record.classifierFps} fps`);
      records.push(record);
    }
    return records;
  } finally {
    await demo.close();
  }
}
