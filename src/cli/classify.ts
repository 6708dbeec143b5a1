/**
 * `posestream classify <recording.ndjson>`: replays a recording through the whole Node pipeline (sliding window,
 * classifier worker, stable gestures) and prints the gesture events and the run's statistics.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catchError, concatMap, EMPTY, lastValueFrom, map, of, tap, toArray } from 'rxjs';
import type { Observable } from 'rxjs';
import { fromRecording } from '../streams/fromRecording.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { classifyLatest } from '../operators/classifyLatest.js';
import { stableGestures } from '../operators/stableGestures.js';
import { monitorStage } from '../operators/monitorStage.js';
import { createPipelineMonitor, STAGES } from '../monitor/createPipelineMonitor.js';
import { summarizeStats } from '../monitor/summarizeStats.js';
import { createClassifierWorker } from '../workers/createClassifierWorker.js';
import { ModelLoadError } from '../workers/workerErrors.js';
import { PosestreamError } from '../errors.js';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SWIPE_SETTINGS, type ModelPipelineSettings } from '../defaultModelSettings.js';
import type { ClassifyPolicy } from '../operators/operatorTypes.js';
import type { GestureEvent, PipelineStats, PoseWindow, Prediction } from '../types.js';
import { CLASSIFY_HELP, parseClassifyArgs } from './classifyArgs.js';
import { createFrameTally } from './createFrameTally.js';
import { NoWindowsError } from './NoWindowsError.js';
import { openRecordingArg } from './openRecordingArg.js';
import { readModelWindow } from './readModelWindow.js';
import { readTaughtModelFile } from './readTaughtModelFile.js';

const WHERE = 'posestream classify';

/** The learned model shipped in the package (`--model default`; trained by `npm run train:default`). */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models/default', import.meta.url));

/**
 * Resolves `--model` (a folder holding model.json, or model.json itself) to the model.json path; a missing one is
 * a `PosestreamError` naming the path looked at.
 *
 * @example
 * ```ts
 * import { resolveModelJson } from 'posestream/node';
 * resolveModelJson('models/default'); // '/abs/path/models/default/model.json'
 * ```
 */
export function resolveModelJson(model: string): string {
  const path = resolve(model);
  const isDir = existsSync(path) ? statSync(path).isDirectory() : !path.endsWith('.json');
  const json = isDir ? join(path, 'model.json') : path;
  if (!existsSync(json)) throw new PosestreamError('model-not-found', `no model.json at ${json}`);
  return json;
}

/**
 * Runs `posestream classify`: replays the recording (on its own clock by default, `--timing asap` as fast as it
 * reads), windows it (with the model's settings unless flags say otherwise: DEFAULT_SWIPE_SETTINGS's for the swipe
 * recogniser, a taught model's own window and `stableGestures` settings, else DEFAULT_MODEL_SETTINGS's), classifies windows in a
 * worker, turns predictions into gesture events with `stableGestures`, and prints the events (`--json`: one object
 * per line) then one stats line. With `--timing recorded` a busy classifier skips windows as `classifyLatest`
 * (`--policy`) does, as it would live; with `--timing asap` every window is classified, in order (there is no
 * "latest" in a file read as fast as possible), so the result is exact and the same on every run.
 *
 * Every flag is checked (type, unit, range) before any file is read; then `--window` against the model's input
 * size, and that the recording exists, before the worker starts: an `InvalidOptionError` (the CLI prints it with the
 * usage, exit 2). `-h` / `--help` prints the help. The recording is a path, a `file:` or `http(s):` URL, or `-`
 * (stdin). A bad line (or any error of the replay or the window) ends the run after the predictions and gesture
 * events of every frame before it, then rejects with that error, so nothing read before it is lost; a gap in `t`
 * over 10 s is waited 10 s (`--timing recorded`), with a note on stderr. A recording that gives no window at all
 * prints the stats, then rejects with a `NoWindowsError` saying why. Latency figures are on one clock
 * (`performance.now()`): a frame is captured when the replay emits it (`--timing recorded`, so `durationMs` is the
 * recording's own length) or when it is read (`--timing asap`); `captureToResultP95Ms` is capture of a window's
 * newest frame to its result.
 *
 * @example
 * ```ts
 * import { runClassify } from 'posestream/node';
 * process.exitCode = await runClassify(['take.ndjson', '--policy', 'drop', '--json']);
 * ```
 */
