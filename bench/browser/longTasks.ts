/**
 * The `longtasks` scenario: the demo app on Chromium's fake camera playing a real swipe video (640x480, 30 fps,
 * looped), on each pipeline path (`runOn` workers, then main-thread) with a synchronous busy loop of 0, 200 and
 * 500 ms on the page's main thread every second (the demo's *busy main thread* control). For each row the demo's
 * controls are set, the pipeline settles (at least two busy-loop periods and two predictions under the new
 * settings, at most `--settle` s), then `window.__posestream` is drained every 2 s for `seconds`: pose frames and
 * predictions reaching the page, the estimator's own rate (`stats.fps.estimator`), gesture start events,
 * capture→gesture and landmarks→drawing latencies, the pipeline's own main-thread time per frame
 * (`stats.mainThread`) and the browser's long-task entries.
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import type { Percentiles, Stage } from '../../src/types.js';
import type { DemoProbe } from '../../demo/src/probe.js';
import { BenchError } from '../benchError.js';
import { pctFigures, round } from '../measure.js';
import type { LandmarkerVariant, LongTaskRecord, PipelinePath } from './browserBenchTypes.js';
import { openDemo, settleDemo, waitForDemo } from './demoPage.js';

/** The paths compared, in order (path-major: switching the path restarts the demo's pipeline). */
export const LONGTASK_PATHS: readonly PipelinePath[] = ['workers', 'main-thread'];
/** Busy-loop lengths, ms every second. */
export const LONGTASK_MS: readonly number[] = [0, 200, 500];

/** A row to measure. */
export interface LongTaskRow {
  path: PipelinePath;
  longTaskMs: number;
}

/** The rows, path-major, for the given paths and lengths (each list in the order given). */
export function longTaskRows(paths: readonly PipelinePath[] = LONGTASK_PATHS, lengths: readonly number[] = LONGTASK_MS): LongTaskRow[] {
  return paths.flatMap((path) => lengths.map((longTaskMs) => ({ path, longTaskMs })));
}

/** Minimum settling time after the controls change: two busy-loop periods, ms. */
const SETTLE_MS = 2000;
/** Settled = this many predictions after the change, or `settleS` passed (measured anyway). */
const SETTLE_PREDICTIONS = 2;
const DRAIN_MS = 2000;

/** What one drain of the probe returns (lists are taken and emptied; counters are read). */
export interface LongTaskSample {
  t: number;
  poseFrames: number;
  predictions: number;
  gestures: { label: string; phase: 'start' | 'end' }[];
  landmarkLatencyMs: number[];
  gestureLatencyMs: number[];
  /** Two clock reads back to back at each pose frame (the demo's `clockFloorMs`); absent from older demos. */
  clockFloorMs?: number[];
  snapshots: { fps: Record<Stage, number>; mainThread: Percentiles | null; resultsVia?: 'shared-memory' | 'messages' | null; droppedFrames?: number }[];
  longTaskEntries: number;
  longTaskTotalMs: number;
  busyLoops: number;
  runOn: PipelinePath | null;
  errors: { name: string; message: string }[];
}

function drain(page: Page): Promise<LongTaskSample> {
  return page.evaluate(() => {
    const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
    return {
      t: performance.now(),
      poseFrames: p.poseFrames,
      predictions: p.predictions,
      gestures: p.gestures.splice(0),
      landmarkLatencyMs: p.landmarkLatencyMs.splice(0),
      clockFloorMs: p.clockFloorMs.splice(0),
      gestureLatencyMs: p.gestureLatencyMs.splice(0),
      snapshots: p.statsSnapshots.splice(0),
      longTaskEntries: p.longTaskEntries.count,
      longTaskTotalMs: p.longTaskEntries.totalMs,
      busyLoops: p.busyLoops,
      runOn: p.runOn,
      errors: p.errors,
    };
  });
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.5) - 1]!;
};

/**
 * Turns a row's samples (first = start marker; its lists are left out) into its record, kept % still null
 * (pure; exported for the tests).
 */
export function longTaskRecord(row: LongTaskRow, landmarker: LandmarkerVariant, samples: readonly LongTaskSample[], load = loadavg()[0] ?? 0): LongTaskRecord {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || samples.length < 2) throw new BenchError('bench:browser: a longtasks row needs two samples or more');
  const seconds = (last.t - first.t) / 1000;
  const measured = samples.slice(1);
  const starts = measured.flatMap((s) => s.gestures).filter((g) => g.phase === 'start');
  const snapshots = measured.flatMap((s) => s.snapshots);
  const main = snapshots.flatMap((s) => (s.mainThread !== null && s.mainThread.count > 0 ? [s.mainThread] : []));
  const p50 = median(main.map((p) => p.p50));
  const p95 = median(main.map((p) => p.p95));
  const fps = snapshots.map((s) => s.fps.estimator);
  // droppedFrames is a running total: the last one before the measurement to the last one of it.
  const droppedBefore = first.snapshots.at(-1)?.droppedFrames;
  const droppedAfter = snapshots.at(-1)?.droppedFrames;
  return {
    scenario: 'longtasks',
    row: `${row.path}-${row.longTaskMs}`,
    path: row.path,
    runsOn: last.runOn,
    resultsVia: snapshots.at(-1)?.resultsVia ?? null,
    longTaskMs: row.longTaskMs,
    landmarker,
    seconds: round(seconds, 2),
    estimatorFps: fps.length === 0 ? null : round(fps.reduce((a, b) => a + b, 0) / fps.length, 2),
    posesToPageFps: round((last.poseFrames - first.poseFrames) / seconds, 2),
    predictionsPerS: round((last.predictions - first.predictions) / seconds, 2),
    estimatorKeptPct: null,
    predictionsKeptPct: null,
    gestures: starts.length,
    gestureLabels: starts.map((g) => g.label),
    ...(pctFigures('gestureLatency', measured.flatMap((s) => s.gestureLatencyMs)) as Pick<LongTaskRecord, 'gestureLatencyP50Ms' | 'gestureLatencyP95Ms'>),
    ...(pctFigures('landmarkLatency', measured.flatMap((s) => s.landmarkLatencyMs)) as Pick<LongTaskRecord, 'landmarkLatencyP50Ms' | 'landmarkLatencyP95Ms'>),
    mainThreadP50Ms: p50 === null ? null : round(p50),
    mainThreadP95Ms: p95 === null ? null : round(p95),
    mainThreadWorstP95Ms: main.length === 0 ? null : round(Math.max(...main.map((p) => p.p95))),
    ...(pctFigures('clockFloor', measured.flatMap((s) => s.clockFloorMs ?? []), ['p50', 'p95']) as Pick<LongTaskRecord, 'clockFloorP50Ms' | 'clockFloorP95Ms'>),
    droppedFramesPerS: droppedBefore === undefined || droppedAfter === undefined ? null : round((droppedAfter - droppedBefore) / seconds, 2),
    longTaskEntries: last.longTaskEntries - first.longTaskEntries,
    longTaskTotalMs: round(last.longTaskTotalMs - first.longTaskTotalMs, 1),
    busyLoops: last.busyLoops - first.busyLoops,
    loadAvg1m: round(load, 2),
  };
}

