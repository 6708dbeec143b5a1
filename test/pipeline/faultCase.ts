/**
 * One case of the pipeline fault matrix, run in the pipeline test page: a pipeline on the fake camera whose packaged
 * workers can be made to fail (test/pipeline/faultyWorker.js), a fault injected into one worker while a gesture is
 * held (or while none is), and what followed: the gesture events and when they came, when the restart showed in
 * stats$, what stats$ counted lost, the first prediction after the fault, and what was left after dispose().
 */
import { createHandGesturePipeline, type GestureEvent, type HandGesturePipelineOptions } from 'posestream';
import { live, named, sleep, tracks, workerFaults } from './pageCounters.js';

/**
 * What is done to the worker (test/pipeline/faultyWorker.js), or, for 'dispose', to the pipeline: `dispose()` at
 * the moment the fault is due.
 */
export type FaultKind = 'crash' | 'exit' | 'hang' | 'starve' | 'break' | 'dispose';
export type FaultWorker = 'classifier' | 'hand-landmarker';

export interface FaultCase {
  runOn: 'workers' | 'main-thread';
  worker: FaultWorker;
  fault: FaultKind;
  /** Inject the fault the moment a gesture starts (else after the 3rd prediction, with no gesture possible). */
  held: boolean;
  /** Give up waiting for the end, the restart and the recovery after this long from the fault, ms. */
  timeoutMs: number;
}

/** A gesture event as the case saw it: ms from the fault (negative: before it). */
export interface SeenGesture {
  phase: GestureEvent['phase'];
  label: string;
  reason: string | null;
  startFrame: number;
  atMs: number;
}

export interface FaultReport {
  faultCase: FaultCase;
  errors: { name: string; message: string }[];
  statuses: string[];
  /** Whether a fault was injected (a gesture started / 3 predictions came before the timeout). */
  injected: boolean;
  /** The label `gesture$` held when the fault was injected. */
  heldAtFault: string | null;
  gestures: SeenGesture[];
  /** The first `end` after the fault: when, and its reason. */
  endAfterMs: number | null;
  endReason: string | null;
  /** `gesture$` right after that end. */
  gestureAfterEnd: string | null;
  /** ms from the fault to the first stats$ snapshot counting one more restart. */
  restartSeenAfterMs: number | null;
  /** Predictions before the fault, and after it: how many and when the first came; and how many after the restart showed. */
  predictionsBefore: number;
  predictionsAfter: number;
  firstPredictionAfterMs: number | null;
  predictionsAfterRestart: number;
  /** The longest time without a prediction from the fault on, ms. */
  longestGapMs: number;
  /** The last stats$ snapshot's counts. */
  stats: { restarts: number; lostWindows: number; lostFrames: number; droppedFrames: number; droppedWindows: number; lastError: string | null } | null;
  /** Every start followed by exactly one end of its label, nothing in between; null when it holds, else what broke it. */
  contractBroken: string | null;
  gestureAtDispose: string | null;
  liveTracks: number;
  liveWorkers: number;
  finalStatus: string;
}

/** Every start followed by exactly one end of the same label and start, nothing in between, the last one ended. */
function checkContract(events: SeenGesture[]): string | null {
  let open: SeenGesture | undefined;
  for (const [i, e] of events.entries()) {
    if (e.phase === 'start') {
      if (open !== undefined) return `start #${i} (${e.label}) while ${open.label} was held`;
      open = e;
    } else {
      if (open === undefined) return `end #${i} (${e.label}) with no start`;
      if (open.label !== e.label || open.startFrame !== e.startFrame) return `end #${i} (${e.label} from ${e.startFrame}) for start ${open.label} from ${open.startFrame}`;
      open = undefined;
    }
  }
  return open === undefined ? null : `start ${open.label} never ended`;
}

