/**
 * Page of the createHandGesturePipeline browser tests, importing the BUILT package as an app does (`posestream` is
 * aliased to dist/). It counts live camera tracks and live Workers (getUserMedia and Worker wrapped before any
 * pipeline starts) and exposes `window.pipelinePage`.
 */
import { createHandGesturePipeline, type HandGesturePipelineOptions, type HandGesturePipelineStatus } from 'posestream';

const tracks: MediaStreamTrack[] = [];
const media = navigator.mediaDevices;
const getUserMedia = media.getUserMedia.bind(media);
media.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  tracks.push(...stream.getTracks());
  return stream;
};
// The workers path processes a clone of the camera track: count clones as tracks too.
const clone = MediaStreamTrack.prototype.clone;
MediaStreamTrack.prototype.clone = function countedClone(this: MediaStreamTrack) {
  const copy = clone.call(this);
  tracks.push(copy);
  return copy;
};
const live = new Set<Worker>();
const named = new Map<string, Worker>();
const NativeWorker = window.Worker;
window.Worker = class CountedWorker extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    live.add(this);
    named.set(options?.name ?? '', this);
  }
  override terminate(): void {
    live.delete(this);
    super.terminate();
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What one run saw. */
export interface RunReport {
  statuses: HandGesturePipelineStatus[];
  poses: number;
  handFrames: number;
  predictions: number;
  gestures: string[];
  firstGestureMs: number | null;
  errors: { name: string; message: string }[];
  info: { labels: readonly string[]; windowSize: number; backend: string } | null;
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
  /** With `crash` (or `hang`): predictions after the worker crashed (or hung), when the fault came (ms after the start), and the restarts stats counted. */
  faultAtMs: number | null;
  /** With `crash` or `hang` and `stopOn: 'recovered'`: ms from the fault to the end of the run. */
  recoveredAfterMs: number | null;
  /** With `crash` or `hang`: ms from the fault to the first stats snapshot counting a restart, and to the first pose frame after it (null: none came). */
  restartSeenAfterMs: number | null;
  firstPoseAfterRestartMs: number | null;
  predictionsAfterCrash: number;
  restarts: number;
  liveTracksBeforeDispose: number;
  liveTracks: number;
  liveWorkers: number;
}

/**
 * Runs a pipeline for `ms` (or until `stopOn` happens: a swipe, an error, or more than 5 predictions after an injected
 * crash or hang), disposes it (`disposeAfterMs` early), and reports.
 */
async function run(
  options: Omit<HandGesturePipelineOptions, 'source'> & { source?: 'camera' | { file: string; loop?: boolean } },
  ms: number,
  stopOn: 'gesture' | 'error' | 'recovered' | 'never' = 'never',
  disposeAfterMs?: number,
  block?: { afterPredictions: number; ms: number },
  crash?: { afterPredictions: number; worker: 'classifier' | 'hand-landmarker' },
  hang?: { afterPredictions: number; starve?: boolean },
): Promise<RunReport> {
  const video = document.getElementById('video') as HTMLVideoElement;
  const source = options.source === undefined || options.source === 'camera' ? { camera: { video } } : { file: options.source.file, loop: options.source.loop ?? false, video };
  const started = performance.now();
  // With `hang`, the hand-landmarker worker is the packaged one that can be made to hang (test/pipeline/hangableWorker.js).
  const hangable = () => new Worker('/raw/hangableWorker.js', { type: 'module', name: 'hand-landmarker' });
  const pipeline = createHandGesturePipeline({ ...options, source, ...(hang !== undefined ? { assets: { handLandmarkerWorker: hangable } } : {}) });
  const report: RunReport = {
    statuses: [], poses: 0, handFrames: 0, predictions: 0, gestures: [], firstGestureMs: null, errors: [], info: null,
    stats: null, runsOn: pipeline.runsOn, isolated: crossOriginIsolated, resultsVia: null, predictionsInOrder: true, predictionsAfterCrash: 0, faultAtMs: null, recoveredAfterMs: null, restartSeenAfterMs: null, firstPoseAfterRestartMs: null, restarts: 0, predictionsCapturedWhileBlocked: 0, mainThreadP95: null, mainThreadP50: null,
    liveTracksBeforeDispose: 0, liveTracks: 0, liveWorkers: 0,
  };
  const blocked = { from: Infinity, to: -Infinity };
  const windowEnds: number[] = [];
  pipeline.stats$.subscribe((st) => (report.stats = { fps: st.fps, droppedFrames: st.droppedFrames, droppedWindows: st.droppedWindows, lostFrames: st.lostFrames, restarts: st.restarts, lastError: st.lastError, landmarkAge: st.landmarkAge.p50 }));
  pipeline.ready.then((i) => (report.info = { labels: [...i.labels], windowSize: i.windowSize, backend: i.backend }), () => undefined);
  pipeline.status$.subscribe((s) => report.statuses.push(s));
  const sinceFault = () => performance.now() - started - (report.faultAtMs ?? 0);
  pipeline.poses$.subscribe((f) => {
    report.poses++;
    if (f.hands.length > 0) report.handFrames++;
    if (report.restartSeenAfterMs !== null && report.firstPoseAfterRestartMs === null) report.firstPoseAfterRestartMs = sinceFault();
  });
  pipeline.stats$.subscribe((st) => {
    report.mainThreadP95 = st.mainThread.p95;
    report.mainThreadP50 = st.mainThread.p50;
    report.resultsVia = st.resultsVia;
    report.restarts = st.restarts;
    if (st.restarts > 0 && report.faultAtMs !== null && report.restartSeenAfterMs === null) report.restartSeenAfterMs = sinceFault();
  });
  let crashed = false;
  pipeline.predictions$.subscribe((p) => {
    report.predictions++;
    if (windowEnds.length > 0 && p.windowEndTimestamp <= windowEnds.at(-1)!) report.predictionsInOrder = false;
    windowEnds.push(p.windowEndTimestamp);
    if (crashed) report.predictionsAfterCrash++;
    if (crash !== undefined && report.predictions === crash.afterPredictions) {
      // The worker dies as an uncaught error would kill it: its 'error' event.
      named.get(crash.worker)?.dispatchEvent(new ErrorEvent('error', { message: `injected crash of ${crash.worker}` }));
      crashed = true;
      report.faultAtMs = performance.now() - started;
    }
    if (hang !== undefined && report.predictions === hang.afterPredictions) {
      named.get('hand-landmarker')?.postMessage(hang.starve ? { posestreamTestStarve: true } : { posestreamTestHang: true });
      crashed = true;
      report.faultAtMs = performance.now() - started;
    }
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
      if (stopOn === 'recovered' && report.predictionsAfterCrash > 5) break; // at most ~2 were in flight at the fault
      await sleep(100);
    }
  }
  report.recoveredAfterMs = report.faultAtMs === null ? null : performance.now() - started - report.faultAtMs;
  report.predictionsCapturedWhileBlocked = windowEnds.filter((t) => t > blocked.from && t < blocked.to).length;
  report.liveTracksBeforeDispose = tracks.filter((t) => t.readyState === 'live').length;
  pipeline.dispose();
  pipeline.dispose(); // idempotent
  await sleep(1500); // a getUserMedia still pending at dispose resolves and is stopped
  report.liveTracks = tracks.filter((t) => t.readyState === 'live').length;
  report.liveWorkers = live.size;
  report.statuses.push(pipeline.status);
  return report;
}

(window as unknown as { pipelinePage: unknown }).pipelinePage = { run };
document.title = 'pipeline page ready';