/**
 * Fills `estimatorKeptPct` / `predictionsKeptPct`: each row's rate as % of the same path's 0 ms row (null
 * without that row, or when its rate is 0). Returns new records, same order.
 */
export function withKeptPct(records: readonly LongTaskRecord[]): LongTaskRecord[] {
  const pct = (v: number | null, base: number | null | undefined): number | null =>
    v === null || base === undefined || base === null || base <= 0 ? null : round((100 * v) / base, 1);
  return records.map((r) => {
    const base = records.find((b) => b.path === r.path && b.longTaskMs === 0);
    return { ...r, estimatorKeptPct: pct(r.estimatorFps, base?.estimatorFps), predictionsKeptPct: pct(r.predictionsPerS, base?.predictionsPerS) };
  });
}

/** Runs the rows in one demo page of `context` (whose fake camera must play the swipe video). */
export async function runLongTasks(
  context: BrowserContext,
  options: { seconds: number; settleS: number; landmarker: LandmarkerVariant; rows: readonly LongTaskRow[]; log: (m: string) => void },
): Promise<LongTaskRecord[]> {
  const first = options.rows[0];
  if (first === undefined) return [];
  const settleTimeoutMs = Math.max(SETTLE_MS, options.settleS * 1000);
  options.log(`longtasks: demo on the fake camera (swipe video, ${options.landmarker} landmarker), ${options.rows.length} rows x ${options.seconds} s`);
  const demo = await openDemo(context, `landmarker=${options.landmarker}&runOn=${first.path}&longTaskMs=${first.longTaskMs}`);
  const { page } = demo;
  try {
    const records: LongTaskRecord[] = [];
    let path = first.path;
    for (const row of options.rows) {
      const name = `${row.path}-${row.longTaskMs}`;
      await page.locator('#long-task').fill(String(row.longTaskMs));
      if (row.path !== path) {
        await page.selectOption('#run-on', row.path); // restarts the pipeline on the other path
        await waitForDemo(page, `longtasks ${name}`);
        path = row.path;
      }
      const set = await page.evaluate(() => {
        const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
        return { requested: p.runOnRequested, runOn: p.runOn, longTaskMs: p.longTaskMs };
      });
      if (set.requested !== row.path || set.longTaskMs !== row.longTaskMs) {
        throw new BenchError(`bench:browser: the demo did not take runOn=${row.path} longTaskMs=${row.longTaskMs} (it shows ${set.requested}, ${set.longTaskMs} ms)`);
      }
      if (set.runOn !== row.path) options.log(`longtasks ${name}: the pipeline runs on ${set.runOn ?? 'nothing'} (this build has no ${row.path} path), measuring anyway`);
      const before = (await drain(page)).predictions;
      const settled = await settleDemo(page, before, { minMs: SETTLE_MS, timeoutMs: settleTimeoutMs, predictions: SETTLE_PREDICTIONS });
      if (!settled) options.log(`longtasks ${name}: no ${SETTLE_PREDICTIONS} predictions within ${settleTimeoutMs / 1000} s, measuring anyway`);
      const samples = [await drain(page)];
      for (let left = options.seconds * 1000; left > 0; left -= DRAIN_MS) {
        await page.waitForTimeout(Math.min(DRAIN_MS, left));
        samples.push(await drain(page));
      }
      const errors = samples[samples.length - 1]!.errors;
      if (errors.length > 0) {
        throw new BenchError(`bench:browser: longtasks ${name}: the demo shows errors: ${errors.map((e) => `${e.name}: ${e.message}`).join('; ')}`);
      }
      const record = longTaskRecord(row, options.landmarker, samples);
      options.log(
        `longtasks ${name}: on ${record.runsOn}, estimator ${record.estimatorFps} fps (${record.posesToPageFps} to the page), ${record.predictionsPerS} predictions/s, ` +
          `${record.gestures} gestures, ${record.longTaskEntries} long tasks`,
      );
      records.push(record);
    }
    return withKeptPct(records);
  } finally {
    await demo.close();
  }
}
