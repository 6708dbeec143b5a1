import { calibrateSpin } from '../burn.js';
/**
 * Scenario `stall`: a 30 fps source, an estimator doing ~20 ms of real CPU work per frame and a classifier doing
 * ~150 ms per window, wired four ways (rows `option1`, `naive`, `drop`, `latest`), while a 30 fps "display"
 * callback on the main thread measures how late it runs. Row `idle` runs the display callback alone first, in the
 * same process and run: its display figures are the machine's own floor, and every other row reports
 * `displayP99OverIdleMs` (its display p99 minus idle's), the pipeline's own effect on display jitter.
 */
import { availableParallelism } from 'node:os';
import { bufferCount, concatMap, exhaustMap, from, map, Subject, tap, type Observable } from 'rxjs';
import type { PoseFrame, SourceFrame } from '../../src/types.js';
import type { BenchRecord, ScenarioOptions } from '../benchTypes.js';
import type { Operators } from '../compiled.js';
import { loadTakeHands } from '../data.js';
import { heapAfterGc, pctFigures, round } from '../measure.js';
import { createStandInClassifier, createStandInEstimator, type Timed } from '../standIns.js';
import { startTicker } from '../ticker.js';
import type { ClassifierWorkerApi } from '../workers/classifierWorker.js';
import type { EstimatorWorkerApi } from '../workers/estimatorWorker.js';
import { spawnBenchWorker, type BenchWorker } from '../workers/spawn.js';

/** The rows of the stall scenario, in output order. */
export const STALL_ROWS = ['idle', 'option1', 'naive', 'drop', 'latest'] as const;
export type StallRow = (typeof STALL_ROWS)[number];

const FPS = 30;
const SOURCE_INTERVAL_MS = 1000 / FPS;
const ESTIMATOR_MS = 20;
const CLASSIFIER_MS = 150;
const WINDOW = 30;
const SHAPE = [WINDOW, 21, 3] as const;

/** What a classified window carries through every row: its newest frame's capture time and when it was emitted. */
interface WindowLike {
  capturedAt: number;
  emittedAt: number;
  pack(): Float32Array;
}

/** Everything measured during one row, on the main thread's performance.now() clock. */
class Probe {
  t0 = 0;
  tEnd = Infinity;
  firstWindowAt: number | undefined;
  landmarkAges: number[] = [];
  estimatorCompute: number[] = [];
  classifierCompute: number[] = [];
  waits: number[] = [];
  captureToStart: number[] = [];
  captureToResult: number[] = [];
  busyMs = 0;
  /** Start times of classifications still running. */
  open = new Set<{ start: number }>();
  estimated = 0;
  windowsEmitted = 0;
  classifyStarts = 0;
  classified = 0;
  rss = 0;

  /** Closes the measurement: classifications still running count as busy up to tEnd. */
  close(): void {
    for (const { start } of this.open) this.busyMs += Math.max(0, this.tEnd - start);
    this.open.clear();
  }
  live(): boolean {
    return performance.now() <= this.tEnd;
  }
  onPose(pose: PoseFrame): void {
    if (!this.live()) return;
    this.estimated++;
    this.landmarkAges.push(performance.now() - (pose.capturedAt ?? pose.timestamp));
  }
  onWindow(): void {
    if (!this.live()) return;
    this.windowsEmitted++;
    this.firstWindowAt ??= performance.now();
  }
  /** Call when classification of `w` starts; returns the function to call when its result arrives. */
  onClassifyStart(w: WindowLike): (computeMs: number) => void {
    const start = performance.now();
    const token = { start };
    if (start <= this.tEnd) {
      this.open.add(token);
      this.classifyStarts++;
      this.waits.push(start - w.emittedAt);
      this.captureToStart.push(start - w.capturedAt);
    }
    return (computeMs) => {
      const end = performance.now();
      if (start > this.tEnd || !this.open.delete(token)) return;
      this.busyMs += Math.min(end, this.tEnd) - start;
      if (end > this.tEnd) return;
      this.classified++;
      this.classifierCompute.push(computeMs);
      this.captureToResult.push(end - w.capturedAt);
    };
  }
}