/** Runs one case on the camera and reports; the pipeline is disposed at the end whatever happened. */
export async function runFaultCase(c: FaultCase): Promise<FaultReport> {
  const video = document.getElementById('video') as HTMLVideoElement;
  // Held: any label (even 'none') is a gesture after 3 predictions, and only 3 of another label end it.
  // Not held: no gesture can start.
  const gestures: HandGesturePipelineOptions['gestures'] = c.held ? { threshold: 0, minConsecutive: 3, ignore: [], cooldownMs: 0 } : { minConsecutive: 1_000_000 };
  workerFaults.injectable = true;
  const pipeline = createHandGesturePipeline({ source: { camera: { video } }, runOn: c.runOn, gestures, statsIntervalMs: 100 });
  workerFaults.injectable = false;
  const report: FaultReport = {
    faultCase: c, errors: [], statuses: [], injected: false, heldAtFault: null, gestures: [], endAfterMs: null, endReason: null,
    gestureAfterEnd: null, restartSeenAfterMs: null, predictionsBefore: 0, predictionsAfter: 0, firstPredictionAfterMs: null, predictionsAfterRestart: 0,
    longestGapMs: 0, stats: null, contractBroken: null, gestureAtDispose: null, liveTracks: 0, liveWorkers: 0, finalStatus: '',
  };
  let faultAt: number | undefined;
  const since = (): number => (faultAt === undefined ? 0 : performance.now() - faultAt);
  let current = null as GestureEvent | null; // (set in callbacks)
  let restartsBefore = 0;
  let lastPredictionAt: number | undefined;
  const inject = (): void => {
    if (faultAt !== undefined) return;
    faultAt = performance.now();
    lastPredictionAt = faultAt;
    report.injected = true;
    report.heldAtFault = current?.label ?? null;
    if (c.fault === 'dispose') pipeline.dispose();
    // (the classifier worker is 'classifier', or 'function-classifier' for a function classifier module)
    else (named.get(c.worker) ?? (c.worker === 'classifier' ? named.get('function-classifier') : undefined))?.postMessage({ posestreamTestFault: c.fault });
  };
  pipeline.status$.subscribe((s) => report.statuses.push(s));
  pipeline.errors$.subscribe((e) => report.errors.push({ name: e.name, message: e.message }));
  pipeline.gesture$.subscribe((g) => (current = g));
  pipeline.gestures$.subscribe((e) => {
    report.gestures.push({ phase: e.phase, label: e.label, reason: e.reason ?? null, startFrame: e.startFrame, atMs: faultAt === undefined ? -1 : since() });
    if (faultAt !== undefined && e.phase === 'end' && report.endAfterMs === null) {
      report.endAfterMs = since();
      report.endReason = e.reason ?? null;
      queueMicrotask(() => (report.gestureAfterEnd = current?.label ?? null));
    }
    if (c.held && e.phase === 'start') queueMicrotask(inject); // once gesture$ holds it
  });
  pipeline.predictions$.subscribe(() => {
    if (faultAt === undefined) {
      report.predictionsBefore++;
      if (!c.held && report.predictionsBefore === 3) inject();
      return;
    }
    const now = performance.now();
    report.longestGapMs = Math.max(report.longestGapMs, now - (lastPredictionAt ?? now));
    lastPredictionAt = now;
    report.predictionsAfter++;
    report.firstPredictionAfterMs ??= since();
    if (report.restartSeenAfterMs !== null) report.predictionsAfterRestart++;
  });
  pipeline.stats$.subscribe((st) => {
    report.stats = { restarts: st.restarts, lostWindows: st.lostWindows, lostFrames: st.lostFrames, droppedFrames: st.droppedFrames, droppedWindows: st.droppedWindows, lastError: st.lastError ?? null };
    if (faultAt === undefined) restartsBefore = st.restarts;
    else if (st.restarts > restartsBefore && report.restartSeenAfterMs === null) report.restartSeenAfterMs = since();
  });
  // Until the fault, then until it is over: the end came (held), the restart showed, and 3 predictions came after it.
  const deadline = performance.now() + 90_000;
  while (faultAt === undefined && performance.now() < deadline && report.errors.length === 0) await sleep(50);
  const until = performance.now() + c.timeoutMs;
  // A dispose is over at once, a broken stream once the pipeline failed; else once it carries on after the restart.
  const over = (): boolean =>
    c.fault === 'dispose' ||
    report.errors.length > 0 ||
    ((!c.held || report.endAfterMs !== null) && report.restartSeenAfterMs !== null && report.predictionsAfterRestart >= 3);
  while (faultAt !== undefined && performance.now() < until && !over()) await sleep(50);
  if (faultAt !== undefined && lastPredictionAt !== undefined) report.longestGapMs = Math.max(report.longestGapMs, performance.now() - lastPredictionAt);
  report.gestureAtDispose = current?.label ?? null;
  pipeline.dispose();
  await sleep(500);
  report.contractBroken = checkContract(report.gestures);
  report.liveTracks = tracks.filter((t) => t.readyState === 'live').length;
  report.liveWorkers = live.size;
  report.finalStatus = pipeline.status;
  return report;
}