export async function runClassify(argv: string[]): Promise<number> {
  const args = parseClassifyArgs(argv);
  if (args === 'help') {
    process.stdout.write(CLASSIFY_HELP);
    return 0;
  }
  const { timing, policy, threshold, minConsecutive } = args;
  // The model: the swipe recogniser (the default, or --model swipes: its own window and tracker settings),
  // --model default (the packaged learned model), a model folder or model.json, or a taught template model's JSON
  // (posestream-templates/v1: its own window and tracker settings, like the swipe recogniser).
  const swipes = args.model === undefined || args.model === 'swipes';
  const modelFlag = `--model ${args.model ?? 'swipes'}`;
  let modelJson: string;
  try {
    modelJson = swipes ? 'swipes' : resolveModelJson(args.model === 'default' || args.model === undefined ? DEFAULT_MODEL_DIR : args.model);
  } catch (error) {
    throw error instanceof PosestreamError ? new PosestreamError(error.code, `${modelFlag}: ${error.message}`, { cause: error }) : error;
  }
  const taught = swipes ? undefined : readTaughtModelFile(modelJson, modelFlag);
  const settings: ModelPipelineSettings = taught !== undefined
    ? { window: taught.window, onMissingHand: taught.onMissingHand, maxGapMs: taught.maxGapMs, gestures: taught.gestures }
    : swipes ? DEFAULT_SWIPE_SETTINGS : DEFAULT_MODEL_SETTINGS;
  const own = swipes || taught !== undefined; // the model's own window and tracker settings unless flags say otherwise
  const windowSize = swipes ? (args.window ?? settings.window.frames) : checkWindow(args.window, taught?.window.frames ?? readModelWindow(modelJson), modelJson);
  if (taught !== undefined && args.windowMsGiven && args.windowMs !== taught.window.durationMs) {
    throw new InvalidOptionError(WHERE, '--window-ms', `${taught.window.durationMs} ms, the window the taught model was taught on (${modelJson}), or left out`, args.windowMs);
  }
  const windowMs = own && !args.windowMsGiven ? settings.window.durationMs : args.windowMs;
  const minDurationMs = own && windowMs > 0 ? Math.min(windowMs, settings.window.minDurationMs ?? windowMs) : undefined;
  const recording = openRecordingArg(args.recording);
  const classifier = swipes ? createClassifierWorker({ model: 'swipes' }) : createClassifierWorker({ model: taught ?? modelJson, windowSize });
  // One clock (performance.now()) for the monitor and for every frame's capturedAt: with '--timing recorded' the
  // replay stamps frames when it emits them, with 'asap' a frame is captured when it is read.
  const monitor = createPipelineMonitor({ capacity: 1 << 20 });
  const print = (line: object | string): void => {
    process.stdout.write(typeof line === 'string' ? `${line}\n` : `${JSON.stringify(line)}\n`);
  };
  const tally = createFrameTally();
  let windows = 0;
  // An error of the replay or the window, held until every window before it has been classified.
  let failure: { error: unknown } | undefined;
  try {
    await classifier.ready.catch((error: unknown) => {
      throw error instanceof ModelLoadError ? new ModelLoadError(error.source, error.message.replace('the "model" option', modelFlag), { cause: error }) : error;
    });
    // The run starts once the model is loaded, with the replay: durationMs is then the recording's own length.
    const started = monitor.now();
    const windows$: Observable<PoseWindow> = fromRecording(recording.input, {
      timing,
      now: monitor.now,
      sourceName: recording.source,
      onTimeJump: (j) =>
        process.stderr.write(`${WHERE}: ${j.source}:${j.line}: frame ${j.frame} comes ${+j.gapMs.toFixed(3)} ms after frame ${j.previousFrame}; the replay waited ${j.waitedMs} ms instead\n`),
    }).pipe(
      map((frame) => (frame.capturedAt === undefined ? { ...frame, capturedAt: monitor.now() } : frame)),
      tap((frame) => tally.see(frame)),
      monitorStage(monitor, 'source'),
      // Resampled to the model's frame rate (0 ms: the last N frames as they came), as DEFAULT_MODEL_SETTINGS.
      slidingWindow(windowSize, {
        monitor,
        onMissingHand: settings.onMissingHand,
        maxGapMs: settings.maxGapMs,
        ...(windowMs > 0 ? { resample: { frames: windowSize, durationMs: windowMs, ...(minDurationMs !== undefined ? { minDurationMs } : {}) } } : {}),
      }),
      tap(() => windows++),
      // The windows before the error are still classified and their gestures printed; the error comes last.
      catchError((error: unknown) => {
        failure = { error };
        return EMPTY;
      }),
    );
    const classify = (w: PoseWindow): Promise<Prediction> => classifier.classifyWindow(w);
    const predictions$ =
      timing === 'asap'
        ? windows$.pipe(concatMap((w) => of(w).pipe(classifyLatest(classify, { monitor }))))
        : windows$.pipe(classifyLatest(classify, { policy, monitor }));
    const events: GestureEvent[] = await lastValueFrom(
      predictions$.pipe(
        stableGestures({
          ...settings.gestures,
          ...(own && !args.thresholdGiven ? {} : { threshold }),
          ...(own && !args.minConsecutiveGiven ? {} : { minConsecutive }),
        }),
        tap((e) => {
          if (e.phase !== 'end') return;
          const { label, startFrame, endFrame, startT, endT, score } = e;
          if (args.json) print({ type: 'gesture', label, startFrame, endFrame, startT, endT, score });
          else print(`${label.padEnd(12)} frames ${startFrame}-${endFrame}  t ${startT}-${endT} ms  score ${score.toFixed(3)}`);
        }),
        toArray(),
      ),
    );
    if (failure) throw failure.error;
    const all = STAGES.flatMap((stage) => monitor.events(stage));
    const stats = summarizeStats(all, { from: started - 1, to: monitor.now() });
    const summary = statsLine(stats, events.filter((e) => e.phase === 'end').length, timing === 'asap' ? 'every' : policy);
    if (args.json) print(summary);
    else print(`\n${Object.entries(summary).map(([k, v]) => `${k}: ${typeof v === 'number' ? +v.toFixed(3) : v}`).join('\n')}`);
    if (windows === 0) {
      throw new NoWindowsError(recording.source, tally.explain({ frames: windowSize, durationMs: windowMs, maxGapMs: settings.maxGapMs }));
    }
    return 0;
  } finally {
    classifier.dispose();
  }
}

/** `--window` (or, when not given, the model's window), checked against the model's input size when known. */
function checkWindow(window: number | undefined, modelWindow: number | undefined, modelJson: string): number {
  if (window !== undefined && modelWindow !== undefined && window !== modelWindow) {
    throw new InvalidOptionError(WHERE, '--window', `${modelWindow} frames, the window the model takes (${modelJson}), or left out`, window);
  }
  return window ?? modelWindow ?? DEFAULT_MODEL_SETTINGS.window.frames;
}

function statsLine(stats: PipelineStats, gestures: number, policy: ClassifyPolicy | 'every'): Record<string, unknown> {
  return {
    type: 'stats',
    policy,
    gestures,
    durationMs: stats.windowMs,
    framesPerSec: stats.fps.source,
    windowsPerSec: stats.fps.window,
    classifiedPerSec: stats.fps.classifier,
    droppedWindows: stats.droppedWindows,
    classifierBusy: stats.classifierBusy,
    windowWaitP95Ms: stats.windowWait.p95,
    captureToResultP95Ms: stats.captureToResult.p95,
  };
}