interface Stages {
  estimate(frame: SourceFrame<number>): Promise<PoseFrame>;
  classify(packed: Float32Array): Promise<Timed<number[]>>;
  dispose(): Promise<void>;
}

async function workerStages(opts: ScenarioOptions, probe: Probe): Promise<Stages> {
  const est: BenchWorker<EstimatorWorkerApi> = spawnBenchWorker(new URL('../workers/estimatorWorker.ts', import.meta.url), 'bench-estimator');
  const cls: BenchWorker<ClassifierWorkerApi> = spawnBenchWorker(new URL('../workers/classifierWorker.ts', import.meta.url), 'bench-classifier');
  const ready = Promise.all([est.api.init(ESTIMATOR_MS, opts.itersPerMs), cls.api.init(CLASSIFIER_MS, opts.itersPerMs)]);
  await Promise.race([ready, est.died, cls.died]);
  // One call each before the clock starts, so that JIT warm-up is not measured.
  await Promise.race([Promise.all([est.api.estimate(0), cls.api.classify(new Float32Array(WINDOW * 63), SHAPE)]), est.died, cls.died]);
  return {
    estimate: async (frame) => {
      const r = await Promise.race([est.api.estimate(frame.index), est.died]);
      if (probe.live()) probe.estimatorCompute.push(r.computeMs);
      return { index: frame.index, timestamp: frame.timestamp, capturedAt: frame.capturedAt, hands: r.value, width: frame.width, height: frame.height };
    },
    classify: async (packed) => {
      return Promise.race([cls.api.classify(packed, SHAPE), cls.died]);
    },
    dispose: async () => {
      await Promise.all([est.terminate(), cls.terminate()]);
    },
  };
}

/** A `bufferCount` window as the baselines hand it to the classifier (packed only when sent, like posestream's). */
function toWindow(frames: PoseFrame[], ops: Operators): WindowLike {
  const last = frames[frames.length - 1] as PoseFrame;
  return { capturedAt: last.capturedAt ?? last.timestamp, emittedAt: performance.now(), pack: () => ops.packWindow(frames.map((f) => f.hands[0]!)) };
}

/** Builds the row's pipeline from frames to "result arrived"; returns it and the drop counters it can read. */
function pipeline(
  row: Exclude<StallRow, 'option1' | 'idle'>,
  frames$: Observable<SourceFrame<number>>,
  stages: Stages,
  probe: Probe,
  ops: Operators,
): { out$: Observable<unknown>; droppedFrames(): number; droppedWindows(): number; queuedFrames(): number } {
  const classifyWindow = (w: WindowLike): Promise<void> => {
    const done = probe.onClassifyStart(w);
    return stages.classify(w.pack()).then((r) => done(r.computeMs));
  };
  if (row === 'naive') {
    let entered = 0;
    let started = 0;
    const out$ = frames$.pipe(
      tap(() => entered++),
      concatMap((f) => {
        started++;
        return from(stages.estimate(f));
      }),
      tap((p) => probe.onPose(p)),
      bufferCount(WINDOW, 1),
      map((frames) => toWindow(frames, ops)),
      tap(() => probe.onWindow()),
      exhaustMap((w) => from(classifyWindow(w))),
    );
    return {
      out$,
      droppedFrames: () => 0,
      droppedWindows: () => probe.windowsEmitted - probe.classifyStarts,
      queuedFrames: () => entered - started,
    };
  }
  const estimator = ops.estimateHands((f: SourceFrame<number>) => stages.estimate(f));
  const classifier = ops.classifyLatest((w: WindowLike) => classifyWindow(w), { policy: row });
  const out$ = frames$.pipe(
    estimator,
    tap((p) => probe.onPose(p)),
    ops.slidingWindow(WINDOW),
    tap(() => probe.onWindow()),
    classifier,
  );
  return { out$, droppedFrames: () => estimator.dropped, droppedWindows: () => classifier.dropped, queuedFrames: () => 0 };
}

