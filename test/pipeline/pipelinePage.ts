/**
 * Page of the createHandGesturePipeline browser tests, importing the BUILT package as an app does (`posestream` is
 * aliased to dist/). It counts live camera tracks and live Workers (getUserMedia and Worker wrapped before any
 * pipeline starts) and exposes `window.pipelinePage` (`run` here, `runFaultCase` in faultCase.ts).
 */
import { createHandGesturePipeline, type HandGesturePipelineOptions, type HandGesturePipelineStatus } from 'posestream';
import { runFaultCase } from './faultCase.js';
import { runModelSwitch } from './modelSwitch.js';
import { runStreamSource } from './streamSources.js';
import { live, sleep, tracks } from './pageCounters.js';


/** What one run saw. */
export interface RunReport {
  statuses: HandGesturePipelineStatus[];
  poses: number;
  handFrames: number;
  predictions: number;
  gestures: string[];
  firstGestureMs: number | null;
  errors: { name: string; message: string }[];
  info: { labels: readonly string[]; windowSize: number; backend: string; backendFallback?: string } | null;
  /** stats$'s `warnings`, last snapshot, and what the run logged with console.warn. */
  warnings: readonly string[];
  consoleWarnings: string[];
  stats: unknown;
  runsOn: string;
  isolated: boolean;
  /** `stats$`'s `resultsVia`, last snapshot. */
  resultsVia: string | null;
  /** Every prediction's window ended after the previous one's. */
  predictionsInOrder: boolean;
  /** With `block`: predictions whose window ended (capture clock) inside the blocked stretch, seen after it. */
  predictionsCapturedWhileBlocked: number;
  /** The main thread's pipeline ms per frame, p95, from the last stats snapshot. */
  mainThreadP95: number | null;
  /** The same, p50. */
  mainThreadP50: number | null;
  restarts: number;
  /** What `ready` rejected with, if it did. */
  readyError: { name: string; message: string } | null;
  liveTracksBeforeDispose: number;
  liveTracks: number;
  liveWorkers: number;
}

/**
 * Runs a pipeline for `ms` (or until `stopOn` happens: a swipe or an error), disposes it (`disposeAfterMs` early), and
 * reports.
 */
async function run(
  options: Omit<HandGesturePipelineOptions, 'source'> & { source?: 'camera' | { file: string; loop?: boolean } },
  ms: number,
  stopOn: 'gesture' | 'error' | 'never' = 'never',
  disposeAfterMs?: number,
  block?: { afterPredictions: number; ms: number },
): Promise<RunReport> {
  const video = document.getElementById('video') as HTMLVideoElement;
  const source = options.source === undefined || options.source === 'camera' ? { camera: { video } } : { file: options.source.file, loop: options.source.loop ?? false, video };
  const started = performance.now();
  const consoleWarnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    consoleWarnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  const pipeline = createHandGesturePipeline({ ...options, source });
  const report: RunReport = {
    statuses: [], poses: 0, handFrames: 0, predictions: 0, gestures: [], firstGestureMs: null, errors: [], info: null,
    stats: null, runsOn: pipeline.runsOn, isolated: crossOriginIsolated, resultsVia: null, predictionsInOrder: true, restarts: 0, readyError: null, predictionsCapturedWhileBlocked: 0, mainThreadP95: null, mainThreadP50: null,
    warnings: [], consoleWarnings,
    liveTracksBeforeDispose: 0, liveTracks: 0, liveWorkers: 0,
  };
  const blocked = { from: Infinity, to: -Infinity };
  const windowEnds: number[] = [];
  pipeline.stats$.subscribe((st) => (report.stats = { fps: st.fps, droppedFrames: st.droppedFrames, droppedWindows: st.droppedWindows, lostFrames: st.lostFrames, restarts: st.restarts, lastError: st.lastError, landmarkAge: st.landmarkAge.p50 }));
  pipeline.ready.then(
    (i) => (report.info = { labels: [...i.labels], windowSize: i.windowSize, backend: i.backend, ...(i.backendFallback !== undefined ? { backendFallback: i.backendFallback } : {}) }),
    (e: Error) => (report.readyError = { name: e.name, message: e.message }),
  );
  pipeline.status$.subscribe((s) => report.statuses.push(s));
  pipeline.poses$.subscribe((f) => {
    report.poses++;
    if (f.hands.length > 0) report.handFrames++;
  });
  pipeline.stats$.subscribe((st) => {
    report.mainThreadP95 = st.mainThread.p95;
    report.mainThreadP50 = st.mainThread.p50;
    report.resultsVia = st.resultsVia;
    report.warnings = st.warnings;
    report.restarts = st.restarts;
  });
  pipeline.predictions$.subscribe((p) => {
    report.predictions++;
    if (windowEnds.length > 0 && p.windowEndTimestamp <= windowEnds.at(-1)!) report.predictionsInOrder = false;
    windowEnds.push(p.windowEndTimestamp);
    if (block !== undefined && report.predictions === block.afterPredictions) {
      // A long task on the page: the busy loop keeps the main thread from doing anything else for block.ms.
      blocked.from = performance.now();
      while (performance.now() - blocked.from < block.ms) {
        /* busy */
      }
      blocked.to = performance.now();
    }
  });
  pipeline.gestures$.subscribe((e) => {
    if (e.phase !== 'start') return;
    report.gestures.push(e.label);
    report.firstGestureMs ??= performance.now() - started;
  });
  pipeline.errors$.subscribe((e) => report.errors.push({ name: e.name, message: e.message }));
  if (disposeAfterMs !== undefined) {
    await sleep(disposeAfterMs);
  } else {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      if (stopOn === 'gesture' && report.gestures.some((g) => g.startsWith('swipe'))) break;
      if (stopOn === 'error' && report.errors.length > 0) break;
      await sleep(100);
    }
  }
  report.predictionsCapturedWhileBlocked = windowEnds.filter((t) => t > blocked.from && t < blocked.to).length;
  report.liveTracksBeforeDispose = tracks.filter((t) => t.readyState === 'live').length;
  pipeline.dispose();
  pipeline.dispose(); // idempotent
  await sleep(1500); // a getUserMedia still pending at dispose resolves and is stopped
  report.liveTracks = tracks.filter((t) => t.readyState === 'live').length;
  report.liveWorkers = live.size;
  report.statuses.push(pipeline.status);
  console.warn = warn;
  return report;
}

/** Calls createHandGesturePipeline with `options` expecting it to throw: what it threw, and what it started. */
async function tryCreate(options: HandGesturePipelineOptions): Promise<{ threw: { name: string; message: string; option?: string } | null; liveWorkers: number; liveTracks: number }> {
  let threw: { name: string; message: string; option?: string } | null = null;
  try {
    createHandGesturePipeline(options).dispose();
  } catch (e) {
    threw = { name: (e as Error).name, message: (e as Error).message, option: (e as { option?: string }).option };
  }
  await sleep(500);
  return { threw, liveWorkers: live.size, liveTracks: tracks.filter((t) => t.readyState === 'live').length };
}

(window as unknown as { pipelinePage: unknown }).pipelinePage = { run, runFaultCase, runStreamSource, tryCreate, runModelSwitch };
document.title = 'pipeline page ready';
