/**
 * The `teach` scenario: the demo on the fake camera (the real swipe video, the workers path), first untouched for
 * `seconds`, then while its Teach panel trains (the page's `createGestureTrainer` worker) on synthetic examples
 * (`syntheticExamples`: the demo's own latest hand moved along paths): 5 gestures + none x 5 takes, then 14
 * gestures + none x 3. Training is clicked again as soon as it finishes until `seconds` have passed (so the stats'
 * 2 s windows see training throughout); each training's wall time (click to model) and worker time are kept. Per
 * row: the estimator's fps (`stats.fps.estimator`) and its % of the untouched row, poses reaching the page, and
 * the page's long-task entries (count, total, longest).
 */
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoProbe } from '../../demo/src/probe.js';
import type { GestureExample } from '../../src/teach/teachTypes.js';
import type { Landmark } from '../../src/types.js';
import { BenchError } from '../benchError.js';
import { round } from '../measure.js';
import type { LandmarkerVariant, TeachRecord } from './browserBenchTypes.js';
import { openDemo } from './demoPage.js';
import { syntheticExamples } from './syntheticExamples.js';

/** The training rows: gestures x takes each (and as many of none). */
export const TEACH_SETS: readonly { gestures: number; perClass: number }[] = [
  { gestures: 5, perClass: 5 },
  { gestures: 14, perClass: 3 },
];

interface Sample {
  t: number;
  poseFrames: number;
  fps: number[];
  longTasks: { count: number; totalMs: number; maxMs: number; recent: { startMs: number; durationMs: number }[] };
  trainings: DemoProbe['teach']['trainings'];
  training: boolean;
  error: string | null;
}

const sample = (page: Page): Promise<Sample> =>
  page.evaluate(() => {
    const p = (window as unknown as { __posestream: DemoProbe }).__posestream;
    return {
      t: performance.now(),
      poseFrames: p.poseFrames,
      fps: p.statsSnapshots.splice(0).map((s) => s.fps.estimator),
      longTasks: { ...p.longTaskEntries, recent: [...p.longTaskEntries.recent] },
      trainings: p.teach.trainings,
      training: p.teach.training,
      error: p.teach.error,
    };
  });

const mean = (v: readonly number[]): number | null => (v.length === 0 ? null : round(v.reduce((a, b) => a + b, 0) / v.length, 2));

/** Turns a row's first and later samples into its record (kept % still null). */
function record(row: string, landmarker: LandmarkerVariant, first: Sample, later: Sample[], set?: { gestures: number; perClass: number }): TeachRecord {
  const last = later[later.length - 1]!;
  const seconds = (last.t - first.t) / 1000;
  const trainings = last.trainings.slice(first.trainings.length);
  // Entries that started within the row (the observer reports them a little later, so read them from the last sample).
  const inRow = last.longTasks.recent.filter((e) => e.startMs >= first.t && e.startMs < last.t);
  return {
    scenario: 'teach',
    row,
    landmarker,
    seconds: round(seconds, 2),
    estimatorFps: mean(later.flatMap((s) => s.fps)),
    estimatorKeptPct: null,
    posesToPageFps: round((last.poseFrames - first.poseFrames) / seconds, 2),
    gestures: set?.gestures ?? 0,
    examplesPerClass: set?.perClass ?? 0,
    examples: set === undefined ? 'none' : 'synthetic',
    trainings: trainings.length,
    trainWallMs: trainings.map((t) => t.wallMs),
    trainWorkerMs: trainings.map((t) => t.trainMs),
    heldOutF1: trainings.length === 0 ? null : round(trainings[0]!.score, 3),
    longTaskEntries: inRow.length,
    longTaskTotalMs: round(inRow.reduce((a, e) => a + e.durationMs, 0), 1),
    longTaskMaxMs: round(Math.max(0, ...inRow.map((e) => e.durationMs)), 1),
    loadAvg1m: round(loadavg()[0] ?? 0, 2),
  };
}

/** Runs the rows in one demo page of `context` (whose fake camera must play the swipe video). */
export async function runTeach(context: BrowserContext, options: { seconds: number; landmarker: LandmarkerVariant; log: (m: string) => void }): Promise<TeachRecord[]> {
  const demo = await openDemo(context, `landmarker=${options.landmarker}&runOn=workers`);
  const { page } = demo;
  try {
    await page.waitForTimeout(3000); // past the start-up
    await sample(page);
    const settle = (): Promise<void> => page.waitForTimeout(1000); // long-task entries of what came before are reported first
    const first = await sample(page);
    const idle: Sample[] = [];
    for (let left = options.seconds * 1000; left > 0; left -= 2000) {
      await page.waitForTimeout(Math.min(2000, left));
      idle.push(await sample(page));
    }
    await settle();
    idle.push({ ...(await sample(page)), t: idle[idle.length - 1]!.t, fps: [] }); // late long-task reports of the row
    const records = [record('untouched', options.landmarker, first, idle)];
    options.log(`teach untouched: estimator ${records[0]!.estimatorFps} fps, ${records[0]!.longTaskEntries} long tasks`);
    const hand = await page.evaluate(() => (window as unknown as { __posestream: DemoProbe }).__posestream.lastLandmarks);
    if (hand === null) throw new BenchError('bench:browser: teach: the demo sees no hand to build the examples from');
    for (const set of TEACH_SETS) {
      const examples: GestureExample[] = syntheticExamples(hand as Landmark[], set.gestures, set.perClass);
      await page.evaluate((ex) => {
        const hook = (window as unknown as { __posestreamTeach: { clearExamples(): void; addExamples(e: unknown[]): void } }).__posestreamTeach;
        hook.clearExamples();
        hook.addExamples(ex);
      }, examples);
      await settle();
      const start = await sample(page);
      const during: Sample[] = [];
      const deadline = start.t + options.seconds * 1000;
      for (;;) {
        await page.click('#teach-train');
        const n = (await sample(page)).trainings.length;
        await page.waitForFunction((k) => { const t = (window as unknown as { __posestream: DemoProbe }).__posestream.teach; return t.error !== null || (!t.training && t.trainings.length > k); }, n, { timeout: 300_000, polling: 100 });
        const s = await sample(page);
        during.push(s);
        if (s.error !== null) throw new BenchError(`bench:browser: teach ${set.gestures}x${set.perClass}: the panel says ${s.error}`);
        if (s.t >= deadline) break;
      }
      await settle();
      during.push({ ...(await sample(page)), t: during[during.length - 1]!.t, fps: [] });
      const r = record(`training-${set.gestures}x${set.perClass}`, options.landmarker, start, during, set);
      options.log(`teach ${r.row}: estimator ${r.estimatorFps} fps, ${r.trainings} trainings (wall ${r.trainWallMs.join(', ')} ms), ${r.longTaskEntries} long tasks (max ${r.longTaskMaxMs} ms)`);
      records.push(r);
    }
    const base = records[0]!.estimatorFps;
    return records.map((r) => ({ ...r, estimatorKeptPct: base === null || base <= 0 || r.estimatorFps === null ? null : round((100 * r.estimatorFps) / base, 1) }));
  } finally {
    await demo.close();
  }
}