/** Row `idle`: the display tick alone for `opts.durationS` seconds, no source and no pipeline. */
async function runIdleRow(opts: ScenarioOptions): Promise<BenchRecord> {
  const heapBefore = heapAfterGc();
  let rss = process.memoryUsage.rss();
  const t0 = performance.now();
  const display = startTicker(SOURCE_INTERVAL_MS, () => {
    rss = Math.max(rss, process.memoryUsage.rss());
  });
  await new Promise((resolve) => setTimeout(resolve, opts.durationS * 1000));
  display.stop();
  const elapsedMs = performance.now() - t0;
  const none: number[] = [];
  return {
    scenario: 'stall',
    row: 'idle',
    cores: availableParallelism(),
    durationS: round(elapsedMs / 1000),
    sourceIntervalMs: round(SOURCE_INTERVAL_MS),
    windowSize: WINDOW,
    estimatorTargetMs: ESTIMATOR_MS,
    classifierTargetMs: CLASSIFIER_MS,
    estimatorMs: null,
    classifierMs: null,
    ...pctFigures('display', display.intervals, ['p50', 'p95', 'p99', 'max']),
    displaySkipped: display.skipped,
    framesPerSec: 0,
    windowsPerSec: 0,
    classifierBusy: 0,
    ...pctFigures('stalenessStart', none),
    ...pctFigures('captureToStart', none),
    ...pctFigures('captureToResult', none),
    ...pctFigures('landmarkAge', none, ['p50', 'p95', 'max']),
    sourceFrames: 0,
    estimatedFrames: 0,
    droppedFrames: 0,
    queuedFrames: 0,
    windowsEmitted: 0,
    windowsStarted: 0,
    windowsClassified: 0,
    droppedWindows: 0,
    heapGrowthBytes: heapAfterGc() - heapBefore,
    peakRssBytes: rss,
  };
}

