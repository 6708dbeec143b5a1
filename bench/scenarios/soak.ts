/**
 * Scenario `soak`: 10 minutes of virtual time at 240 fps into a 500 ms classifier, on a virtual-time scheduler
 * (it runs in seconds), with a pipeline monitor and pipelineStats attached. Reports the main heap's growth between
 * minute 1 and minute 10 (forced GC before each reading; node must run with --expose-gc), so steady-state
 * retention shows and start-up allocation does not.
 */
import { availableParallelism } from 'node:os';
import { bufferCount, concatMap, defer, exhaustMap, interval, map, of, take, timer, type Observable } from 'rxjs';
import type { PipelineStats, PoseFrame, PoseWindow, SourceFrame } from '../../src/types.js';
import { BenchError } from '../benchError.js';
import type { BenchRecord } from '../benchTypes.js';
import type { Operators } from '../compiled.js';
import { loadTakeHands } from '../data.js';
import { forceGc, heapAfterGc, round } from '../measure.js';
import { advanceTo, createVirtualTime } from '../virtualTime.js';

/** Rows of the soak: posestream with each policy, and the naive bufferCount + exhaustMap chain. */
export const SOAK_ROWS = ['latest', 'drop', 'naive'] as const;
export type SoakRow = (typeof SOAK_ROWS)[number];

const FPS = 240;
const CLASSIFIER_MS = 500;
const WINDOW = 30;

/** Runs one soak row over `virtualMinutes` of virtual time. */
export function runSoakRow(row: SoakRow, ops: Operators, virtualMinutes = 10): BenchRecord {
  if (!forceGc()) throw new BenchError('soak: node must run with --expose-gc to measure heap growth (bench/run.ts starts it so)');
  const hands = loadTakeHands();
  const scheduler = createVirtualTime();
  const monitor = ops.createPipelineMonitor({ now: () => scheduler.now() });
  const totalMs = virtualMinutes * 60_000;
  const frameCount = Math.floor((totalMs * FPS) / 1000);
  const frames$: Observable<SourceFrame<number>> = interval(1000 / FPS, scheduler).pipe(
    take(frameCount),
    map((i) => ({ index: i, timestamp: scheduler.now(), capturedAt: scheduler.now(), image: i, width: 640, height: 480 })),
  );
  const estimate = (f: SourceFrame<number>): Observable<PoseFrame> =>
    of({ index: f.index, timestamp: f.timestamp, capturedAt: f.capturedAt, hands: [hands[f.index % hands.length]!] });
  // The classifier packs the window when it starts (as a worker call would) and answers 500 virtual ms later.
  const classify = (packed: () => Float32Array): Observable<number> =>
    defer(() => {
      const p = packed();
      return timer(CLASSIFIER_MS, scheduler).pipe(map(() => p[0] ?? NaN));
    });

  let estimated = 0;
  let classified = 0;
  let failure: unknown;
  const pipeline$ =
    row === 'naive'
      ? frames$.pipe(
          concatMap(estimate),
          map((p) => (estimated++, p)),
          bufferCount(WINDOW, 1),
          exhaustMap((frames) => classify(() => ops.packWindow(frames.map((f) => f.hands[0]!)))),
        )
      : frames$.pipe(
          ops.estimateHands(estimate, { monitor }),
          map((p) => (estimated++, p)),
          ops.slidingWindow(WINDOW, { monitor }),
          ops.classifyLatest((w: PoseWindow) => classify(() => w.pack()), { policy: row, monitor }),
        );
  let stats: PipelineStats | undefined;
  const heapStart = heapAfterGc();
  const statsSub = ops.pipelineStats(monitor, { scheduler, intervalMs: 1000, windowMs: 2000 }).subscribe((s) => (stats = s));
  const sub = pipeline$.subscribe({ next: () => classified++, error: (e: unknown) => (failure = e) });
  const t0 = performance.now();
  advanceTo(scheduler, 60_000);
  const heapWarm = heapAfterGc();
  let peakRss = process.memoryUsage.rss();
  for (let t = 120_000; t <= totalMs; t += 60_000) {
    advanceTo(scheduler, t);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const steady = stats;
  // The last frame lands a hair after totalMs (1000 / 240 is not exact); let it and its classification finish.
  advanceTo(scheduler, totalMs + 2 * CLASSIFIER_MS);
  const realMs = performance.now() - t0;
  const heapEnd = heapAfterGc();
  sub.unsubscribe();
  statsSub.unsubscribe();
  if (failure) throw failure;
  if (estimated !== frameCount) throw new BenchError(`soak ${row}: ${estimated} of ${frameCount} frames estimated`);
  const seconds = totalMs / 1000;
  return {
    scenario: 'soak',
    row,
    cores: availableParallelism(),
    virtualSeconds: seconds,
    realSeconds: round(realMs / 1000),
    sourceIntervalMs: round(1000 / FPS),
    classifierMs: CLASSIFIER_MS,
    windowSize: WINDOW,
    framesPerSec: round(estimated / seconds),
    windowsPerSec: round(classified / seconds),
    // pipelineStats' busy fraction over the last 2 s before the source ended (the monitor sees only posestream rows).
    classifierBusy: steady && row !== 'naive' ? round(steady.classifierBusy, 4) : null,
    droppedWindows: row === 'naive' ? null : monitor.totals().dropped.classifier,
    heapGrowthBytes: heapEnd - heapWarm,
    heapGrowthFromStartBytes: heapEnd - heapStart,
    peakRssBytes: peakRss,
  };
}

/** Runs every soak row. */
export function runSoak(ops: Operators, virtualMinutes = 10, rows: readonly SoakRow[] = SOAK_ROWS): BenchRecord[] {
  return rows.map((row) => runSoakRow(row, ops, virtualMinutes));
}