/** Runs one row for `opts.durationS` seconds and returns its record. */
export async function runStallRow(row: StallRow, opts: ScenarioOptions, ops: Operators): Promise<BenchRecord> {
  if (row === 'idle') return runIdleRow(opts);
  const probe = new Probe();
  const frames$ = new Subject<SourceFrame<number>>();
  let stages: Stages | undefined;
  let counters = { droppedFrames: () => 0, droppedWindows: () => 0, queuedFrames: () => 0 };
  let out$: Observable<unknown>;
  if (row === 'option1') {
    // The seed's Option 1: estimate and classify on the main thread, blocking, every window.
    const itersPerMs = calibrateSpin(); // this thread's own rate
    const estimate = createStandInEstimator(loadTakeHands(), ESTIMATOR_MS, itersPerMs);
    const classify = createStandInClassifier(CLASSIFIER_MS, itersPerMs);
    estimate(0);
    classify(new Float32Array(WINDOW * 63), SHAPE);
    out$ = frames$.pipe(
      map((f): PoseFrame => {
        const r = estimate(f.index);
        if (probe.live()) probe.estimatorCompute.push(r.computeMs);
        return { index: f.index, timestamp: f.timestamp, capturedAt: f.capturedAt, hands: r.value };
      }),
      tap((p) => probe.onPose(p)),
      bufferCount(WINDOW, 1),
      map((frames) => toWindow(frames, ops)),
      tap(() => probe.onWindow()),
      map((w) => {
        const done = probe.onClassifyStart(w);
        done(classify(w.pack(), SHAPE).computeMs);
      }),
    );
  } else {
    stages = await workerStages(opts, probe);
    const p = pipeline(row, frames$, stages, probe, ops);
    out$ = p.out$;
    counters = p;
  }

  let failure: unknown;
  const heapBefore = heapAfterGc();
  probe.rss = process.memoryUsage.rss();
  const sub = out$.subscribe({ error: (e: unknown) => (failure = e) });
  probe.t0 = performance.now();
  probe.tEnd = probe.t0 + opts.durationS * 1000;
  const display = startTicker(SOURCE_INTERVAL_MS, () => {
    probe.rss = Math.max(probe.rss, process.memoryUsage.rss());
  });
  let sourceTicks = 0;
  const source = startTicker(SOURCE_INTERVAL_MS, (dueAt, index) => {
    sourceTicks++;
    frames$.next({ index, timestamp: dueAt, capturedAt: dueAt, image: index, width: 640, height: 480 });
  });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, probe.tEnd - performance.now())));
  source.stop();
  display.stop();
  probe.close();
  const elapsedMs = performance.now() - probe.t0;
  const droppedFrames = counters.droppedFrames();
  const droppedWindows = counters.droppedWindows();
  const queuedFrames = counters.queuedFrames();
  const heapGrowth = heapAfterGc() - heapBefore;
  probe.rss = Math.max(probe.rss, process.memoryUsage.rss());
  sub.unsubscribe();
  frames$.complete();
  await stages?.dispose();
  if (failure) throw failure;

  const busySpan = probe.firstWindowAt === undefined ? 0 : probe.tEnd - probe.firstWindowAt;
  return {
    scenario: 'stall',
    row,
    cores: availableParallelism(),
    durationS: round(elapsedMs / 1000),
    sourceIntervalMs: round(SOURCE_INTERVAL_MS),
    windowSize: WINDOW,
    estimatorTargetMs: ESTIMATOR_MS,
    classifierTargetMs: CLASSIFIER_MS,
    ...renameP50('estimatorMs', probe.estimatorCompute),
    ...renameP50('classifierMs', probe.classifierCompute),
    ...pctFigures('display', display.intervals, ['p50', 'p95', 'p99', 'max']),
    displaySkipped: display.skipped,
    framesPerSec: round(probe.estimated / (elapsedMs / 1000)),
    windowsPerSec: busySpan > 0 ? round(probe.classified / (busySpan / 1000)) : 0,
    classifierBusy: busySpan > 0 ? round(Math.min(1, probe.busyMs / busySpan), 4) : 0,
    ...pctFigures('stalenessStart', probe.waits),
    ...pctFigures('captureToStart', probe.captureToStart),
    ...pctFigures('captureToResult', probe.captureToResult),
    ...pctFigures('landmarkAge', probe.landmarkAges, ['p50', 'p95', 'max']),
    sourceFrames: sourceTicks + source.skipped,
    estimatedFrames: probe.estimated,
    // Camera frames the main thread was too busy to take, plus frames the pipeline dropped on purpose.
    droppedFrames: source.skipped + droppedFrames,
    queuedFrames,
    windowsEmitted: probe.windowsEmitted,
    windowsStarted: probe.classifyStarts,
    windowsClassified: probe.classified,
    droppedWindows,
    heapGrowthBytes: heapGrowth,
    peakRssBytes: probe.rss,
  };
}

function renameP50(name: string, values: readonly number[]): Record<string, number | null> {
  const f = pctFigures('x', values, ['p50']);
  return { [name]: f['xP50Ms'] ?? null };
}

/**
 * Runs the rows one after the other (fresh workers each). When `idle` ran, every other row gets
 * `displayP99OverIdleMs`: its display p99 minus the idle row's, measured in this same run.
 */
export async function runStall(opts: ScenarioOptions, ops: Operators, rows: readonly StallRow[] = STALL_ROWS): Promise<BenchRecord[]> {
  const out: BenchRecord[] = [];
  for (const row of rows) out.push(await runStallRow(row, opts, ops));
  const floor = out.find((r) => r.row === 'idle')?.['displayP99Ms'];
  for (const r of out) {
    if (r.row === 'idle') continue;
    const p99 = r['displayP99Ms'];
    r['displayP99OverIdleMs'] = typeof p99 === 'number' && typeof floor === 'number' ? round(p99 - floor) : null;
  }
  return out;
}
